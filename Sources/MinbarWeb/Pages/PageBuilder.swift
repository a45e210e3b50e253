import Foundation
import MinbarArabic
import MinbarCore

/// Turns store content into view values for one request: links, dates in the site's style,
/// digits, the menu. Holds no state beyond the request.
struct PageBuilder: Sendable {
    let settings: SiteSettings
    let categories: [Category]
    let theme: Theme
    let now: Date
    let strings: [String: String]
    let formatter: ArabicDateFormatter
    let timeZone: TimeZone
    /// The permalink structure, parsed once per request (a page links dozens of articles).
    let permalink: PermalinkStructure
    /// The site's public address without a trailing slash, e.g. `https://news.example`.
    let siteURL: String

    init(settings: SiteSettings, categories: [Category], theme: Theme, now: Date, serverURL: String) {
        self.settings = settings
        self.categories = categories
        self.theme = theme
        self.now = now
        self.strings = theme.strings(for: settings.language)
        self.formatter = settings.dateFormatter
        self.timeZone = formatter.timeZone
        self.permalink = settings.permalink
        self.siteURL = settings.url.isEmpty ? serverURL : settings.url
    }

    /// An absolute URL of a percent-encoded path.
    func absolute(_ encodedPath: String) -> String { siteURL + encodedPath }

    /// A media URL made absolute when it is a path on this site.
    func absoluteMedia(_ url: String) -> String {
        url.hasPrefix("/") ? siteURL + (url.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? url) : url
    }

    /// A body with its `/media/` images at full addresses, for feeds read away from the site.
    func absoluteMediaSources(_ html: String) -> String {
        html.replacingOccurrences(of: "src=\"" + FeaturedImage.mediaPathPrefix, with: "src=\"" + siteURL + FeaturedImage.mediaPathPrefix)
    }

    func string(_ key: String) -> String { strings[key] ?? key }

    /// A number in the site's digits.
    func number(_ value: Int) -> String { settings.digits.format(value) }

    // MARK: Frame

    /// The parts every page has. `currentSection` marks a menu entry as the current page;
    /// `feeds` are the feeds of what the page lists (the site's own are always offered).
    func frame(
        title: String?, canonicalPath: String, description: String?, bodyClass: String, currentSection: Int64? = nil,
        feeds: [FeedLink] = [], jsonLD: [JSONValue] = []
    ) -> PageView {
        let top = categories.topLevel
        let currentTop = currentSection.flatMap { id in categories.first { $0.id == id } }.map { categories.ancestry(of: $0).last!.id }
        let nav = top.map { NavItem(name: $0.name, url: categoryPath($0), current: $0.id == currentTop) }
        let menu = top.map { category in
            MenuSection(
                name: category.name, url: categoryPath(category), current: category.id == currentTop,
                children: categories.filter { $0.parentID == category.id }.map {
                    NavItem(name: $0.name, url: categoryPath($0), current: $0.id == currentSection)
                })
        }
        let documentTitle = title.map { "\($0) – \(settings.name)" } ?? "\(settings.name) – \(settings.tagline)"
        let siteFeeds = [
            FeedLink(title: settings.name, type: "application/rss+xml", url: absolute(SiteRoute.feed(.site, .rss).path(encoded: true))),
            FeedLink(title: settings.name, type: "application/atom+xml", url: absolute(SiteRoute.feed(.site, .atom).path(encoded: true))),
            FeedLink(title: settings.name, type: "application/feed+json", url: absolute(SiteRoute.feed(.site, .json).path(encoded: true))),
        ]
        let meta = HeadMeta(
            title: title ?? settings.name, siteName: settings.name, locale: settings.language == "en" ? "en_US" : "ar_AR",
            ogType: "website", imageURL: nil, twitterCard: "summary", articleMeta: nil, feeds: feeds + siteFeeds,
            jsonLD: jsonLD.isEmpty ? "" : StructuredData.script(jsonLD), robots: nil)
        return PageView(
            lang: settings.language, dir: settings.direction,
            site: SiteView(name: settings.name, tagline: settings.tagline),
            t: strings,
            assets: AssetsView(css: theme.assetURL("style.css"), js: theme.assetURL("site.js"), icon: theme.assetURL("favicon.svg")),
            documentTitle: documentTitle, description: description, canonicalURL: absolute(canonicalPath), meta: meta, prevURL: nil,
            nextURL: nil,
            // Prefixed so that a page kind never shares a name with a theme's element class: the
            // body of an article page once matched `.article` and squeezed header and footer.
            nav: nav, menu: menu, bodyClass: bodyClass.split(separator: " ").map { "page-" + $0 }.joined(separator: " "), copyrightYear: number(formatter.day(of: now).year),
            headCode: settings.headCode.isEmpty ? nil : settings.headCode,
            footerCode: settings.footerCode.isEmpty ? nil : settings.footerCode)
    }

    // MARK: Links

    func categoryPath(_ category: Category) -> String { SiteRoute.category(slug: category.slug, page: 1).path() }
    func tagPath(_ tag: Tag) -> String { SiteRoute.tag(slug: tag.slug, page: 1).path() }
    func authorPath(_ author: Author) -> String { SiteRoute.author(slug: author.slug, page: 1).path() }
    func articlePath(_ article: Article) -> String { permalink.path(for: article, timeZone: timeZone) }
    func articleEncodedPath(_ article: Article) -> String { permalink.encodedPath(for: article, timeZone: timeZone) }

