import Foundation
import GRDB
import MinbarCore

/// `ContentStore` on SQLite: the default store of a one-machine site.
public struct SQLiteContentStore: ContentStore {
    public let database: AppDatabase
    /// The current time; tests replace it.
    let now: @Sendable () -> Date
    /// Search vocabulary and synonyms in memory.
    let searchState = SearchState()

    public init(database: AppDatabase, now: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.now = now
    }

    /// Opens the store of a data directory (`DIR/minbar.sqlite`), creating the directory.
    public init(dataDirectory: String) throws {
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        try self.init(database: AppDatabase(path: (dataDirectory as NSString).appendingPathComponent("minbar.sqlite")))
    }

    var pool: DatabasePool { database.pool }

    // MARK: Settings

    public func siteSettings() async throws -> SiteSettings {
        try await pool.read { db in try Self.fetchSettings(db) }
    }

    static func fetchSettings(_ db: Database) throws -> SiteSettings {
        let rows = try db.fetchRows(sql: "SELECT key, value FROM setting")
        guard !rows.isEmpty else { return SiteSettings() }
        return try SettingsCoding.decode(rows.map { ($0["key"], $0["value"]) })
    }

    public func saveSiteSettings(_ settings: SiteSettings) async throws {
        try settings.validate()
        let pairs = try SettingsCoding.encode(settings)
        try await pool.write { db in
            for (key, value) in pairs {
                try db.execute(
                    sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    arguments: [key, value])
            }
        }
    }

    // MARK: Health

    public func checkHealth() async throws {
        _ = try await pool.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
    }
}

/// Site settings as key/value rows whose values are JSON, so new settings need no migration.
enum SettingsCoding {
    static func encode(_ settings: SiteSettings) throws -> [(String, String)] {
        let data = try JSONEncoder().encode(settings)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [] }
        return try object.keys.sorted().map { key in
            let value = try JSONSerialization.data(withJSONObject: object[key]!, options: [.fragmentsAllowed])
            return (key, String(decoding: value, as: UTF8.self))
        }
    }

    /// The stored values as settings; `SiteSettings` takes the default for a missing key, and a
    /// value that does not read leaves the defaults.
    static func decode(_ pairs: [(String, String)]) throws -> SiteSettings {
        var object: [String: Any] = [:]
        for (key, value) in pairs {
            if let parsed = try? JSONSerialization.jsonObject(with: Data(value.utf8), options: [.fragmentsAllowed]) {
                object[key] = parsed
            }
        }
        let data = try JSONSerialization.data(withJSONObject: object)
        return (try? JSONDecoder().decode(SiteSettings.self, from: data)) ?? SiteSettings()
    }
}
