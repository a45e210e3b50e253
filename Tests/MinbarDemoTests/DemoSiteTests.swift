import Foundation
import MinbarCore
import MinbarSQLite
import Testing

@testable import MinbarDemo

@Suite struct DemoSiteTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func temporaryStore() throws -> SQLiteContentStore {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("minbar-demo-\(UUID().uuidString)").path
        return try SQLiteContentStore(dataDirectory: directory)
    }

    @Test func seedFixtureIsAVerbatimCopyOfTheSharedOne() throws {
        let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../../shared/fixtures/seed-article/seed-article.json")
        try withKnownIssue("shared/ is not beside this checkout", isIntermittent: true) {
            let original = try Data(contentsOf: shared)
            let copy = try Data(contentsOf: DemoSite.resource("seed-article"))
            #expect(original == copy)
        } when: {
            !FileManager.default.fileExists(atPath: shared.path)
        }
    }

    @Test func installsTheSeedArticleExactlyAsTheFixtureGivesIt() async throws {
        let store = try temporaryStore()
        #expect(try await DemoSite.install(into: store, now: now))
        let seed = try DemoSite.seedFixture().article
        let page = try await store.articles(matching: ArticleQuery.published(at: now).page(1, perPage: 100))
        let found = try #require(page.articles.first { $0.title == seed.title })
        let article = try #require(try await store.article(id: found.id))
        let settings = try await store.siteSettings()
        #expect(settings.dateFormatter.day(of: try #require(article.publishedAt)).description == "2015-12-21")
        #expect(article.breaking != nil && article.breaking?.until == nil)
        #expect(article.primaryCategory?.name == seed.category)
        #expect(article.tags.map(\.name) == seed.tags)
        #expect(article.authors.map(\.name) == [seed.author.name])
        #expect(article.authors.first?.bio == seed.author.bio)
        #expect(article.sourceCredit == seed.sourceCredit)
        #expect(article.body.html == HTMLText.paragraphs(seed.paragraphs))
        #expect(settings.name == "المركز الديمقراطي العربي")
    }

    @Test func fillsEnoughOfANewsroomForEveryPage() async throws {
        let store = try temporaryStore()
        try await DemoSite.install(into: store, now: now)
        let page = try await store.articles(matching: ArticleQuery.published(at: now).page(1, perPage: 100))
        #expect(page.total >= 31)
        let categories = try await store.categories()
        #expect(categories.topLevel.count >= 5)
        #expect(categories.contains { $0.parentID != nil })
        #expect(try await store.authors().count >= 4)
        // Every top-level section has articles, and one of them more than a page's worth.
        var largest = 0
        for category in categories.topLevel {
            var query = ArticleQuery.published(at: now)
            query.categoryIDs = categories.idsInTree(of: category.id)
            let count = try await store.articles(matching: query).total
            #expect(count > 0, "\(category.name)")
            largest = max(largest, count)
        }
        #expect(largest > (try await store.siteSettings()).articlesPerPage)
        // Breaking news: the seed (no end), some still on, one already over.
        var breaking = ArticleQuery.published(at: now)
        breaking.breakingAt = now
        #expect(try await store.articles(matching: breaking).total >= 2)
    }

    @Test func leavesAStoreWithArticlesAlone() async throws {
        let store = try temporaryStore()
        #expect(try await DemoSite.install(into: store, now: now))
        let before = try await store.articleCounts()
        #expect(!(try await DemoSite.install(into: store, now: now)))
        #expect(try await store.articleCounts() == before)
    }
}
