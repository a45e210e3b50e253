import Foundation
import Hummingbird
import HummingbirdTesting
import MinbarCore
import MinbarArabic
import MinbarDemo
import Testing

@testable import MinbarWeb

/// Feeds, sitemaps, robots.txt, head metadata and the redirects of former addresses.
@Suite struct DistributionTests {
    static let base = "http://127.0.0.1:8080"
    static let tagPath = "/tag/" + Slug.percentEncodedForTests("المركز-الديمقراطى-العربى") + "/"

    @Test func feedsCarryTheSeedArticleInEveryFormat() async throws {
        let site = try await TestSite.demo()
        let seed = try await site.seedArticle()
        let url = Self.base + (try await site.path(of: seed))
        try await site.app.test(.router) { client in
            let rss = try await client.page(Self.tagPath + "feed/")
            #expect(rss.status == .ok)
            #expect(rss.headers[.contentType] == "application/rss+xml; charset=utf-8")
            #expect(rss.body.contains("<link>\(url)</link>"))
            #expect(rss.body.contains("<guid isPermaLink=\"false\">\(Self.base)/?p=\(seed.id)</guid>"))
            #expect(rss.body.contains("<pubDate>Mon, 21 Dec 2015 12:00:00 +0200</pubDate>"))
            #expect(rss.body.contains("<category>الشرق الأوسط</category>"))
            #expect(rss.body.contains("<category>المركز الديمقراطى العربى</category>"))
            #expect(rss.body.contains("<content:encoded><![CDATA[<p>أعلن وزير الدفاع الفرنسي"))

            let atom = try await client.page(Self.tagPath + "feed/atom/")
            #expect(atom.headers[.contentType] == "application/atom+xml; charset=utf-8")
            #expect(atom.body.contains("<published>2015-12-21T12:00:00+02:00</published>"))
            #expect(atom.body.contains("<link rel=\"alternate\" type=\"text/html\" href=\"\(url)\"/>"))

            let json = try await client.page(Self.tagPath + "feed.json")
            #expect(json.headers[.contentType] == "application/feed+json; charset=utf-8")
            let feed = try #require(try JSONSerialization.jsonObject(with: Data(json.body.utf8)) as? [String: Any])
            #expect(feed["version"] as? String == "https://jsonfeed.org/version/1.1")
            let items = try #require(feed["items"] as? [[String: Any]])
            let item = try #require(items.first { $0["title"] as? String == seed.title })
            #expect(item["url"] as? String == url)
            #expect(item["date_published"] as? String == "2015-12-21T12:00:00+02:00")
            #expect(item["tags"] as? [String] == ["الشرق الأوسط", "المركز الديمقراطى العربى"])
        }
    }

    @Test func feedsAnswerConditionalRequestsAndRefuseWhatDoesNotExist() async throws {
        let site = try await TestSite.demo()
        try await site.app.test(.router) { client in
            let feed = try await client.page("/feed/")
            #expect(feed.status == .ok)
            #expect(feed.body.components(separatedBy: "<item>").count - 1 == 20)
            let etag = try #require(feed.headers[.eTag])
            #expect(try await client.page("/feed/", headers: [.ifNoneMatch: etag]).status == .notModified)
            #expect(try await client.page("/feed/", headers: [.ifNoneMatch: "garbage"]).status == .ok)
            #expect(try await client.page("/feed/?paged=2").status == .ok)
            #expect(try await client.page("/feed/?paged=99").status == .notFound)
            // Each page points to the next (older) one while there is one, so readers can page back.
            let json = try JSONSerialization.jsonObject(with: Data(try await client.page("/feed.json").body.utf8)) as? [String: Any]
            let next = try #require(json?["next_url"] as? String)
            #expect(next.hasSuffix("/feed.json?paged=2"), "\(next)")
            let second = try JSONSerialization.jsonObject(with: Data(try await client.page("/feed.json?paged=2").body.utf8)) as? [String: Any]
            #expect((second?["items"] as? [Any])?.isEmpty == false)
            #expect(second?["next_url"] == nil, "the demo's 38 articles fit two pages of 20")
            #expect(feed.body.contains("rel=\"next\""))
            #expect(try await client.page("/feed/atom/").body.contains("<link rel=\"next\" type=\"application/atom+xml\""))
            #expect(try await client.page("/category/لا-يوجد/feed/").status == .notFound)
            #expect(try await client.page("/tag/لا-يوجد/feed.json").status == .notFound)
            #expect(try await client.page("/category/الاقتصاد/feed/atom/").status == .ok)
            #expect(try await client.page("/author/سلمى-الحسيني/feed/").status == .ok)
        }
    }

