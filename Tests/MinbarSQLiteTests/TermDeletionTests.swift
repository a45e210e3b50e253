import Foundation
import MinbarCore
import Testing

@testable import MinbarSQLite

/// Deleting a section, tag or author: where its articles go and what its address becomes.
@Suite struct TermDeletionTests {
    @Test func aDeletedSectionHandsItsArticlesAndAddressToAnother() async throws {
        let (store, _) = try temporaryStore()
        let newsroom = try await Newsroom.make(in: store)
        let article = try await store.saveArticle(
            ArticleInput(title: "سدود الخليج", body: ArticleBody(html: "<p>نص</p>"), status: .published, publishedAt: Date(), primaryCategoryID: newsroom.economy.id))
        await #expect(throws: ValidationError.self) { try await store.deleteCategory(id: newsroom.economy.id, moveTo: newsroom.economy.id) }
        try await store.deleteCategory(id: newsroom.economy.id, moveTo: newsroom.middleEast.id)
        let moved = try #require(try await store.article(id: article.id))
        #expect(moved.primaryCategory?.id == newsroom.middleEast.id)
        #expect(moved.categories.map(\.id) == [newsroom.middleEast.id])
        #expect(try await store.formerTermSlug(.category, slug: newsroom.economy.slug) == newsroom.middleEast.slug)
        #expect(try await store.category(id: newsroom.economy.id) == nil)
    }

    @Test func aDeletedAuthorsBylinesGoToAnotherAndADeletedTagSimplyLeaves() async throws {
        let (store, _) = try temporaryStore()
        let newsroom = try await Newsroom.make(in: store)
        let article = try await store.saveArticle(
            ArticleInput(
                title: "مقال", body: ArticleBody(html: "<p>نص</p>"), status: .published, publishedAt: Date(), tagIDs: [newsroom.oil.id],
                authorIDs: [newsroom.salma.id]))
        try await store.deleteAuthor(id: newsroom.salma.id, moveTo: newsroom.centre.id)
        try await store.deleteTag(id: newsroom.oil.id)
        let after = try #require(try await store.article(id: article.id))
        #expect(after.authors.map(\.id) == [newsroom.centre.id])
        #expect(after.tags.isEmpty)
        #expect(try await store.formerTermSlug(.author, slug: newsroom.salma.slug) == newsroom.centre.slug)
        #expect(try await store.formerTermSlug(.tag, slug: newsroom.oil.slug) == nil)
    }
}
