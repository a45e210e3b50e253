import Foundation
import MinbarArabic

/// A WordPress-style permalink structure such as `/%year%/%monthnum%/%day%/%postname%/` or
/// `/%category%/%post_id%.html`.
///
/// One value both prints an article's path and recognizes a request path, so article links are
/// never assembled by hand in two places.
public struct PermalinkStructure: Sendable, Hashable {
    /// A structure tag, as WordPress names them.
    public enum Tag: String, Sendable, Hashable, CaseIterable {
        case year, monthnum, day, hour, minute, second, postname
        case postID = "post_id"
        case category, author

        /// Tags whose value is a fixed number of digits.
        var digits: Int? {
            switch self {
            case .year: return 4
            case .monthnum, .day, .hour, .minute, .second: return 2
            default: return nil
            }
        }
    }

    /// One piece of a path segment: fixed text or a tag.
    public enum Part: Sendable, Hashable {
        case literal(String)
        case tag(Tag)
    }

    /// WordPress's "Day and name" structure, the default of most news sites.
    public static let `default` = PermalinkStructure("/%year%/%monthnum%/%day%/%postname%/")!

    public let pattern: String
    /// The parts of each path segment.
    public let segments: [[Part]]

    /// Parses a structure; nil unless it names the article by %postname% or %post_id%, uses only
    /// known tags, and never puts two tags side by side without text between them.
    public init?(_ pattern: String) {
        var segments: [[Part]] = []
        for rawSegment in pattern.split(separator: "/", omittingEmptySubsequences: true) {
            var parts: [Part] = []
            var rest = Substring(rawSegment)
            while !rest.isEmpty {
                if rest.first == "%" {
                    let afterPercent = rest.dropFirst()
                    guard let end = afterPercent.firstIndex(of: "%"),
                        let tag = Tag(rawValue: String(afterPercent[..<end]))
                    else { return nil }
                    if case .tag = parts.last { return nil }
                    parts.append(.tag(tag))
                    rest = afterPercent[afterPercent.index(after: end)...]
                } else {
                    let end = rest.firstIndex(of: "%") ?? rest.endIndex
                    parts.append(.literal(String(rest[..<end])))
                    rest = rest[end...]
                }
            }
            segments.append(parts)
        }
        let tags = segments.flatMap { $0 }.compactMap { part -> Tag? in
            if case .tag(let tag) = part { return tag }
            return nil
        }
        guard tags.contains(.postname) || tags.contains(.postID) else { return nil }
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
        public var authorSlug: String?
    }

    /// The decoded path segments of a request matched against the structure, or nil.
    public func match(_ pathSegments: [String]) -> Match? {
        guard pathSegments.count == segments.count else { return nil }
        var match = Match()
        for (parts, value) in zip(segments, pathSegments) {
            guard Self.match(parts, in: Substring(value), into: &match) else { return nil }
        }
        return match
    }

    static func match(_ parts: [Part], in value: Substring, into match: inout Match) -> Bool {
        var rest = value
        for (index, part) in parts.enumerated() {
            switch part {
            case .literal(let text):
                guard rest.hasPrefix(text) else { return false }
                rest = rest.dropFirst(text.count)
            case .tag(let tag):
                let captured: Substring
                if let digits = tag.digits {
                    captured = rest.prefix(digits)
                    guard captured.count == digits, captured.allSatisfy(\.isASCII), captured.allSatisfy(\.isNumber) else { return false }
                } else if index + 1 < parts.count, case .literal(let next) = parts[index + 1] {
                    guard let range = rest.range(of: next) else { return false }
                    captured = rest[..<range.lowerBound]
                } else {
                    captured = rest
                }
                guard !captured.isEmpty, assign(tag, String(captured), to: &match) else { return false }
                rest = rest.dropFirst(captured.count)
            }
        }
        return rest.isEmpty
    }

    static func assign(_ tag: Tag, _ value: String, to match: inout Match) -> Bool {
        switch tag {
        case .year: match.year = Int(value)
        case .monthnum:
            guard let month = Int(value), (1...12).contains(month) else { return false }
            match.month = month
        case .day:
            guard let day = Int(value), (1...31).contains(day) else { return false }
            match.day = day
        case .hour, .minute, .second: break
        case .postname: match.slug = value
        case .postID:
            guard let id = Int64(value), id > 0 else { return false }
            match.id = id
        case .category: match.categorySlug = value
        case .author: match.authorSlug = value
        }
        return true
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
        let time = CivilTime(article.publishedAt ?? article.createdAt, timeZone: timeZone)
        func two(_ value: Int) -> String {
            value < 10 ? "0\(value)" : "\(value)"
        }
        var path = ""
        for segment in segments {
            var text = ""
            for part in segment {
                switch part {
                case .literal(let literal): text += literal
                case .tag(.year): text += String(time.day.year)
                case .tag(.monthnum): text += two(time.day.month)
                case .tag(.day): text += two(time.day.day)
                case .tag(.hour): text += two(time.hour)
                case .tag(.minute): text += two(time.minute)
                case .tag(.second): text += two(time.second)
                case .tag(.postname): text += article.slug
                case .tag(.postID): text += String(article.id)
                case .tag(.category): text += article.primaryCategory?.slug ?? "uncategorized"
                case .tag(.author): text += article.authors.first?.slug ?? "author"
                }
            }
            path += "/" + (encode ? Slug.percentEncoded(text) : text)
        }
        return pattern.hasSuffix("/") ? path + "/" : path
    }
}