    @Test func sitemapsListEveryPublicPageByMonth() async throws {
        let site = try await TestSite.demo()
        try await site.app.test(.router) { client in
            let index = try await client.page("/sitemap.xml")
            #expect(index.status == .ok)
            #expect(index.headers[.contentType] == "application/xml; charset=utf-8")
            #expect(index.body.contains("<loc>\(Self.base)/sitemap-articles-2015-12.xml</loc>"))
            for part in ["categories", "tags", "authors", "news"] {
                #expect(index.body.contains("<loc>\(Self.base)/sitemap-\(part).xml</loc>"))
            }
            let december = try await client.page("/sitemap-articles-2015-12.xml")
            #expect(december.body.contains(Self.base + (try await site.path(of: try await site.seedArticle()))))
            #expect(december.body.contains("<lastmod>"))
            #expect(try await client.page("/sitemap-articles-2015-12-2.xml").status == .notFound)
            #expect(try await client.page("/sitemap-articles-1999-01.xml").status == .notFound)
            #expect(try await client.page("/sitemap-articles-2015-13.xml").status == .notFound)
            let tags = try await client.page("/sitemap-tags.xml")
            #expect(tags.body.contains(Self.base + Self.tagPath))
            let robots = try await client.page("/robots.txt")
            #expect(robots.headers[.contentType] == "text/plain; charset=utf-8")
            #expect(robots.body.contains("Sitemap: \(Self.base)/sitemap.xml"))
        }
    }

    @Test func theNewsSitemapHoldsExactlyTheLastTwoDays() async throws {
        let site = try await TestSite.demo()
        let demo = try DemoSite.content()
        let expected = Set(demo.articles.filter { $0.hoursAgo <= 48 }.map(\.title))
        try await site.app.test(.router) { client in
            let news = try await client.page("/sitemap-news.xml")
            let titles = Set(news.body.components(separatedBy: "<news:title>").dropFirst().map { String($0.prefix { $0 != "<" }) })
            #expect(titles == expected)
            #expect(news.body.contains("<news:name>المركز الديمقراطي العربي</news:name><news:language>ar</news:language>"))
        }
    }

    @Test func articlePagesCarryOpenGraphAndNewsArticleData() async throws {
        let site = try await TestSite.demo()
        let seed = try await site.seedArticle()
        let path = try await site.path(of: seed)
        try await site.app.test(.router) { client in
            let page = try await client.page(path)
            #expect(page.body.contains("<meta property=\"og:type\" content=\"article\">"))
            #expect(page.body.contains("<meta property=\"og:title\" content=\"\(seed.title)\">"))
            #expect(page.body.contains("<meta property=\"article:published_time\" content=\"2015-12-21T12:00:00+02:00\">"))
            #expect(page.body.contains("<meta property=\"article:section\" content=\"الشرق الأوسط\">"))
            #expect(page.body.contains("<meta property=\"article:tag\" content=\"المركز الديمقراطى العربى\">"))
            #expect(page.body.contains("<link rel=\"alternate\" type=\"application/rss+xml\""))
            let script = try #require(page.body.between("<script type=\"application/ld+json\">", "</script>"))
            let document = try #require(try JSONSerialization.jsonObject(with: Data(script.utf8)) as? [String: Any])
            let graph = try #require(document["@graph"] as? [[String: Any]])
            let article = try #require(graph.first { $0["@type"] as? String == "NewsArticle" })
            #expect(article["headline"] as? String == seed.title)
            #expect(article["datePublished"] as? String == "2015-12-21T12:00:00+02:00")
            #expect(article["articleSection"] as? String == "الشرق الأوسط")
            #expect(article["keywords"] as? String == "المركز الديمقراطى العربى")
            #expect(article["inLanguage"] as? String == "ar")
            #expect((article["publisher"] as? [String: Any])?["name"] as? String == "المركز الديمقراطي العربي")
            let crumbs = try #require(graph.first { $0["@type"] as? String == "BreadcrumbList" })
            #expect((crumbs["itemListElement"] as? [[String: Any]])?.count == 3)

            let home = try await client.page("/")
            #expect(home.body.contains("\"@type\":\"WebSite\""))
            #expect(home.body.contains("search_term_string"))
        }
    }

    @Test func textThatLooksLikeMarkupCannotBreakOutOfTheJSONLD() async throws {
        let site = try await TestSite.demo()
        let article = try await site.publish("عنوان </script><script>alert(1)</script>", html: "<p>نص</p>", slug: "xss", at: site.clock.now)
        try await site.app.test(.router) { client in
            let page = try await client.page(try await site.path(of: article))
            #expect(!page.body.contains("<script>alert(1)"))
            #expect(page.body.contains("\\u003c/script\\u003e"))
        }
    }

