import Foundation
import Hummingbird
import HummingbirdTesting
import MinbarCore
import Testing

@testable import MinbarWeb

/// Bad or unknown addresses get a themed page with the right status, never a 500.
@Suite struct BadInputTests {
    @Test(arguments: [
        "/2015/12/21/لا-يوجد-مقال-بهذا-الاسم/", "/category/لا-يوجد/", "/tag/لا-يوجد/", "/author/لا-يوجد/",
        "/category/%D9%84%D8%A7/", "/no/such/page/", "/2099/", "/2015/02/30/", "/category/الاقتصاد/page/99/", "/page/99/",
        "/category/الاقتصاد/page/0/", "/category/الاقتصاد/page/abc/", "/category/الاقتصاد/page/-1/", "/?p=999999",
        "/assets/nothing.css", "/favicon.ico", "/wp-login.php",
    ])
    func unknownThingsGetTheThemed404(path: String) async throws {
        let site = try await TestSite.demo()
        try await site.app.test(.router) { client in
            let page = try await client.page(path)
            #expect(page.status == .notFound, "\(path)")
            #expect(page.body.contains("<html lang=\"ar\" dir=\"rtl\">"))
            #expect(page.body.contains("الصفحة غير موجودة"))
            #expect(page.body.contains("class=\"site-header\""), "themed, with the site's menu")
        }
    }

    @Test(arguments: [
        "/?page=abc", "/?page=0", "/?page=-1", "/category/الاقتصاد/?page=1.5", "/%D8%A/", "/category/%ZZ/", "/?s=%E0%A4%A",
        "/?p=abc",
    ])
    func malformedInputGetsA400ThatSaysWhatToFix(path: String) async throws {
        let site = try await TestSite.demo()
        try await site.app.test(.router) { client in
            let page = try await client.page(path)
            #expect(page.status == .badRequest, "\(path)")
            #expect(page.body.contains("طلب غير صالح"))
            #expect(page.body.contains("class=\"site-header\""))
        }
    }

    @Test func overlongAddressesAreRefusedCleanly() async throws {
        let site = try await TestSite.demo()
        try await site.app.test(.router) { client in
            let longPath = "/" + String(repeating: "ا", count: 3000) + "/"
            let page = try await client.page(longPath)
            #expect(page.status == .uriTooLong)
            #expect(page.body.contains("الرابط طويل جداً"))
            let longQuery = try await client.page("/?utm=" + String(repeating: "x", count: 5000))
            #expect(longQuery.status == .uriTooLong)
            let longSearch = try await client.page("/?s=" + String(repeating: "ب", count: 300))
            #expect(longSearch.status == .badRequest)
        }
    }

    @Test func redirectsToCanonicalAddresses() async throws {
        let site = try await TestSite.demo()
        let article = try await site.seedArticle()
        let canonical = try await site.path(of: article)
        try await site.app.test(.router) { client in
            let byID = try await client.page("/?p=\(article.id)")
            #expect(byID.status == .movedPermanently)
            #expect(byID.headers[.location] == canonical)
            let location = byID.headers[.location] ?? ""
            #expect(location.unicodeScalars.allSatisfy { $0.isASCII })
            let noSlash = try await client.page(String(canonical.dropLast()))
            #expect(noSlash.status == .movedPermanently && noSlash.headers[.location] == canonical)
            let firstPage = try await client.page("/category/الاقتصاد/page/1/")
            #expect(firstPage.status == .movedPermanently)
            #expect(firstPage.headers[.location] == "/category/الاقتصاد/")
            // The right slug under the wrong date still reaches the article at its address.
            let wrongDay = canonical.replacingOccurrences(of: "/2015/12/21/", with: "/2015/12/22/")
            let moved = try await client.page(wrongDay)
            #expect(moved.status == .movedPermanently && moved.headers[.location] == canonical)
        }
    }

    @Test func unpublishedArticlesAreNotShown() async throws {
        let site = try await TestSite.demo()
        let categories = try await site.store.categories()
        let draft = try await site.store.saveArticle(
            ArticleInput(title: "مسودة سرية", body: ArticleBody(html: "<p>لم تنشر</p>"), primaryCategoryID: categories[0].id))
        let future = try await site.store.saveArticle(
            ArticleInput(
                title: "خبر مجدول", body: ArticleBody(html: "<p>لاحقاً</p>"), status: .scheduled,
                publishedAt: site.clock.now.addingTimeInterval(600), primaryCategoryID: categories[0].id))
        try await site.site.contentChanged()
        try await site.app.test(.router) { client in
            let byID = try await client.page("/?p=\(draft.id)")
            let scheduled = try await client.page(try await site.path(of: future))
            let home = try await client.page("/")
            #expect(byID.status == .notFound)
            #expect(scheduled.status == .notFound)
            #expect(!home.body.contains("مسودة سرية"))
        }
    }
}
