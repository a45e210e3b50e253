import Foundation
import Hummingbird
import HummingbirdTesting
import MinbarCore
import NIOCore
import Testing

@testable import MinbarWeb

/// Repeat visits, compression and page weight.
@Suite struct CachingTests {
    @Test func aRepeatVisitCostsA304() async throws {
        let site = try await TestSite.demo()
        let path = try await site.path(of: try await site.seedArticle())
        try await site.app.test(.router) { client in
            let first = try await client.page(path)
            let etag = try #require(first.headers[.eTag])
            let lastModified = try #require(first.headers[.lastModified])
            #expect(first.headers[.cacheControl]?.contains("must-revalidate") == true)
            let again = try await client.page(path, headers: [.ifNoneMatch: etag])
            #expect(again.status == .notModified)
            #expect(again.body.isEmpty)
            let since = try await client.page(path, headers: [.ifModifiedSince: lastModified])
            #expect(since.status == .notModified)
            let garbage = try await client.page(path, headers: [.ifNoneMatch: "garbage", .ifModifiedSince: "yesterday"])
            #expect(garbage.status == .ok)
        }
    }

    @Test func compressesWhenTheClientAcceptsGzip() async throws {
        let site = try await TestSite.demo()
        let path = try await site.path(of: try await site.seedArticle())
        try await site.app.test(.router) { client in
            let plain = try await client.execute(uri: path, method: .get) { $0 }
            let gzipped = try await client.execute(uri: path, method: .get, headers: [.acceptEncoding: "gzip, deflate, br"]) { $0 }
            #expect(gzipped.headers[.contentEncoding] == "gzip")
            #expect(gzipped.headers[.vary] == "Accept-Encoding")
            #expect(gzipped.body.readableBytes * 2 < plain.body.readableBytes)
            #expect(gzipped.body.getBytes(at: 0, length: 2) == [0x1f, 0x8b])
            let refused = try await client.execute(uri: path, method: .get, headers: [.acceptEncoding: "gzip;q=0"]) { $0 }
            #expect(refused.headers[.contentEncoding] == nil)
        }
    }

    @Test func theSeedPageWeighsUnder50KBCompressedWithItsCSSAndJavaScript() async throws {
        let site = try await TestSite.demo()
        let path = try await site.path(of: try await site.seedArticle())
        try await site.app.test(.router) { client in
            let page = try await client.execute(uri: path, method: .get, headers: [.acceptEncoding: "gzip"]) { $0 }
            let html = try await client.page(path).body
            var total = page.body.readableBytes
            let references = html.components(separatedBy: "=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
                .filter { $0.hasPrefix("/assets/") }
            #expect(Set(references).count >= 2)
            for reference in Set(references) {
                let asset = try await client.execute(uri: String(reference), method: .get, headers: [.acceptEncoding: "gzip"]) { $0 }
                #expect(asset.status == .ok)
                #expect(asset.headers[.cacheControl]?.contains("immutable") == true)
                total += asset.body.readableBytes
            }
            #expect(total < 50 * 1024, "\(total) bytes")
        }
    }

    @Test func pagesLoadNothingFromThirdPartyHosts() async throws {
        let site = try await TestSite.demo()
        let path = try await site.path(of: try await site.seedArticle())
        try await site.app.test(.router) { client in
            for uri in [path, "/", "/category/الاقتصاد/"] {
                let page = try await client.page(uri)
                for attribute in ["src=\"", "href=\"", "action=\""] {
                    let values = page.body.components(separatedBy: attribute).dropFirst().map { $0.prefix { $0 != "\"" } }
                    for value in values {
                        // Relative, a fragment, or the site's own address (canonical link, feeds).
                        let ownHost = value.hasPrefix("http://127.0.0.1:8080/")
                        #expect(value.hasPrefix("/") || value.hasPrefix("#") || ownHost, "\(uri): \(attribute)\(value)")
                    }
                }
                #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
                #expect(page.headers[.xContentTypeOptions] == "nosniff")
            }
        }
    }

    @Test func servesHEADWithoutABody() async throws {
        let site = try await TestSite.demo()
        try await site.app.test(.router) { client in
            let head = try await client.page("/", method: .head)
            #expect(head.status == .ok)
            #expect(head.body.isEmpty)
            #expect(head.headers[.eTag] != nil)
        }
    }

    /// A page rendered from content read before a change, and finished after it, is not kept:
    /// kept, it would be served until the next change (the e2e check of a scheduled article saw
    /// the home page without it for as long as it looked).
    @Test func aPageReadBeforeAChangeIsNotKeptAfterIt() {
        let cache = PageCache<String>()
        let page = CachedPage(
            body: ByteBuffer(string: "<p>قديم</p>"), lastModified: nil, validUntil: .distantFuture, contentType: "text/html",
            cacheControl: "no-cache", compress: false, extraHeaders: [:])
        for drop in [{ cache.removeAll() }, { cache.remove { $0 == "/other" } }, { cache.expire(where: { _ in true }, by: .distantFuture) }] {
            let before = cache.generation
            drop()  // the content changed while the page was rendered
            cache.store(page, for: "/", renderedSince: before)
            #expect(cache.page(for: "/", now: Date()) == nil)
        }
        cache.store(page, for: "/", renderedSince: cache.generation)
        #expect(cache.page(for: "/", now: Date()) != nil)
    }

    @Test func pagesAreRenderedAgainAfterContentChanges() async throws {
        let site = try await TestSite.demo()
        let categories = try await site.store.categories()
        try await site.app.test(.router) { client in
            _ = try await client.page("/")
            _ = try await site.store.saveArticle(
                ArticleInput(
                    title: "خبر جديد تماماً", body: ArticleBody(html: "<p>نص</p>"), status: .published, publishedAt: site.clock.now,
                    primaryCategoryID: categories[0].id))
            try await site.site.contentChanged()
            #expect(try await client.page("/").body.contains("خبر جديد تماماً"))
        }
    }

    @Test func aScheduledArticleAppearsAtItsTimeWithoutAnyoneAskingTheCacheToForget() async throws {
        let site = try await TestSite.demo()
        let categories = try await site.store.categories()
        _ = try await site.store.saveArticle(
            ArticleInput(
                title: "خبر يظهر بعد عشر دقائق", body: ArticleBody(html: "<p>نص</p>"), status: .published,
                publishedAt: site.clock.now.addingTimeInterval(600), primaryCategoryID: categories[0].id))
        try await site.site.contentChanged()
        try await site.app.test(.router) { client in
            let before = try await client.page("/")
            #expect(!before.body.contains("خبر يظهر بعد عشر دقائق"))
            site.clock.advance(by: 601)
            let after = try await client.page("/")
            #expect(after.body.contains("خبر يظهر بعد عشر دقائق"))
        }
    }
}