    @Test func featuredImagesTravelInFeedsAndMetadata() async throws {
        let site = try await TestSite.demo()
        let categories = try await site.store.categories()
        let article = try await site.store.saveArticle(
            ArticleInput(
                title: "خبر مصور", body: ArticleBody(html: "<p>نص</p>"), status: .published, publishedAt: site.clock.now,
                primaryCategoryID: categories[0].id,
                featuredImage: FeaturedImage(url: "/media/2027/صورة.jpg", alt: "وصف الصورة", caption: "تعليق")))
        try await site.site.contentChanged()
        let image = Self.base + "/media/2027/" + Slug.percentEncodedForTests("صورة") + ".jpg"
        try await site.app.test(.router) { client in
            #expect(try await client.page("/feed/").body.contains("<media:content url=\"\(image)\" medium=\"image\"/>"))
            #expect(try await client.page("/feed/atom/").body.contains("<link rel=\"enclosure\" href=\"\(image)\"/>"))
            #expect(try await client.page("/feed.json").body.contains("\"image\" : \"\(image)\""))
            let page = try await client.page(try await site.path(of: article))
            #expect(page.body.contains("<meta property=\"og:image\" content=\"\(image)\">"))
            #expect(page.body.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"))
            #expect(page.body.contains("<figcaption><span class=\"caption\">تعليق</span></figcaption>"))
        }
    }

    @Test func aMonthWithMoreThanAThousandArticlesIsSplit() async throws {
        let site = try await TestSite.demo()
        let categories = try await site.store.categories()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Amman")!
        let march = calendar.date(from: DateComponents(year: 2020, month: 3, day: 1, hour: 12))!
        for number in 0..<1001 {
            _ = try await site.store.saveArticle(
                ArticleInput(
                    title: "خبر رقم \(number)", body: ArticleBody(html: "<p>نص</p>"), status: .published,
                    publishedAt: march.addingTimeInterval(Double(number) * 60), primaryCategoryID: categories[0].id))
        }
        try await site.site.contentChanged()
        try await site.app.test(.router) { client in
            let index = try await client.page("/sitemap.xml")
            #expect(index.body.contains("/sitemap-articles-2020-03.xml</loc>"))
            #expect(index.body.contains("/sitemap-articles-2020-03-2.xml</loc>"))
            #expect(!index.body.contains("/sitemap-articles-2020-03-3.xml</loc>"))
            #expect(try await client.page("/sitemap-articles-2020-03.xml").body.occurrences(of: "<url>") == 1000)
            #expect(try await client.page("/sitemap-articles-2020-03-2.xml").body.occurrences(of: "<url>") == 1)
            #expect(try await client.page("/sitemap-articles-2020-03-3.xml").status == .notFound)
        }
    }

    @Test func formerAddressesRedirectAfterARenameAndAStructureChange() async throws {
        let site = try await TestSite.demo()
        let seed = try await site.seedArticle()
        let original = try await site.path(of: seed)
        // The editor renames the slug…
        let renamed = try await site.store.saveArticle(
            ArticleInput(
                id: seed.id, title: seed.title, slug: "تحالف-فرنسي-روسي", excerpt: seed.excerpt, body: seed.body, status: .published,
                publishedAt: seed.publishedAt, breaking: seed.breaking, sourceCredit: seed.sourceCredit,
                primaryCategoryID: seed.primaryCategory?.id, tagIDs: seed.tags.map(\.id), authorIDs: seed.authors.map(\.id)))
        try await site.site.contentChanged()
        let afterRename = try await site.path(of: renamed)
        // …then the owner switches to /%category%/%post_id%/%postname%/.
        var settings = try await site.store.siteSettings()
        settings.changePermalinkStructure(to: "/%category%/%post_id%/%postname%/")
        try await site.store.saveSiteSettings(settings)
        try await site.site.contentChanged()
        let canonical = try await site.path(of: renamed)
        #expect(canonical.hasPrefix("/" + Slug.percentEncodedForTests("الشرق-الأوسط") + "/\(seed.id)/"))
        try await site.app.test(.router) { client in
            #expect(try await client.page(canonical).status == .ok)
            for old in [original, afterRename, "/?p=\(seed.id)"] {
                let answer = try await client.page(old)
                #expect(answer.status == .movedPermanently, "\(old)")
                #expect(answer.headers[.location] == canonical, "\(old)")
            }
        }
    }
}

extension Slug {
    /// Percent-encoding as a browser sends a path segment.
    static func percentEncodedForTests(_ text: String) -> String { percentEncoded(text) }
}
