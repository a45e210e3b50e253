import Foundation
import GRDB
import MinbarCore
import Testing

@testable import MinbarSQLite

/// Imports save many articles at once; the result must be what saving them one by one gives.
@Suite struct BatchSaveTests {
    static func inputs(_ newsroom: Newsroom) -> [ArticleInput] {
        (1...30).map { number in
            ArticleInput(
                title: "وزير المياه يزور السدود \(number)", slug: "batch-\(number)",
                body: ArticleBody(html: "<p>قال الوزير إن مخزون المياه ارتفع.</p><p>والسدود الجديدة رقم \(number) تعمل.</p>"),
                status: .published, publishedAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(number)),
                primaryCategoryID: number % 2 == 0 ? newsroom.gulf.id : newsroom.economy.id, tagIDs: [newsroom.water.id],
                authorIDs: [newsroom.salma.id])
        }
    }

    @Test func aBatchIndexesAndCountsWordsLikeOneByOne() async throws {
        let (single, _) = try temporaryStore()
        let (batch, _) = try temporaryStore()
        let singleRoom = try await Newsroom.make(in: single)
        let batchRoom = try await Newsroom.make(in: batch)
        for input in Self.inputs(singleRoom) { try await single.saveArticle(input) }
        #expect(try await batch.saveArticles(Self.inputs(batchRoom)) == 30)
        func terms(_ store: SQLiteContentStore) async throws -> [String: Int] {
            try await store.database.pool.read { db in
                Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT term, articles FROM search_term").map { ($0["term"], $0["articles"]) })
            }
        }
        let singleTerms = try await terms(single)
        #expect(!singleTerms.isEmpty)
        #expect(try await terms(batch) == singleTerms)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let found = try await batch.search(SearchQuery(text: "والسدود"), now: now)
        #expect(found.total == 30)
        #expect(try await batch.articleCounts()[.published] == 30)
        #expect(try await batch.revisions(articleID: found.hits[0].article.id).count == 1)
    }

    @Test func aBadArticleInABatchWritesNothing() async throws {
        let (store, _) = try temporaryStore()
        let newsroom = try await Newsroom.make(in: store)
        var inputs = Self.inputs(newsroom)
        inputs[17].title = " "
        await #expect(throws: ValidationError.self) { try await store.saveArticles(inputs) }
        inputs[17].title = "عنوان"
        inputs[20].tagIDs = [999]
        await #expect(throws: ContentStoreError.self) { try await store.saveArticles(inputs) }
        #expect(try await store.articleCounts().isEmpty)
    }
}
