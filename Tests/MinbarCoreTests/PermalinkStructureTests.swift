import Foundation
import Testing

@testable import MinbarCore

@Suite struct PermalinkStructureTests {
    func article(slug: String = "تحالف-فرنسي", id: Int64 = 7, published: Date) -> Article {
        Article(
            id: id, slug: slug, title: "t", body: ArticleBody(html: ""), status: .published, publishedAt: published, modifiedAt: published,
            createdAt: published, primaryCategory: Category(id: 1, slug: "الشرق-الأوسط", name: "الشرق الأوسط"))
    }

    var riyadh: TimeZone { TimeZone(identifier: "Asia/Riyadh")! }

    @Test func printsTheDefaultDayAndNameStructureInTheSiteZone() {
        // 22:00 UTC on 20 December is 21 December in Riyadh: the URL follows the newsroom's day.
        let published = Date(timeIntervalSince1970: 1_450_648_800)
        let structure = PermalinkStructure.default
        #expect(structure.path(for: article(published: published), timeZone: riyadh) == "/2015/12/21/تحالف-فرنسي/")
        #expect(structure.encodedPath(for: article(published: published), timeZone: riyadh)
            == "/2015/12/21/%D8%AA%D8%AD%D8%A7%D9%84%D9%81-%D9%81%D8%B1%D9%86%D8%B3%D9%8A/")
    }

    @Test func matchesWhatItPrints() throws {
        let structure = try #require(PermalinkStructure("/%category%/%post_id%-%postname%.html"))
        let published = Date(timeIntervalSince1970: 1_450_648_800)
        let path = structure.path(for: article(published: published), timeZone: riyadh)
        #expect(path == "/الشرق-الأوسط/7-تحالف-فرنسي.html")
        let segments = path.split(separator: "/").map(String.init)
        let found = try #require(structure.match(segments))
        #expect(found.id == 7 && found.slug == "تحالف-فرنسي")
        #expect(found.categorySlug == "الشرق-الأوسط")
        #expect(structure.match(["الشرق-الأوسط", "x-تحالف.html"]) == nil)
        let byID = try #require(PermalinkStructure("/archives/%post_id%/"))
        #expect(byID.match(["archives", "7"])?.id == 7)
        #expect(byID.match(["archives", "abc"]) == nil)
        #expect(byID.match(["archives", "0"]) == nil)
        let match = PermalinkStructure.default.match(["2015", "12", "21", "تحالف"])
        #expect(match?.year == 2015 && match?.month == 12 && match?.day == 21 && match?.slug == "تحالف")
        #expect(PermalinkStructure.default.match(["2015", "13", "21", "x"]) == nil)
        #expect(PermalinkStructure.default.match(["2015", "12", "21"]) == nil)
    }

    @Test func refusesStructuresThatDoNotNameTheArticle() {
        #expect(PermalinkStructure("/%year%/%monthnum%/") == nil)
        #expect(PermalinkStructure("/%year%/%unknown%/%postname%/") == nil)
        #expect(PermalinkStructure("/%postname%/") != nil)
        #expect(PermalinkStructure("/%year%%postname%/") == nil)
    }
}