    // MARK: Pieces

    func date(_ date: Date) -> DateView {
        DateView(
            iso: formatter.iso8601(date), text: formatter.string(from: date),
            hijri: settings.showsHijri ? formatter.hijriString(from: date) : nil,
            relative: RelativeTime.string(from: date, now: now, digits: settings.digits, language: settings.language))
    }

    /// Feed links of a listing (RSS, Atom, JSON), titled after it.
    func feeds(_ scope: FeedScope, title: String) -> [FeedLink] {
        [
            FeedLink(title: title, type: "application/rss+xml", url: absolute(SiteRoute.feed(scope, .rss).path(encoded: true))),
            FeedLink(title: title, type: "application/atom+xml", url: absolute(SiteRoute.feed(scope, .atom).path(encoded: true))),
            FeedLink(title: title, type: "application/feed+json", url: absolute(SiteRoute.feed(scope, .json).path(encoded: true))),
        ]
    }

    func card(_ article: Article) -> ArticleCard { card(article, sizes: ResponsiveImages.cardSizes, lazy: true) }

    /// The home page's lead story: its photo is the first a reader sees, so it loads at once.
    func leadCard(_ article: Article) -> ArticleCard { card(article, sizes: ResponsiveImages.leadSizes, lazy: false) }

    func card(_ article: Article, sizes: String, lazy: Bool) -> ArticleCard {
        let section = article.primaryCategory ?? article.categories.first
        return ArticleCard(
            title: article.title, url: articlePath(article),
            summary: article.excerpt.isEmpty ? ArticleExcerpt.make(fromHTML: article.body.html, maximumWords: 30) : article.excerpt,
            date: date(article.publishedAt ?? article.createdAt),
            sectionLink: section.map { LinkView(name: $0.name, url: categoryPath($0)) },
            breaking: article.isBreaking(at: now),
            thumbnail: article.featuredImage.map { ResponsiveImages.view($0, sizes: sizes, lazy: lazy, withCaption: false) },
            byline: article.authors.map(\.name).joined(separator: "، "),
            commentCount: article.commentCount > 0 ? commentCountLabel(article.commentCount) : nil)
    }

    /// "تعليق واحد", "٣ تعليقات", "١١ تعليقاً" in the site's digits.
    func commentCountLabel(_ count: Int) -> String {
        if settings.language == "en" { return count == 1 ? "1 comment" : "\(number(count)) comments" }
        if count == 0 { return string("no_comments") }
        return ArabicCount.phrase(count, .comment, digits: settings.digits)
    }

    /// `bodyMedia`: the library items the body's images come from, by key, for their `srcset`.
    func articleView(_ article: Article, related: [Article], bodyMedia: [String: MediaItem] = [:]) -> ArticleView {
        let section = article.primaryCategory ?? article.categories.first
        let authors = article.authors
        return ArticleView(
            title: article.title, url: articlePath(article),
            section: section.map { LinkView(name: $0.name, url: categoryPath($0)) },
            breaking: article.isBreaking(at: now),
            authors: authors.enumerated().map { index, author in
                BylineAuthor(name: author.name, url: authorPath(author), isLast: index == authors.count - 1)
            },
            date: date(article.publishedAt ?? article.createdAt),
            image: article.featuredImage.map { ResponsiveImages.view($0, sizes: ResponsiveImages.articleSizes, lazy: false, withCaption: true) },
            bodyHTML: ResponsiveImages.enrich(bodyHTML: article.body.html, media: bodyMedia, sizes: ResponsiveImages.articleSizes),
            sourceCredit: article.sourceCredit,
            tags: article.tags.map { LinkView(name: $0.name, url: tagPath($0)) },
            hasTags: !article.tags.isEmpty,
            authorBoxes: authors.filter { !$0.bio.isEmpty }.map {
                AuthorBox(name: $0.name, url: authorPath($0), bio: $0.bio, avatarURL: $0.avatarURL, isOrganization: $0.kind == .organization)
            },
            related: related.map(card),
            hasRelated: !related.isEmpty)
    }

    /// Page links for a listing, or nil when it fits on one page.
    func pagination(for route: SiteRoute, totalPages: Int) -> PaginationView? {
        guard totalPages > 1 else { return nil }
        let current = route.page
        var numbers = Set([1, totalPages, current - 1, current, current + 1].filter { (1...totalPages).contains($0) })
        if totalPages <= 7 { numbers = Set(1...totalPages) }
        let pages = numbers.sorted().map { PageLink(label: number($0), url: route.atPage($0).path(), current: $0 == current) }
        let status = string("page_of").replacingOccurrences(of: "{page}", with: number(current))
            .replacingOccurrences(of: "{pages}", with: number(totalPages))
        return PaginationView(
            pages: pages,
            prevURL: current > 1 ? route.atPage(current - 1).path() : nil,
            nextURL: current < totalPages ? route.atPage(current + 1).path() : nil,
            status: status)
    }
}
