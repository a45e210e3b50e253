import Foundation
import MinbarArabic
import MinbarCore

/// A page of the public site. One value both parses a request path and prints the link to the
/// page, so no URL is assembled by hand in two places.
public enum SiteRoute: Hashable, Sendable {
    case home(page: Int)
    /// An article named by the site's permalink structure.
    case article(PermalinkStructure.Match)
    /// Page N (≥ 2) of an article's comments: `…/comment-page-N/`, as WordPress writes it.
    case articleComments(PermalinkStructure.Match, page: Int)
    /// RSS of the newest comments: the site's (`/comments/feed/`) or one article's (`…/feed/`).
    case commentsFeed(PermalinkStructure.Match?)
    /// `/?p=ID`, WordPress's plain link to an article: answered with a redirect.
    case articleID(Int64)
    case category(slug: String, page: Int)
    case tag(slug: String, page: Int)
    case author(slug: String, page: Int)
    /// A date archive: a year, a month or a day.
    case archive(year: Int, month: Int?, day: Int?, page: Int)
    /// Search results, optionally within a section (`?category=slug`).
    case search(query: String, page: Int, category: String? = nil)
    /// RSS, Atom or JSON Feed of the site, a section, a tag or an author.
    case feed(FeedScope, FeedFormat, page: Int = 1)
    /// `/sitemap.xml`: the index of the sitemaps below.
    case sitemapIndex
    case sitemap(SitemapPart)
    case robots

    /// An article's page (its first comment page or a later one).
    public var isArticlePage: Bool {
        switch self {
        case .article, .articleComments: return true
        default: return false
        }
    }

    /// The page number of a listing (1 for single pages).
    public var page: Int {
        switch self {
        case .home(let page), .category(_, let page), .tag(_, let page), .author(_, let page), .search(_, let page, _):
            return page
        case .archive(_, _, _, let page):
            return page
        case .feed(_, _, let page):
            return page
        case .articleComments(_, let page):
            return page
        case .article, .articleID, .sitemapIndex, .sitemap, .robots, .commentsFeed:
            return 1
        }
    }

    /// The same listing at another page.
    public func atPage(_ page: Int) -> SiteRoute {
        switch self {
        case .home: return .home(page: page)
        case .category(let slug, _): return .category(slug: slug, page: page)
        case .tag(let slug, _): return .tag(slug: slug, page: page)
        case .author(let slug, _): return .author(slug: slug, page: page)
        case .archive(let year, let month, let day, _): return .archive(year: year, month: month, day: day, page: page)
        case .search(let query, _, let category): return .search(query: query, page: page, category: category)
        case .feed(let scope, let format, _): return .feed(scope, format, page: page)
        default: return self
        }
    }

    /// The path of a listing page; `encoded` percent-encodes Arabic for headers and canonical
    /// links, otherwise it stays readable (valid in `href`, which browsers encode themselves).
    /// Articles are printed by the site's `PermalinkStructure` instead.
    public func path(encoded: Bool = false) -> String {
        func segment(_ text: String) -> String { encoded ? Slug.percentEncoded(text) : text }
        let base: String
        switch self {
        case .home: base = "/"
        case .category(let slug, _): base = "/category/\(segment(slug))/"
        case .tag(let slug, _): base = "/tag/\(segment(slug))/"
        case .author(let slug, _): base = "/author/\(segment(slug))/"
        case .archive(let year, let month, let day, _):
            var path = "/\(year)/"
            if let month { path += (month < 10 ? "0\(month)" : "\(month)") + "/" }
            if let month, month > 0, let day { path += (day < 10 ? "0\(day)" : "\(day)") + "/" }
            base = path
        case .search(let query, let page, let category):
            var path = "/?s=" + (query.addingPercentEncoding(withAllowedCharacters: Slug.unreservedCharacters) ?? "")
            if let category { path += "&category=" + Slug.percentEncoded(category) }
            return page > 1 ? path + "&page=\(page)" : path
        case .articleID(let id): return "/?p=\(id)"
        case .article, .articleComments: return "/"
        case .commentsFeed(let match): return match == nil ? "/comments/feed/" : "/"
        case .feed(let scope, let format, let page):
            let paged = page > 1 ? "?paged=\(page)" : ""
            let base: String
            switch scope {
            case .site: base = "/"
            case .category(let slug): base = "/category/\(segment(slug))/"
            case .tag(let slug): base = "/tag/\(segment(slug))/"
            case .author(let slug): base = "/author/\(segment(slug))/"
            }
            switch format {
            case .rss: return base + "feed/" + paged
            case .atom: return base + "feed/atom/" + paged
            case .json: return base + "feed.json" + paged
            }
        case .sitemapIndex: return "/sitemap.xml"
        case .sitemap(let part): return "/" + part.fileName
        case .robots: return "/robots.txt"
        }
        return page > 1 ? base + "page/\(page)/" : base
    }
}

