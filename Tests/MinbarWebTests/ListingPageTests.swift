import Foundation
import Hummingbird
import HummingbirdTesting
import MinbarCore
import Testing

@testable import MinbarWeb

/// Home, section, tag, author and date-archive pages.
@Suite struct ListingPageTests {
    @Test func homeShowsTickerLeadLatestAndASectionBlockEach() async throws {
        let site = try await TestSite.demo()
        try await site.app.test(.router) { client in
            let home = try await client.page("/")
            #expect(home.status == .ok)
            let ticker = try #require(home.body.between("class=\"ticker-items\"", "</ul>"))
            #expect(ticker.contains("تحالف فرنسي – روسي"), "the seed article is breaking with no end")
            #expect(ticker.contains("المنتخب المغربي يتأهل"))
            #expect(!ticker.contains("أسعار النفط ترتفع"), "its breaking flag already ended")
            #expect(home.body.contains("class=\"lead-story\""))
            #expect(home.body.occurrences(of: "<h1") == 1)
            // A block for each section with a story not already shown above it.
            let categories = try await site.store.categories()
            var blocks = 0
            for section in categories.topLevel where home.body.contains("<h2 class=\"section-heading\"><a href=\"/category/\(section.slug)/\">\(section.name)</a></h2>") {
                blocks += 1
            }
            #expect(blocks >= 4)
            #expect(home.body.contains("<link rel=\"next\" href=\"/page/2/\">"))
            // Each story once down the page: lead, top stories, latest list and section blocks.
            let main = try #require(home.body.between("<div class=\"home-top\">", "</main>"))
            var titles: [String] = []
            var rest = Substring(main)
            while let card = rest.range(of: "<h3 class=\"card-title\"><a href=\"") ?? rest.range(of: "<li><a href=\"") {
                let url = rest[card.upperBound...].prefix { $0 != "\"" }
                titles.append(String(url))
                rest = rest[card.upperBound...]
            }
            #expect(titles.count > 15)
            #expect(Set(titles).count == titles.count, "repeated: \(Dictionary(grouping: titles, by: { $0 }).filter { $0.value.count > 1 }.keys)")
        }
    }

    @Test func sectionPagesPaginateWithPrevAndNext() async throws {
        let site = try await TestSite.demo()
        try await site.app.test(.router) { client in
            let first = try await client.page("/category/الشرق-الأوسط/")
            #expect(first.status == .ok)
            #expect(first.body.contains("<h1 class=\"listing-title\"><bdi>الشرق الأوسط</bdi></h1>"))
            #expect(first.body.contains("<link rel=\"next\" href=\"/category/الشرق-الأوسط/page/2/\">"))
            #expect(!first.body.contains("rel=\"prev\""))
            #expect(first.body.occurrences(of: "<article class=\"card") == 10)
            // Sub-section articles show on the parent's page.
            #expect(first.body.contains("دول الخليج تبحث إطلاق منصة موحدة"))
            let second = try await client.page("/category/الشرق-الأوسط/page/2/")
            #expect(second.status == .ok)
            #expect(second.body.contains("<link rel=\"prev\" href=\"/category/الشرق-الأوسط/\">"))
            #expect(second.body.contains("الصفحة 2 من 2"))
            #expect(try await client.page("/category/الشرق-الأوسط/?page=2").body == second.body)
            #expect(try await client.page("/category/الشرق-الأوسط/page/3/").status == .notFound)
            // The page marks its section in the menu.
            #expect(first.body.contains("<a href=\"/category/الشرق-الأوسط/\" aria-current=\"page\">"))
        }
    }

