import Foundation
import MinbarArabic

/// A WordPress-style permalink structure such as `/%year%/%monthnum%/%day%/%postname%/`.
///
/// One value both prints an article's path and recognizes a request path, so article links are
/// never assembled by hand in two places.
public struct PermalinkStructure: Sendable, Hashable {
    /// One path segment of the structure.
    public enum Segment: Sendable, Hashable {
        case literal(String)
        case year, monthnum, day, hour, minute, second
        case postname, postID, category, author
    }

    /// WordPress's "Day and name" structure, the default of most news sites.
    public static let `default` = PermalinkStructure("/%year%/%monthnum%/%day%/%postname%/")!

    public let pattern: String
    public let segments: [Segment]

    /// Parses a structure; nil unless it names the article by %postname% or %post_id%.
    public init?(_ pattern: String) {
        var segments: [Segment] = []
        for part in pattern.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case "%year%": segments.append(.year)
            case "%monthnum%": segments.append(.monthnum)
            case "%day%": segments.append(.day)
            case "%hour%": segments.append(.hour)
            case "%minute%": segments.append(.minute)
            case "%second%": segments.append(.second)
            case "%postname%": segments.append(.postname)
            case "%post_id%": segments.append(.postID)
            case "%category%": segments.append(.category)
            case "%author%": segments.append(.author)
            default:
                if part.contains("%") { return nil }
                segments.append(.literal(String(part)))
            }
        }
        guard segments.contains(.postname) || segments.contains(.postID) else { return nil }
        self.pattern = pattern
        self.segments = segments
    }

    /// What a request path says about the article it names.
    public struct Match: Sendable, Hashable {
        public var slug: String?
        public var id: Int64?
        public var year: Int?
        public var month: Int?
        public var day: Int?
        public var categorySlug: String?
    }

    /// The decoded path segments of a request matched against the structure, or nil.
    public func match(_ pathSegments: [String]) -> Match? {
        guard pathSegments.count == segments.count else { return nil }
        var match = Match()
        for (segment, value) in zip(segments, pathSegments) {
            switch segment {
            case .literal(let text):
                guard value == text else { return nil }
            case .year:
                guard value.count == 4, let number = Int(value) else { return nil }
                match.year = number
            case .monthnum:
                guard value.count == 2, let number = Int(value), (1...12).contains(number) else { return nil }
                match.month = number
            case .day:
                guard value.count == 2, let number = Int(value), (1...31).contains(number) else { return nil }
                match.day = number
            case .hour, .minute, .second:
                guard value.count == 2, Int(value) != nil else { return nil }
            case .postname:
                guard !value.isEmpty else { return nil }
                match.slug = value
            case .postID:
                guard let number = Int64(value), number > 0 else { return nil }
                match.id = number
            case .category:
                match.categorySlug = value
            case .author:
                break
            }
        }
        return match
    }

    /// The decoded path of an article, e.g. `/2015/12/21/تحالف-فرنسي/`; percent-encode it with
    /// `encodedPath(for:timeZone:)` before it goes on the wire.
    public func path(for article: Article, timeZone: TimeZone) -> String {
        segmentsPath(for: article, timeZone: timeZone, encode: false)
    }

    /// The article's path with each segment percent-encoded, for links and headers.
    public func encodedPath(for article: Article, timeZone: TimeZone) -> String {
        segmentsPath(for: article, timeZone: timeZone, encode: true)
    }

    private func segmentsPath(for article: Article, timeZone: TimeZone, encode: Bool) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let date = article.publishedAt ?? article.createdAt
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String {
            let value = value ?? 0
            return value < 10 ? "0\(value)" : "\(value)"
        }
        var path = ""
        for segment in segments {
            let text: String
            switch segment {
            case .literal(let literal): text = literal
            case .year: text = String(parts.year ?? 1970)
            case .monthnum: text = two(parts.month)
            case .day: text = two(parts.day)
            case .hour: text = two(parts.hour)
            case .minute: text = two(parts.minute)
            case .second: text = two(parts.second)
            case .postname: text = article.slug
            case .postID: text = String(article.id)
            case .category: text = article.primaryCategory?.slug ?? "uncategorized"
            case .author: text = article.authors.first?.slug ?? "author"
            }
            path += "/" + (encode ? Slug.percentEncoded(text) : text)
        }
        return path + "/"
    }
}
