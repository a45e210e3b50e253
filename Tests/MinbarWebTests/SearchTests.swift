import Foundation
import Hummingbird
import HummingbirdTesting
import MinbarCore
import Testing

@testable import MinbarWeb

/// The search page and `/api/search` on the demo site.
@Suite struct SearchTests {
    struct Answer: Decodable {
        struct Result: Decodable {
            var slug: String
            var title: String
            var url: String
            var snippet: String
            var score: Double
            var published: String
        }
        var total: Int
        var results: [Result]
    }

    static func query(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    @Test func findsTheSeedArticleWhateverTheSpelling() async throws {
        let site = try await TestSite.demo()
        let seed = try await site.seedArticle()
        try await site.app.test(.router) { client in
            for text in ["سويغو", "شويغو", "لودريان", "لو دريان", "الإرهاب", "والإرهاب", "ارهاب", "المركز الديمقراطي العربي", "٢١ ديسمبر"] {
                let page = try await client.page("/api/search?q=\(Self.query(text))&limit=5")
                #expect(page.status == .ok, "\(text)")
                let answer = try JSONDecoder().decode(Answer.self, from: Data(page.body.utf8))
                #expect(answer.results.contains { $0.slug == seed.slug }, "\(text)")
            }
        }
    }

    @Test func answersInTheDocumentedShapeWithHighlightsInTheOriginalSpelling() async throws {
        let site = try await TestSite.demo()
        try await site.app.test(.router) { client in
            let page = try await client.page("/api/search?q=\(Self.query("سويغو"))&limit=3")
            #expect(page.headers[.contentType] == "application/json; charset=utf-8")
            let answer = try JSONDecoder().decode(Answer.self, from: Data(page.body.utf8))
            let first = try #require(answer.results.first)
            #expect(first.url.hasPrefix("http://127.0.0.1:8080/2015/12/21/"))
            #expect(first.snippet.contains("<mark>شويغو</mark>") || first.snippet.contains("<mark>سويغو</mark>"))
            #expect(first.published == "2015-12-21T12:00:00+02:00")
            #expect(answer.total >= 1)
        }
    }

    @Test(arguments: [
        "", "%20", "q=", "limit=0", "limit=1000", "limit=abc", "page=0", "page=-3",
    ])
    func refusesBadParametersWithAMessage(query: String) async throws {
        let site = try await TestSite.demo()
        try await site.app.test(.router) { client in
            let suffix = query.hasPrefix("limit") || query.hasPrefix("page") ? "q=\(Self.query("وزير"))&\(query)" : (query == "%20" ? "q=%20" : query)
            let page = try await client.page("/api/search?" + suffix)
            #expect(page.status == .badRequest, "\(query)")
            #expect(page.body.contains("\"message\""))
        }
    }

    @Test(arguments: [
        "ًٌٍَُِّْ", "،؟!...", "\"الدولة الإسلامية", "* \" ( ) : ^ NEAR AND OR NOT", "title: وزير", "وزير*", "NEAR(وزير سوريا)",
        "{title}: x", String(repeating: "ب ", count: 90),
    ])
    func oddQueriesNeverFail(text: String) async throws {
        let site = try await TestSite.demo()
        try await site.app.test(.router) { client in
            let api = try await client.page("/api/search?q=\(Self.query(text))")
            #expect(api.status == .ok, "\(text)")
            #expect(!api.body.contains("fts5") && !api.body.contains("SQL"))
            let page = try await client.page("/?s=\(Self.query(text))")
            #expect(page.status == .ok, "\(text)")
        }
    }

    @Test func tooLongOrMalformedQueriesGetA400() async throws {
        let site = try await TestSite.demo()
        try await site.app.test(.router) { client in
            let long = try await client.page("/api/search?q=" + String(repeating: "a", count: 1500))
            let malformed = try await client.page("/api/search?q=%E0%A4%A")
            let malformedPage = try await client.page("/?s=%E0%A4%A")
            #expect(long.status == .badRequest)
            #expect(malformed.status == .badRequest)
            #expect(malformedPage.status == .badRequest)
        }
    }

    @Test func theSearchPageShowsCountHighlightsAndFilters() async throws {
        let site = try await TestSite.demo()
        try await site.app.test(.router) { client in
            let page = try await client.page("/?s=\(Self.query("المياه"))")
            #expect(page.status == .ok)
            #expect(page.body.contains("نتيجة"))
            #expect(page.body.contains("<mark>"))
            #expect(page.body.occurrences(of: "<article class=\"card") >= 3)
            let filtered = try await client.page("/?s=\(Self.query("المياه"))&category=\(Self.query("الخليج"))")
            #expect(filtered.body.occurrences(of: "<article class=\"card") < page.body.occurrences(of: "<article class=\"card"))
            #expect(filtered.body.contains("<option value=\"الشرق-الأوسط\">"))
            // Sub-sections are offered too, under their parent, and the chosen one stays selected.
            #expect(filtered.body.contains("<option value=\"الخليج\" selected>— الخليج</option>"), "\(filtered.body.between("<select", "</select>") ?? "")")
            let unfiltered = try #require(page.body.between("<select", "</select>"))
            #expect(unfiltered.range(of: "الشرق-الأوسط")!.lowerBound < unfiltered.range(of: "— الخليج")!.lowerBound)
            #expect(try await client.page("/?s=x&category=\(Self.query("لا-يوجد"))").status == .notFound)
            let empty = try await client.page("/?s=")
            #expect(empty.status == .ok && empty.body.contains("اكتب كلمة أو اسماً"))
            let pathForm = try await client.page("/search/\(Self.query("المياه"))/")
            #expect(pathForm.status == .ok && pathForm.body.contains("<mark>"))
        }
    }

    @Test func suggestsTheSpellingTheSiteKnows() async throws {
        let site = try await TestSite.demo()
        try await site.app.test(.router) { client in
            let page = try await client.page("/?s=\(Self.query("لودرين"))")
            #expect(page.body.contains("هل تقصد"))
            #expect(page.body.contains("لودريان"))
        }
    }

    /// Readers search for the same names all day: a repeated search is answered from memory
    /// (with a validator for a 304) until content changes, and a change shows at once.
    @Test func repeatedSearchesAreKeptUntilContentChanges() async throws {
        let site = try await TestSite.demo()
        try await site.app.test(.router) { client in
            let uri = "/api/search?q=\(Self.query("الكنغر"))"
            let first = try await client.page(uri)
            let etag = try #require(first.headers[.eTag])
            #expect(try JSONDecoder().decode(Answer.self, from: Data(first.body.utf8)).total == 0)
            try await site.publish("الكنغر يعبر الطريق", html: "<p>الكنغر</p>", tellingTheSite: false)
            let repeated = try await client.page(uri, headers: [.ifNoneMatch: etag])
            #expect(repeated.status == .notModified, "the store was written behind the site's back: the kept answer stands")
            try await site.site.contentChanged()
            let fresh = try await client.page(uri, headers: [.ifNoneMatch: etag])
            #expect(fresh.status == .ok)
            #expect(try JSONDecoder().decode(Answer.self, from: Data(fresh.body.utf8)).total == 1)
        }
    }

    /// A word in more articles than a search lists says so, rather than a count that looks
    /// exact.
    @Test func aSearchMatchingMoreThanItListsSaysMoreThan() async throws {
        let site = try await TestSite.demo()
        let categories = try await site.store.categories()
        let inputs = (1...260).map { number in
            ArticleInput(
                title: "خبر الكنغر \(number)", slug: "kangaroo-\(number)", body: ArticleBody(html: "<p>الكنغر رقم \(number).</p>"),
                status: .published, publishedAt: site.clock.now.addingTimeInterval(-Double(number) * 60), primaryCategoryID: categories[0].id)
        }
        _ = try await site.store.saveArticles(inputs)
        try await site.site.contentChanged()
        try await site.app.test(.router) { client in
            let page = try await client.page("/?s=\(Self.query("الكنغر"))")
            #expect(page.body.contains("أكثر من 200 نتيجة"))
            let api = try await client.page("/api/search?q=\(Self.query("الكنغر"))")
            #expect(api.body.contains("\"more\":true"))
            let few = try await client.page("/api/search?q=\(Self.query("سويغو"))")
            #expect(!few.body.contains("\"more\""))
        }
    }

    @Test func neverShowsUnpublishedOrDeletedArticles() async throws {
        let site = try await TestSite.demo()
        let categories = try await site.store.categories()
        _ = try await site.store.saveArticle(
            ArticleInput(title: "مسودة عن الكنغر النادر", body: ArticleBody(html: "<p>الكنغر</p>"), primaryCategoryID: categories[0].id))
        let scheduled = try await site.store.saveArticle(
            ArticleInput(
                title: "خبر مجدول عن الكنغر", body: ArticleBody(html: "<p>الكنغر</p>"), status: .published,
                publishedAt: site.clock.now.addingTimeInterval(3600), primaryCategoryID: categories[0].id))
        try await site.site.contentChanged()
        try await site.app.test(.router) { client in
            let before = try JSONDecoder().decode(Answer.self, from: Data(try await client.page("/api/search?q=\(Self.query("الكنغر"))").body.utf8))
            #expect(before.total == 0)
            site.clock.advance(by: 3601)
            let after = try JSONDecoder().decode(Answer.self, from: Data(try await client.page("/api/search?q=\(Self.query("الكنغر"))").body.utf8))
            #expect(after.results.map(\.slug) == [scheduled.slug])
        }
    }
}

@Suite struct RelatedFromIndexTests {
    @Test func relatedArticlesComeFromTheIndexNotOnlySharedTags() async throws {
        let site = try await TestSite.demo()
        let sports = try #require(try await site.store.category(slug: "رياضة"))
        // Same story, but no tag or section in common with the seed article.
        let cousin = try await site.store.saveArticle(
            ArticleInput(
                title: "لودريان وشويغو يتفقان على تبادل المعلومات بشأن تنظيم الدولة الإسلامية",
                body: ArticleBody(html: "<p>اتفق وزيرا الدفاع الفرنسي والروسي على تنسيق الضربات في سوريا.</p>"), status: .published,
                publishedAt: site.clock.now.addingTimeInterval(-86_400 * 400), primaryCategoryID: sports.id))
        try await site.site.contentChanged()
        let seed = try await site.seedArticle()
        try await site.app.test(.router) { client in
            let page = try await client.page(try await site.path(of: seed))
            let related = try #require(page.body.between("id=\"related-heading\"", "</section>"))
            #expect(related.contains(cousin.title))
            #expect(!related.contains(seed.title))
        }
    }

