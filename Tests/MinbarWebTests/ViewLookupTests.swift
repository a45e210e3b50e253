import Foundation
import Mustache
import Testing

@testable import MinbarWeb

/// Views answer Mustache by name (not Mirror, for speed): every stored property must answer.
@Suite struct ViewLookupTests {
    func expectEveryPropertyAnswers(_ value: some MustacheParent, sourceLocation: SourceLocation = #_sourceLocation) {
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            let isNil = Mirror(reflecting: child.value).displayStyle == .optional && Mirror(reflecting: child.value).children.isEmpty
            if isNil {
                #expect(value.child(named: label) == nil, "\(type(of: value)).\(label)", sourceLocation: sourceLocation)
            } else {
                let answer = value.child(named: label)
                #expect(answer != nil, "\(type(of: value)).\(label) does not answer", sourceLocation: sourceLocation)
                // The answer is the property itself, not something else of the same name.
                let expected = Mirror(reflecting: child.value).displayStyle == .optional
                    ? Mirror(reflecting: child.value).children.first!.value : child.value
                #expect(
                    answer.map { String(describing: $0) } == String(describing: expected), "\(type(of: value)).\(label)",
                    sourceLocation: sourceLocation)
            }
        }
        #expect(value.child(named: "no-such-key") == nil, sourceLocation: sourceLocation)
    }

    @Test func everyViewAnswersForEachOfItsProperties() {
        let date = DateView(iso: "2015-12-21T12:00:00Z", text: "الاثنين", hijri: "10 ربيع الأول", relative: "منذ يوم")
        let meta = HeadMeta(
            title: "t", siteName: "s", locale: "ar_AR", ogType: "article", imageURL: "https://x/a.jpg", twitterCard: "summary",
            articleMeta: ArticleMeta(publishedTime: "p", modifiedTime: "m", section: "s", tags: ["a"]),
            feeds: [FeedLink(title: "f", type: "application/rss+xml", url: "https://x/feed/")], jsonLD: "{}")
        let link = LinkView(name: "قسم", url: "/category/x/")
        let image = ImageView(src: "/a.jpg", alt: "صورة", caption: "تعليق")
        let card = ArticleCard(
            title: "عنوان", url: "/a/", summary: "ملخص", date: date, sectionLink: link, breaking: true, thumbnail: image, byline: "كاتب",
            snippetHTML: "<mark>ملخص</mark>")
        let pagination = PaginationView(
            pages: [PageLink(label: "1", url: "/", current: true)], prevURL: "/p/", nextURL: "/n/", status: "الصفحة 1 من 2")
        let article = ArticleView(
            title: "عنوان", url: "/a/", section: link, breaking: true, authors: [BylineAuthor(name: "كاتب", url: "/author/x/", isLast: true)],
            date: date, image: image, bodyHTML: "<p>نص</p>", sourceCredit: "وكالات", tags: [link], hasTags: true,
            authorBoxes: [AuthorBox(name: "كاتب", url: "/author/x/", bio: "نبذة", avatarURL: "/a.png", isOrganization: false)],
            related: [card], hasRelated: true)
        let home = HomeView(
            breaking: [card], hasBreaking: true, lead: card, top: [card], latest: [card],
            sections: [HomeSection(name: "قسم", url: "/category/x/", articles: [card])], olderURL: "/page/2/")
        let listing = ListingView(
            kind: "category", title: "قسم", intro: "وصف", kicker: "قسم", articles: [card], isEmpty: false, pagination: pagination)
        let page = PageView(
            lang: "ar", dir: "rtl", site: SiteView(name: "منبر", tagline: "شعار"), t: ["a": "b"],
            assets: AssetsView(css: "/c", js: "/j", icon: "/i"), documentTitle: "t", description: "d", canonicalURL: "/", meta: meta, prevURL: "/p/",
            nextURL: "/n/", nav: [NavItem(name: "n", url: "/", current: true)],
            menu: [MenuSection(name: "m", url: "/", current: false, children: [NavItem(name: "c", url: "/c/", current: false)])],
            bodyClass: "home", copyrightYear: "2026", home: home, article: article, listing: listing,
            search: SearchView(
                query: "q", message: "m", countText: "3", articles: [card], pagination: pagination, suggestion: link,
                categories: [CategoryOption(slug: "s", name: "n", selected: true)]),
            error: ErrorView(status: 404, title: "t", message: "m"))

        expectEveryPropertyAnswers(page)
        expectEveryPropertyAnswers(page.site)
        expectEveryPropertyAnswers(meta)
        expectEveryPropertyAnswers(meta.articleMeta!)
        expectEveryPropertyAnswers(meta.feeds[0])
        expectEveryPropertyAnswers(page.assets)
        expectEveryPropertyAnswers(page.nav[0])
        expectEveryPropertyAnswers(page.menu[0])
        expectEveryPropertyAnswers(link)
        expectEveryPropertyAnswers(date)
        expectEveryPropertyAnswers(image)
        expectEveryPropertyAnswers(card)
        expectEveryPropertyAnswers(article)
        expectEveryPropertyAnswers(article.authors[0])
        expectEveryPropertyAnswers(article.authorBoxes[0])
        expectEveryPropertyAnswers(pagination)
        expectEveryPropertyAnswers(pagination.pages[0])
        expectEveryPropertyAnswers(listing)
        expectEveryPropertyAnswers(home)
        expectEveryPropertyAnswers(home.sections[0])
        expectEveryPropertyAnswers(page.search!)
        expectEveryPropertyAnswers(page.error!)
        expectEveryPropertyAnswers(page.search!.categories[0])
        // A nil optional answers nil, so Mustache looks in the enclosing context as with Mirror.
        #expect(DateView(iso: "", text: "", hijri: nil, relative: nil).child(named: "hijri") == nil)
    }
}

@Suite struct JSONValueTests {
    @Test func writesJSONThatParsersReadBackAndScriptsCannotEscape() throws {
        let tricky = "قال: \"نعم\" \\ </script><!-- & \n\t\u{01} \u{2028}"
        let value = JSONValue.object([("text", .string(tricky)), ("n", .int(3)), ("list", .array([.string("أ"), .int(-1)]))])
        let text = value.text
        #expect(!text.contains("<") && !text.contains(">") && !text.contains("&"))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(parsed["text"] as? String == tricky)
        #expect(parsed["n"] as? Int == 3)
        #expect((parsed["list"] as? [Any])?.count == 2)
        #expect(text.hasPrefix("{\"text\":"))
    }
}
