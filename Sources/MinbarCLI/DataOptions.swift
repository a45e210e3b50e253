import ArgumentParser
import Foundation
import MinbarSQLite

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
}