    @Test func remembersRelatedArticlesOnlyUntilContentChanges() async throws {
        let site = try await TestSite.demo(configuration: { var c = WebConfiguration(); c.pageCacheEnabled = false; return c }())
        let seed = try await site.seedArticle()
        let path = try await site.path(of: seed)
        let sports = try #require(try await site.store.category(slug: "رياضة"))
        try await site.app.test(.router) { client in
            let before = try await client.page(path)
            let first = try #require(before.body.between("id=\"related-heading\"", "</section>"))
            // A new article about the same story appears in the list once it is saved…
            let cousin = try await site.store.saveArticle(
                ArticleInput(
                    title: "لودريان وشويغو يتفقان على تبادل المعلومات بشأن تنظيم الدولة الإسلامية",
                    body: ArticleBody(html: "<p>اتفق وزيرا الدفاع على تنسيق الضربات.</p>"), status: .published,
                    publishedAt: site.clock.now.addingTimeInterval(-60), primaryCategoryID: sports.id))
            try await site.site.contentChanged()
            let after = try #require(try await client.page(path).body.between("id=\"related-heading\"", "</section>"))
            #expect(!first.contains(cousin.title))
            #expect(after.contains(cousin.title))
            // …and leaves it when it is unpublished, even before anything else is rendered.
            var input = AdminSite.input(from: cousin)
            input.status = .trashed
            try await site.store.saveArticle(input)
            try await site.site.contentChanged()
            let gone = try #require(try await client.page(path).body.between("id=\"related-heading\"", "</section>"))
            #expect(!gone.contains(cousin.title))
        }
    }
}

@Suite struct SuggestTests {
    @Test func suggestsTitlesAsTheReaderTypes() async throws {
        let site = try await TestSite.demo()
        try await site.app.test(.router) { client in
            let page = try await client.page("/api/search/suggest?q=" + "تحالف فرن".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(page.status == .ok)
            #expect(page.body.contains("تحالف فرنسي – روسي"))
            let empty = try await client.page("/api/search/suggest?q=")
            #expect(empty.body == "{\"suggestions\":[]}")
            let odd = try await client.page("/api/search/suggest?q=%22%2A%28")
            #expect(odd.status == .ok)
        }
    }
}