/// Whose articles a feed carries.
public enum FeedScope: Hashable, Sendable {
    case site
    case category(String)
    case tag(String)
    case author(String)

    /// The scope of the path segments before `feed`: none, or `category/…`, `tag/x`, `author/x`.
    init?(_ segments: ArraySlice<String>) {
        switch (segments.first, segments.count) {
        case (nil, _): self = .site
        case ("category", 2...): self = .category(segments.last!)
        case ("tag", 2): self = .tag(segments.last!)
        case ("author", 2): self = .author(segments.last!)
        default: return nil
        }
    }
}

/// The three feed formats readers and aggregators use.
public enum FeedFormat: Hashable, Sendable {
    case rss, atom, json

    var contentType: String {
        switch self {
        case .rss: "application/rss+xml; charset=utf-8"
        case .atom: "application/atom+xml; charset=utf-8"
        case .json: "application/feed+json; charset=utf-8"
        }
    }
}

/// One sitemap file under `/sitemap.xml`.
public enum SitemapPart: Hashable, Sendable {
    /// Articles published in a month (site time zone), at most 1,000 per part.
    case articles(year: Int, month: Int, part: Int)
    /// The home page and every section.
    case categories
    case tags
    case authors
    /// Google News: articles of the last two days.
    case news

    /// At most this many URLs in one sitemap file.
    static let urlLimit = 1000

    var fileName: String {
        switch self {
        case .articles(let year, let month, let part):
            let base = "sitemap-articles-\(year)-" + (month < 10 ? "0\(month)" : "\(month)")
            return (part > 1 ? base + "-\(part)" : base) + ".xml"
        case .categories: return "sitemap-categories.xml"
        case .tags: return "sitemap-tags.xml"
        case .authors: return "sitemap-authors.xml"
        case .news: return "sitemap-news.xml"
        }
    }

    init?(fileName: String) {
        switch fileName {
        case "sitemap-categories.xml": self = .categories
        case "sitemap-tags.xml": self = .tags
        case "sitemap-authors.xml": self = .authors
        case "sitemap-news.xml": self = .news
        default:
            guard fileName.hasPrefix("sitemap-articles-"), fileName.hasSuffix(".xml") else { return nil }
            let parts = fileName.dropFirst("sitemap-articles-".count).dropLast(4).split(separator: "-")
            guard (2...3).contains(parts.count), parts[0].count == 4, parts[1].count == 2,
                let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month)
            else { return nil }
            var part = 1
            if parts.count == 3 {
                guard let number = Int(parts[2]), number >= 2, String(number) == parts[2] else { return nil }
                part = number
            }
            self = .articles(year: year, month: month, part: part)
        }
    }
}

/// What a request path means: a page, a redirect to the right address, or a clear refusal.
public enum SiteRouteResolution: Equatable, Sendable {
    case route(SiteRoute)
    /// A permanent redirect (the path without a trailing slash, `/page/1/`).
    case redirect(String)
    case notFound
    case badRequest(LocalizedText)
}

extension SiteRoute {
    /// The longest search query accepted, in characters.
    static let maximumQueryLength = 200

