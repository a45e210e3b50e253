import ArgumentParser
import Foundation
import MinbarCore
import MinbarMedia
import MinbarSQLite
import MinbarWeb

/// Options shared by every command that opens a site's data.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "The site's data directory (database, uploads). Created when missing.")
    var data: String = "./minbar-data"

    /// Opens the SQLite store of the data directory.
    func openStore() throws -> SQLiteContentStore {
        do {
            return try SQLiteContentStore(dataDirectory: data)
        } catch {
            throw ValidationError("cannot open the data directory \(data): \(error)")
        }
    }

    /// The photo library of the data directory: records in the store, files in `DATA/media`.
    func openMedia(store: SQLiteContentStore, settings: @escaping @Sendable () -> SiteSettings) throws -> MediaService {
        let files = try FileMediaStore(root: URL(fileURLWithPath: data).appendingPathComponent("media"))
        return MediaService(library: store, files: files, settings: settings)
    }
}
