import Foundation
import Hummingbird
import HummingbirdTesting
import MinbarCore
import MinbarDemo
import Testing

@testable import MinbarWeb

/// The seed page (`shared/fixtures/seed-article`) reproduced by the default theme.
@Suite struct SeedArticlePageTests {
    @Test func showsEveryPageElementInOrder() async throws {
        let site = try await TestSite.demo()
        let fixture = try DemoSite.seedFixture()
        let path = try await site.path(of: try await site.seedArticle())
        try await site.app.test(.router) { client in
            let page = try await client.page(path)
            #expect(page.status == .ok)
            // Content elements are looked for inside <main>; the page chrome after it.
            let main = try #require(page.body.between("<main", "</main>"))
            let after = try #require(page.body.components(separatedBy: "</main>").last)
            let lines = ReadableText.lines(of: main) + ["</main>"] + ReadableText.lines(of: after)
            var position = 0
            for element in fixture.pageElements {
                let wanted = element.what == "body paragraphs" ? fixture.article.paragraphs[0] : element.text
                let found = lines[position...].firstIndex { $0.contains(wanted) }
                #expect(found != nil, "\(element.what) «\(wanted)» missing or out of order")
                if let found { position = found + 1 }
            }
            // The chrome elements come after the article's content.
            let mainEnd = lines.firstIndex(of: "</main>")!
            #expect(lines[mainEnd...].contains("زر الذهاب إلى الأعلى"))
            #expect(lines[mainEnd...].filter { $0 == "إغلاق" }.count == 2)
        }
    }

    @Test func bodyHoldsEveryParagraphVerbatim() async throws {
        let site = try await TestSite.demo()
        let fixture = try DemoSite.seedFixture()
        let path = try await site.path(of: try await site.seedArticle())
        try await site.app.test(.router) { client in
            let page = try await client.page(path)
            let body = try #require(page.body.between("<div class=\"article-body\">", "</div>"))
            let text = HTMLDecode.entities(body)
            for (number, paragraph) in fixture.article.paragraphs.enumerated() {
                #expect(text.contains(paragraph), "paragraph \(number + 1)")
            }
            #expect(body.occurrences(of: "<p>") == fixture.article.paragraphs.count)
        }
    }

    @Test func isAnArabicRightToLeftPageWithOneHeading() async throws {
        let site = try await TestSite.demo()
        let path = try await site.path(of: try await site.seedArticle())
        try await site.app.test(.router) { client in
            let page = try await client.page(path)
            #expect(page.body.contains("<html lang=\"ar\" dir=\"rtl\">"))
            #expect(page.body.occurrences(of: "<h1") == 1)
            #expect(page.body.contains("<span class=\"brand-name\">المركز الديمقراطي العربي</span>"))
            #expect(page.body.contains("<h1 class=\"article-title\">تحالف فرنسي – روسي ضد تنظيم “الدولة الإسلامية” في سوريا</h1>"))
            #expect(page.body.contains("<time datetime=\"2015-12-21T12:00:00+02:00\">الاثنين 21 ديسمبر/كانون الأول 2015</time>"))
            #expect(page.body.contains("10 ربيع الأول 1437 هـ"))
            #expect(page.body.contains("<link rel=\"canonical\" href=\"http://127.0.0.1:8080\(path)\">"))
        }
    }

    @Test func answersTheSameWhetherTheSlugIsEncodedOrNot() async throws {
        let site = try await TestSite.demo()
        let article = try await site.seedArticle()
        let encoded = try await site.path(of: article)
        let settings = try await site.store.siteSettings()
        let decoded = settings.permalink.path(for: article, timeZone: settings.resolvedTimeZone)
        #expect(encoded != decoded)
        try await site.app.test(.router) { client in
            let first = try await client.page(encoded)
            let second = try await client.page(decoded)
            #expect(first.status == .ok && second.status == .ok)
            #expect(first.body == second.body)
            // Harakat or tatweel typed into a slug still find the article.
            let withTatweel = decoded.replacingOccurrences(of: "تحالف", with: "تحـالف")
            #expect(try await client.page(withTatweel).status == .ok)
        }
    }

    @Test func relatedArticlesShareSectionOrTagAndNeverTheArticleItself() async throws {
        let site = try await TestSite.demo()
        let article = try await site.seedArticle()
        let path = try await site.path(of: article)
        try await site.app.test(.router) { client in
            let page = try await client.page(path)
            let related = try #require(page.body.between("id=\"related-heading\"", "</section>"))
            let settings = try await site.store.siteSettings()
            let selfLink = settings.permalink.path(for: article, timeZone: settings.resolvedTimeZone)
            #expect(!related.contains("href=\"\(selfLink)\""))
            #expect(related.occurrences(of: "class=\"card") >= 3)
            // Newest first: datetimes in the related block never increase.
            let times = related.components(separatedBy: "datetime=\"").dropFirst().map { String($0.prefix(25)) }
            #expect(times == times.sorted(by: >))
        }
    }

    @Test func breakingBadgeGoesAwayWhenTheFlagExpires() async throws {
        let site = try await TestSite.demo()
        let room = try await site.store.categories()
        let article = try await site.store.saveArticle(
            ArticleInput(
                title: "خبر عاجل لساعة واحدة", body: ArticleBody(html: "<p>نص</p>"), status: .published, publishedAt: site.clock.now,
                breaking: BreakingNews(until: site.clock.now.addingTimeInterval(3600)), primaryCategoryID: room[0].id))
        try await site.site.contentChanged()
        let path = try await site.path(of: article)
        try await site.app.test(.router) { client in
            #expect(try await client.page(path).body.contains("class=\"badge-breaking\""))
            #expect(try await client.page("/").body.contains("خبر عاجل لساعة واحدة</a></li>"))
            site.clock.advance(by: 3601)
            // The cached pages were only valid until the flag's end: no stale badge or ticker item.
            #expect(!(try await client.page(path).body.contains("class=\"badge-breaking\"")))
            let home = try await client.page("/")
            #expect(!(home.body.between("class=\"ticker-items\"", "</ul>") ?? "").contains("خبر عاجل لساعة واحدة"))
        }
    }
}