    @Test func tagAuthorAndDatePagesListTheirArticles() async throws {
        let site = try await TestSite.demo()
        try await site.app.test(.router) { client in
            let tag = try await client.page("/tag/المركز-الديمقراطى-العربى/")
            #expect(tag.status == .ok)
            #expect(tag.body.contains("تحالف فرنسي – روسي"))
            let encodedTag = try await client.page("/tag/" + "المركز-الديمقراطى-العربى".addingPercentEncoding(withAllowedCharacters: .alphanumerics)! + "/")
            #expect(encodedTag.body == tag.body)

            let author = try await client.page("/author/المركز-الديمقراطي-العربي/")
            #expect(author.status == .ok)
            #expect(author.body.contains("مؤسسة مستقلة تعمل فى اطار البحث العلمى"))
            #expect(author.body.contains("تحالف فرنسي – روسي"))

            let day = try await client.page("/2015/12/21/")
            #expect(day.status == .ok)
            #expect(day.body.contains("<bdi>الاثنين 21 ديسمبر/كانون الأول 2015</bdi>"))
            #expect(day.body.contains("تحالف فرنسي – روسي"))
            let month = try await client.page("/2015/12/")
            #expect(month.body.contains("ديسمبر/كانون الأول 2015"))
            #expect(try await client.page("/2015/").status == .ok)
            #expect(try await client.page("/2015/11/").status == .notFound)
        }
    }

    @Test func followsTheSiteDigitsMonthStyleAndLanguage() async throws {
        let indic = try await TestSite.demo { settings in
            settings.digits = .arabicIndic
            settings.monthStyle = .levantine
        }
        try await indic.app.test(.router) { client in
            let page = try await client.page("/2015/12/21/")
            #expect(page.body.contains("الاثنين ٢١ كانون الأول ٢٠١٥"))
            let section = try await client.page("/category/الشرق-الأوسط/page/2/")
            #expect(section.body.contains("الصفحة ٢ من ٢"))
        }
        let english = try await TestSite.demo { settings in
            settings.language = "en"
            settings.direction = "ltr"
        }
        try await english.app.test(.router) { client in
            let page = try await client.page(try await english.path(of: try await english.seedArticle()))
            #expect(page.body.contains("<html lang=\"en\" dir=\"ltr\">"))
            #expect(page.body.contains("Related articles"))
            #expect(page.body.contains("Monday, 21 December 2015"))
            let missing = try await client.page("/no-such-page/")
            #expect(missing.body.contains("Page not found"))
        }
    }

    @Test func themesChooseTheMostSpecificTemplate() async throws {
        // A copy of the default theme with a template for one section and one for one article.
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("minbar-theme-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: TestSite.themeDirectory, toPath: copy)
        let article = try String(contentsOfFile: copy + "/templates/article.mustache", encoding: .utf8)
        try article.replacingOccurrences(of: "<article class=\"article\">", with: "<article class=\"article\" data-template=\"economy\">")
            .write(toFile: copy + "/templates/article-الاقتصاد.mustache", atomically: true, encoding: .utf8)
        try "{{<layout}}{{$main}}<h1>قالب خاص بقسم الرياضة</h1>{{/main}}{{/layout}}"
            .write(toFile: copy + "/templates/category-رياضة.mustache", atomically: true, encoding: .utf8)
        let site = try await TestSite.demo(themeDirectory: copy)
        try await site.app.test(.router) { client in
            #expect(try await client.page("/category/رياضة/").body.contains("قالب خاص بقسم الرياضة"))
            #expect(!(try await client.page("/category/الاقتصاد/").body.contains("قالب خاص")))
            let economy = try await site.store.articles(
                matching: {
                    var query = ArticleQuery.published(at: site.clock.now)
                    query.categoryIDs = [try await site.store.category(slug: "الاقتصاد")!.id]
                    return query
                }())
            let first = try #require(economy.articles.first { $0.primaryCategory?.slug == "الاقتصاد" })
            #expect(try await client.page(try await site.path(of: first)).body.contains("data-template=\"economy\""))
            #expect(!(try await client.page(try await site.path(of: try await site.seedArticle())).body.contains("data-template")))
        }
    }

    @Test func aThemeWithoutTheRequiredTemplatesIsRefusedWithAReason() async throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("minbar-theme-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: empty + "/templates", withIntermediateDirectories: true)
        try #"{"name":"x","version":"1","strings":{}}"#.write(toFile: empty + "/theme.json", atomically: true, encoding: .utf8)
        await #expect {
            _ = try await Theme(directory: empty)
        } throws: { error in
            (error as? ThemeError)?.description.contains("index") == true
        }
        await #expect(throws: ThemeError.self) { _ = try await Theme(directory: empty + "/nowhere") }
    }
}
