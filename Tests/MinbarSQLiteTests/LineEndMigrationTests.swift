import Foundation
import GRDB
import MinbarCore
import Testing

@testable import MinbarSQLite

/// A site from before line ends were made one kind (v15): text typed in browsers was stored with
/// CRLF, which the revision diff could not split into lines.
@Suite struct LineEndMigrationTests {
    @Test func aSiteFromBeforeKeepsItsTextWithLFLineEnds() async throws {
        let store = try await SearchRankingTests.siteFromBefore(upTo: "v14-numbers-before-letters") { db in
            let id = try SearchRankingTests.insertOldArticle(db, slug: "report", title: "تقرير", bodyHTML: "<p>أولى</p>\r\n<p>ثانية</p>")
            try db.execute(
                sql: "UPDATE article SET body_source = ?, body_format = 'markdown', excerpt = ? WHERE id = ?",
                arguments: ["أولى\r\n\r\nثانية\rثالثة", "سطر\r\nآخر", id])
            try db.execute(
                sql: """
                    INSERT INTO article_revision (article_id, number, title, slug, excerpt, body_html, body_source, body_format, status, saved_at)
                    VALUES (?, 1, 'تقرير', 'report', '', '', ?, 'markdown', 'published', '2020-01-01 10:00:00.000')
                    """, arguments: [id, "أولى\r\n\r\nثانية"])
        }
        let article = try #require(try await store.article(slug: "report"))
        #expect(article.body.source == "أولى\n\nثانية\nثالثة")
        #expect(article.excerpt == "سطر\nآخر")
        #expect(try await store.revision(articleID: article.id, number: 1)?.body.source == "أولى\n\nثانية")
    }

    @Test func newTextIsStoredWithLFWhoeverWritesIt() async throws {
        let (store, _) = try temporaryStore()
        let saved = try await store.saveArticle(
            ArticleInput(title: "خبر", excerpt: "أ\r\nب", body: ArticleBody(html: "<p>x</p>", source: "x\r\n\r\ny", format: .markdown), status: .draft))
        #expect(saved.body.source == "x\n\ny")
        #expect(saved.excerpt == "أ\nب")
    }
}