    /// Parses a raw (still percent-encoded) request path and query.
    public static func resolve(
        path rawPath: String, query rawQuery: String?, permalink: PermalinkStructure, previous: [PermalinkStructure] = []
    ) -> SiteRouteResolution {
        let permalinks = [permalink] + previous
        var segments: [String] = []
        for raw in rawPath.split(separator: "/", omittingEmptySubsequences: true) {
            guard let decoded = String(raw).removingPercentEncoding else {
                return .badRequest(
                    LocalizedText(
                        ar: "الرابط يحوي ترميزاً غير صالح (علامة % لا يتبعها رقمان ست عشريان).",
                        en: "The address holds malformed percent-encoding (a % not followed by two hex digits)."))
            }
            guard !decoded.contains("\0"), !decoded.contains("/") || decoded == raw else { return .notFound }
            segments.append(ArabicNormalizer.canonical(decoded).lowercased())
        }
        let query: [String: String]
        switch QueryString.parse(rawQuery) {
        case .success(let values): query = values
        case .failure(let problem): return .badRequest(problem)
        }

        // ?page=N and WordPress's ?paged=N
        var page = 1
        if let value = query["page"] ?? query["paged"] {
            guard let number = Int(value), number >= 1, number <= 100_000 else {
                return .badRequest(
                    LocalizedText(
                        ar: "رقم الصفحة يجب أن يكون عدداً صحيحاً موجباً، مثل ?page=2.",
                        en: "The page number must be a positive whole number, e.g. ?page=2."))
            }
            page = number
        }
        if let id = query["p"] {
            guard let number = Int64(id), number > 0 else {
                return .badRequest(LocalizedText(ar: "رقم المقال غير صالح.", en: "The article number is not valid."))
            }
            return .route(.articleID(number))
        }
        if let search = query["s"] {
            let category = query["category"].flatMap { $0.isEmpty ? nil : Slug.normalize($0) }
            return searchRoute(search, page: page, category: category)
        }

        // /…/page/N/
        if segments.count >= 2, segments[segments.count - 2] == "page" {
            guard let number = Int(segments[segments.count - 1]), number >= 1, number <= 100_000,
                String(number) == segments[segments.count - 1]
            else { return .notFound }
            segments.removeLast(2)
            if number == 1 {
                return .redirect(pathWithTrailingSlash(rawPath.components(separatedBy: "/page/").first ?? "/"))
            }
            page = number
        }

        if let file = fileRoute(segments, hasTrailingSlash: rawPath.hasSuffix("/")) {
            if case .route(.feed(let scope, let format, _)) = file { return .route(.feed(scope, format, page: page)) }
            return file
        }
        // …/comment-page-N/ after an article's address
        if let last = segments.last, last.hasPrefix("comment-page-") {
            guard let number = Int(last.dropFirst("comment-page-".count)), number >= 1, number <= 100_000 else { return .notFound }
            guard let match = permalinks.lazy.compactMap({ $0.match(Array(segments.dropLast())) }).first else { return .notFound }
            if number == 1 { return .redirect(pathWithTrailingSlash(rawPath.components(separatedBy: "/comment-page-").first ?? "/")) }
            return .route(.articleComments(match, page: number))
        }
        if segments == ["comments", "feed"] { return .route(.commentsFeed(nil)) }
        if segments.count >= 2, segments.last == "feed", FeedScope(segments.dropLast()) == nil,
            let match = permalinks.lazy.compactMap({ $0.match(Array(segments.dropLast())) }).first
        {
            return .route(.commentsFeed(match))
        }
        guard let route = route(for: segments, page: page, permalinks: permalinks) else { return .notFound }
        if case .search(let query, _, _) = route { return searchRoute(query, page: page) }
        if case .feed(let scope, let format, _) = route, page > 1, rawPath.hasSuffix("/") {
            return .route(.feed(scope, format, page: page))
        }
        // WordPress answers slash-less addresses with a redirect to the slashed one; an article
        // under a structure without a final slash (`/%postname%.html`) is the exception.
        if !rawPath.hasSuffix("/"), rawPath != "/" {
            if case .article = route, permalinks.contains(where: { !$0.pattern.hasSuffix("/") }) { return .route(route) }
            return .redirect(rawPath + "/" + (rawQuery.map { "?" + $0 } ?? ""))
        }
        return .route(route)
    }

    /// The route of decoded path segments (with any `page/N` removed), or nil.
    static func route(for segments: [String], page: Int, permalinks: [PermalinkStructure]) -> SiteRoute? {
        guard let first = segments.first else { return .home(page: page) }
        if let feed = feedRoute(segments) { return feed }
        switch first {
        case "category" where segments.count >= 2:
            return .category(slug: segments[segments.count - 1], page: page)
        case "tag" where segments.count == 2:
            return .tag(slug: segments[1], page: page)
        case "author" where segments.count == 2:
            return .author(slug: segments[1], page: page)
        case "search" where segments.count == 2:
            return .search(query: segments[1].trimmingCharacters(in: .whitespacesAndNewlines), page: page)
        default:
            break
        }
        if let archive = archiveRoute(segments, page: page) {
            return archive
        }
        if page == 1 {
            for permalink in permalinks {
                if let match = permalink.match(segments) { return .article(match) }
            }
        }
        return nil
    }

