import Foundation
import MinbarCore
import Synchronization

@testable import MinbarSQLite

/// A real SQLite store in a fresh temporary directory.
func temporaryStore(now: @escaping @Sendable () -> Date = { Date() }) throws -> (SQLiteContentStore, String) {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("minbar-test-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let database = try AppDatabase(path: directory + "/minbar.sqlite")
    return (SQLiteContentStore(database: database, now: now), directory)
}

/// A little newsroom: two nested sections and one beside them, two tags, two authors.
struct Newsroom {
    var middleEast: Category
    var gulf: Category
    var economy: Category
    var oil: MinbarCore.Tag
    var water: MinbarCore.Tag
    var salma: Author
    var centre: Author

    static func make(in store: SQLiteContentStore) async throws -> Newsroom {
        let middleEast = try await store.saveCategory(CategoryInput(name: "الشرق الأوسط"))
        let gulf = try await store.saveCategory(CategoryInput(name: "الخليج", parentID: middleEast.id))
        let economy = try await store.saveCategory(CategoryInput(name: "الاقتصاد"))
        return Newsroom(
            middleEast: middleEast, gulf: gulf, economy: economy,
            oil: try await store.saveTag(TagInput(name: "النفط")), water: try await store.saveTag(TagInput(name: "المياه")),
            salma: try await store.saveAuthor(AuthorInput(name: "سلمى الحسيني", bio: "صحفية")),
            centre: try await store.saveAuthor(AuthorInput(name: "المركز الديمقراطي العربي", kind: .organization)))
    }
}
