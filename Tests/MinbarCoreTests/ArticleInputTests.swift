import Foundation
import Testing

@testable import MinbarCore

@Suite struct ArticleInputTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func makesTheSlugFromTheTitleAndTrims() throws {
        let input = ArticleInput(title: "  أسعار النفط ترتفع  ", body: ArticleBody(html: "<p>x</p>"), status: .published)
        let valid = try input.validated(now: now)
        #expect(valid.title == "أسعار النفط ترتفع")
        #expect(valid.slug == "أسعار-النفط-ترتفع")
        #expect(valid.publishedAt == now)
    }

    @Test func reportsEveryProblemWithAnArabicAndEnglishMessage() {
        let input = ArticleInput(
            title: "", slug: "", body: ArticleBody(html: ""), status: .scheduled, publishedAt: now.addingTimeInterval(-60),
            featuredImage: FeaturedImage(url: " "))
        #expect {
            _ = try input.validated(now: now)
        } throws: { error in
            guard let error = error as? ValidationError else { return false }
            return error.message(for: "title")?.ar == "العنوان مطلوب." && error.message(for: "published_at") != nil
                && error.message(for: "featured_image_url") != nil && error.errors.allSatisfy { !$0.message.en.isEmpty }
        }
    }

    @Test func refusesASlugWithCharactersThatBreakURLs() {
        let input = ArticleInput(title: "عنوان", slug: "a/b?c", body: ArticleBody(html: ""))
        #expect(throws: ValidationError.self) { try input.validated(now: now) }
    }

    @Test func refusesABreakingEndBeforePublication() {
        let input = ArticleInput(
            title: "عاجل", body: ArticleBody(html: ""), status: .published, publishedAt: now, breaking: BreakingNews(until: now.addingTimeInterval(-1)))
        #expect(throws: ValidationError.self) { try input.validated(now: now) }
    }

    @Test func breakingFlagExpires() {
        let flag = BreakingNews(until: now)
        #expect(flag.isActive(at: now.addingTimeInterval(-1)))
        #expect(!flag.isActive(at: now))
        #expect(BreakingNews(until: nil).isActive(at: .distantFuture))
    }

    @Test func siteSettingsValidateEachField() {
        var settings = SiteSettings()
        settings.timeZone = "Mars/Olympus"
        settings.articlesPerPage = 0
        settings.permalinkStructure = "/%year%/"
        #expect {
            try settings.validate()
        } throws: { error in
            let error = error as? ValidationError
            return error?.message(for: "time_zone") != nil && error?.message(for: "articles_per_page") != nil
                && error?.message(for: "permalink_structure") != nil
        }
    }

    @Test func siteSettingsDecodeWithMissingKeys() throws {
        let settings = try JSONDecoder().decode(SiteSettings.self, from: Data(#"{"name":"موقعي","digits":"arabic-indic"}"#.utf8))
        #expect(settings.name == "موقعي")
        #expect(settings.digits == .arabicIndic)
        #expect(settings.articlesPerPage == 10)
        #expect(settings.permalink == .default)
    }
}