    /// `…/feed/`, `…/feed/atom/`, `…/feed/rss2/` of the site, a section, a tag or an author.
    static func feedRoute(_ segments: [String]) -> SiteRoute? {
        guard let feedIndex = segments.lastIndex(of: "feed") else { return nil }
        let format: FeedFormat
        switch segments[(feedIndex + 1)...] {
        case []: format = .rss
        case ["rss2"], ["rss"]: format = .rss
        case ["atom"]: format = .atom
        case ["json"]: format = .json
        default: return nil
        }
        guard let scope = FeedScope(segments[..<feedIndex]) else { return nil }
        return .feed(scope, format)
    }

    /// Addresses that are files, not folders: no trailing slash, no redirect.
    static func fileRoute(_ segments: [String], hasTrailingSlash: Bool) -> SiteRouteResolution? {
        guard !hasTrailingSlash, let last = segments.last, last.contains(".") else { return nil }
        switch last {
        case "feed.json":
            guard let scope = FeedScope(segments.dropLast()) else { return .notFound }
            return .route(.feed(scope, .json))
        case "sitemap.xml" where segments.count == 1:
            return .route(.sitemapIndex)
        case "robots.txt" where segments.count == 1:
            return .route(.robots)
        default:
            if segments.count == 1, let part = SitemapPart(fileName: last) { return .route(.sitemap(part)) }
            return nil
        }
    }

    static func searchRoute(_ text: String, page: Int, category: String? = nil) -> SiteRouteResolution {
        let query = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard query.count <= maximumQueryLength else {
            return .badRequest(
                LocalizedText(
                    ar: "نص البحث أطول من \(maximumQueryLength) حرف؛ اختصره.",
                    en: "The search text is longer than \(maximumQueryLength) characters; shorten it."))
        }
        return .route(.search(query: query, page: page, category: category))
    }

    /// `/2015/`, `/2015/12/`, `/2015/12/21/`.
    static func archiveRoute(_ segments: [String], page: Int) -> SiteRoute? {
        guard (1...3).contains(segments.count), segments[0].count == 4, let year = Int(segments[0]), year >= 1000 else { return nil }
        var month: Int?
        var day: Int?
        if segments.count >= 2 {
            guard segments[1].count == 2, let value = Int(segments[1]), (1...12).contains(value) else { return nil }
            month = value
        }
        if segments.count == 3 {
            guard segments[2].count == 2, let value = Int(segments[2]), (1...31).contains(value) else { return nil }
            day = value
        }
        return .archive(year: year, month: month, day: day, page: page)
    }

    static func pathWithTrailingSlash(_ path: String) -> String {
        path.hasSuffix("/") ? path : path + "/"
    }
}

/// Query strings as forms and browsers send them (`+` for space, percent-encoding).
enum QueryString {
    static func parse(_ raw: String?) -> Result<[String: String], LocalizedTextError> {
        guard let raw, !raw.isEmpty else { return .success([:]) }
        var values: [String: String] = [:]
        for pair in raw.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let rawKey = parts[0].replacingOccurrences(of: "+", with: " ")
            let rawValue = parts.count > 1 ? parts[1].replacingOccurrences(of: "+", with: " ") : ""
            guard let key = rawKey.removingPercentEncoding, let value = rawValue.removingPercentEncoding else {
                return .failure(
                    LocalizedTextError(
                        LocalizedText(
                            ar: "معاملات الرابط تحوي ترميزاً غير صالح (علامة % لا يتبعها رقمان ست عشريان).",
                            en: "The query string holds malformed percent-encoding (a % not followed by two hex digits).")))
            }
            if values[key] == nil { values[key] = value }
        }
        return .success(values)
    }
}

/// A `LocalizedText` usable as an error.
public struct LocalizedTextError: Error, Sendable, Equatable {
    public let text: LocalizedText
    public init(_ text: LocalizedText) { self.text = text }
}

extension SiteRouteResolution {
    static func badRequest(_ error: LocalizedTextError) -> SiteRouteResolution { .badRequest(error.text) }
}
