import Foundation
import MinbarArabic
import MinbarCore

/// A page of the public site. One value both parses a request path and prints the link to the
/// page, so no URL is assembled by hand in two places.
public enum SiteRoute: Hashable, Sendable {
    case home(page: Int)
    /// An article named by the site's permalink structure.
    case article(PermalinkStructure.Match)
    /// `/?p=ID`, WordPress's plain link to an article: answered with a redirect.
    case articleID(Int64)
    case category(slug: String, page: Int)
    case tag(slug: String, page: Int)
    case author(slug: String, page: Int)
    /// A date archive: a year, a month or a day.
    case archive(year: Int, month: Int?, day: Int?, page: Int)
    case search(query: String, page: Int)

    /// The page number of a listing (1 for single pages).
    public var page: Int {
        switch self {
        case .home(let page), .category(_, let page), .tag(_, let page), .author(_, let page), .search(_, let page):
            return page
        case .archive(_, _, _, let page):
            return page
        case .article, .articleID:
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
        case .search(let query, _): return .search(query: query, page: page)
        case .article, .articleID: return self
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
        case .search(let query, _): base = "/search/\(Slug.percentEncoded(query))/"
        case .articleID(let id): return "/?p=\(id)"
        case .article: return "/"
        }
        return page > 1 ? base + "page/\(page)/" : base
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
    public static func resolve(path rawPath: String, query rawQuery: String?, permalink: PermalinkStructure) -> SiteRouteResolution {
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
            return searchRoute(search, page: page)
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

        guard let route = route(for: segments, page: page, permalink: permalink) else { return .notFound }
        if case .search(let query, _) = route { return searchRoute(query, page: page) }
        // WordPress answers slash-less addresses with a redirect to the slashed one; an article
        // under a structure without a final slash (`/%postname%.html`) is the exception.
        if !rawPath.hasSuffix("/"), rawPath != "/" {
            if case .article = route, !permalink.pattern.hasSuffix("/") { return .route(route) }
            return .redirect(rawPath + "/" + (rawQuery.map { "?" + $0 } ?? ""))
        }
        return .route(route)
    }

    /// The route of decoded path segments (with any `page/N` removed), or nil.
    static func route(for segments: [String], page: Int, permalink: PermalinkStructure) -> SiteRoute? {
        guard let first = segments.first else { return .home(page: page) }
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
        if page == 1, let match = permalink.match(segments) {
            return .article(match)
        }
        return nil
    }

    static func searchRoute(_ text: String, page: Int) -> SiteRouteResolution {
        let query = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard query.count <= maximumQueryLength else {
            return .badRequest(
                LocalizedText(
                    ar: "نص البحث أطول من \(maximumQueryLength) حرف؛ اختصره.",
                    en: "The search text is longer than \(maximumQueryLength) characters; shorten it."))
        }
        return .route(.search(query: query, page: page))
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
