import Foundation
import MinbarArabic

/// The settings a site owner chooses: identity, language, dates and digits, listing sizes.
///
/// Stored as key/value rows so a new setting needs no migration; a key missing from the store
/// takes the default below.
public struct SiteSettings: Sendable, Hashable, Codable {
    /// The site's name, shown in the header, titles and feeds.
    public var name: String = "منبر"
    public var tagline: String = "منصة نشر إخبارية عربية"
    /// BCP 47 language of the content and interface: "ar" or "en".
    public var language: String = "ar"
    /// "rtl" or "ltr"; follows the language unless set.
    public var direction: String = "rtl"
    /// IANA time zone the newsroom works in, e.g. "Asia/Riyadh".
    public var timeZone: String = "UTC"
    public var monthStyle: MonthNameStyle = .both
    public var digits: DigitStyle = .latin
    /// Whether the Umm al-Qura Hijri date is shown beside the Gregorian one.
    public var showsHijri: Bool = false
    public var articlesPerPage: Int = 10
    /// WordPress-style permalink structure for articles.
    public var permalinkStructure: String = PermalinkStructure.default.pattern
    /// Structures the site used before: addresses in them answer 301 to the current address.
    public var previousPermalinkStructures: [String] = []
    /// The site's public address, e.g. `https://news.example` (no trailing slash), used in
    /// canonical links, feeds and sitemaps. Empty: the address the server was started with.
    public var url: String = ""
    /// Feeds carry the whole article (true) or its excerpt.
    public var feedFullText: Bool = true
    /// How many articles a feed holds.
    public var feedItems: Int = 20
    /// Whether new articles open for comments.
    public var commentsOpenByDefault: Bool = true
    /// The site owner's own HTML for `<head>` and the end of `<body>` (analytics, verification
    /// tags). Written as given: only administrators may change it. Minbar ships no tracker.
    public var headCode: String = ""
    public var footerCode: String = ""
    /// Which comments wait for approval.
    public var commentModeration: CommentModeration = .firstTime
    /// How deep replies nest (1: no replies).
    public var commentThreadDepth: Int = 3
    /// Top-level comments per page under an article.
    public var commentsPerPage: Int = 50
    /// Comments close this many days after publication; 0 keeps them open.
    public var commentsCloseAfterDays: Int = 0
    /// The least time, in seconds, between receiving the comment form and sending it.
    public var commentMinimumSeconds: Int = 5
    /// Comments with more links than this are refused.
    public var commentMaximumLinks: Int = 2
    /// Comments one address may post in 10 minutes.
    public var commentRateLimit: Int = 5
    /// Words, phrases, email addresses or IP addresses, one per line: a comment holding one
    /// goes to spam. Words match after Arabic folding (harakat and tatweel do not hide them).
    public var commentBlocklist: String = ""
    /// The largest photo upload, in megabytes (refused before it is all read).
    public var mediaMaximumMegabytes: Int = 20
    /// The most pixels a photo may have, in megapixels (checked from its header, before decoding).
    public var mediaMaximumMegapixels: Int = 50
    /// Whether the untouched upload (with its camera metadata) is kept, privately, beside the
    /// copies. Off by default; never served either way.
    public var mediaKeepsOriginals: Bool = false

    public init() {}

    /// Reads settings, taking the default for every key that is missing, so a settings file or
    /// store written by an older Minbar still loads.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = SiteSettings()
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? defaults.name
        tagline = try container.decodeIfPresent(String.self, forKey: .tagline) ?? defaults.tagline
        language = try container.decodeIfPresent(String.self, forKey: .language) ?? defaults.language
        direction = try container.decodeIfPresent(String.self, forKey: .direction) ?? defaults.direction
        timeZone = try container.decodeIfPresent(String.self, forKey: .timeZone) ?? defaults.timeZone
        monthStyle = try container.decodeIfPresent(MonthNameStyle.self, forKey: .monthStyle) ?? defaults.monthStyle
        digits = try container.decodeIfPresent(DigitStyle.self, forKey: .digits) ?? defaults.digits
        showsHijri = try container.decodeIfPresent(Bool.self, forKey: .showsHijri) ?? defaults.showsHijri
        articlesPerPage = try container.decodeIfPresent(Int.self, forKey: .articlesPerPage) ?? defaults.articlesPerPage
        permalinkStructure = try container.decodeIfPresent(String.self, forKey: .permalinkStructure) ?? defaults.permalinkStructure
        previousPermalinkStructures =
            try container.decodeIfPresent([String].self, forKey: .previousPermalinkStructures) ?? defaults.previousPermalinkStructures
        url = try container.decodeIfPresent(String.self, forKey: .url) ?? defaults.url
        feedFullText = try container.decodeIfPresent(Bool.self, forKey: .feedFullText) ?? defaults.feedFullText
        feedItems = try container.decodeIfPresent(Int.self, forKey: .feedItems) ?? defaults.feedItems
        commentsOpenByDefault = try container.decodeIfPresent(Bool.self, forKey: .commentsOpenByDefault) ?? defaults.commentsOpenByDefault
        headCode = try container.decodeIfPresent(String.self, forKey: .headCode) ?? defaults.headCode
        footerCode = try container.decodeIfPresent(String.self, forKey: .footerCode) ?? defaults.footerCode
        commentModeration = try container.decodeIfPresent(CommentModeration.self, forKey: .commentModeration) ?? defaults.commentModeration
        commentThreadDepth = try container.decodeIfPresent(Int.self, forKey: .commentThreadDepth) ?? defaults.commentThreadDepth
        commentsPerPage = try container.decodeIfPresent(Int.self, forKey: .commentsPerPage) ?? defaults.commentsPerPage
        commentsCloseAfterDays = try container.decodeIfPresent(Int.self, forKey: .commentsCloseAfterDays) ?? defaults.commentsCloseAfterDays
        commentMinimumSeconds = try container.decodeIfPresent(Int.self, forKey: .commentMinimumSeconds) ?? defaults.commentMinimumSeconds
        commentMaximumLinks = try container.decodeIfPresent(Int.self, forKey: .commentMaximumLinks) ?? defaults.commentMaximumLinks
        commentRateLimit = try container.decodeIfPresent(Int.self, forKey: .commentRateLimit) ?? defaults.commentRateLimit
        commentBlocklist = try container.decodeIfPresent(String.self, forKey: .commentBlocklist) ?? defaults.commentBlocklist
        mediaMaximumMegabytes = try container.decodeIfPresent(Int.self, forKey: .mediaMaximumMegabytes) ?? defaults.mediaMaximumMegabytes
        mediaMaximumMegapixels = try container.decodeIfPresent(Int.self, forKey: .mediaMaximumMegapixels) ?? defaults.mediaMaximumMegapixels
        mediaKeepsOriginals = try container.decodeIfPresent(Bool.self, forKey: .mediaKeepsOriginals) ?? defaults.mediaKeepsOriginals
    }

    /// The zone articles' dates are shown and archived in; UTC when the setting is unknown.
    public var resolvedTimeZone: TimeZone {
        TimeZone(identifier: timeZone) ?? .gmt
    }

    /// The permalink structure; the default when the stored one does not parse.
    public var permalink: PermalinkStructure {
        PermalinkStructure(permalinkStructure) ?? .default
    }

    /// Former structures that still parse, newest first.
    public var previousPermalinks: [PermalinkStructure] {
        previousPermalinkStructures.compactMap(PermalinkStructure.init)
    }

    /// Changes the permalink structure, keeping the old one so its addresses keep working.
    public mutating func changePermalinkStructure(to pattern: String) {
        guard pattern != permalinkStructure else { return }
        previousPermalinkStructures.removeAll { $0 == pattern }
        previousPermalinkStructures.insert(permalinkStructure, at: 0)
        permalinkStructure = pattern
    }

    /// A date formatter following the site's style, digits and zone.
    public var dateFormatter: ArabicDateFormatter {
        ArabicDateFormatter(monthStyle: monthStyle, digits: digits, timeZone: resolvedTimeZone, language: language)
    }

    /// Checks every setting and reports each problem beside its field.
    public func validate() throws(ValidationError) {
        var problems = ValidationErrorCollector()
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.add("name", ar: "اسم الموقع مطلوب.", en: "The site name is required.")
        }
        if !["ar", "en"].contains(language) {
            problems.add("language", ar: "اللغة إما ar أو en.", en: "The language is either ar or en.")
        }
        if !["rtl", "ltr"].contains(direction) {
            problems.add("direction", ar: "الاتجاه إما rtl أو ltr.", en: "The direction is either rtl or ltr.")
        }
        if TimeZone(identifier: timeZone) == nil {
            problems.add(
                "time_zone", ar: "منطقة زمنية غير معروفة؛ استخدم اسماً مثل Asia/Riyadh.",
                en: "Unknown time zone; use a name such as Asia/Riyadh.")
        }
        if !(1...100).contains(articlesPerPage) {
            problems.add("articles_per_page", ar: "عدد المقالات في الصفحة بين 1 و100.", en: "Articles per page must be 1 to 100.")
        }
        if !url.isEmpty, !(url.hasPrefix("http://") || url.hasPrefix("https://")) || url.hasSuffix("/") || URL(string: url)?.host == nil {
            problems.add(
                "url", ar: "عنوان الموقع يبدأ بـ https:// ولا ينتهي بشرطة مائلة، مثل https://news.example.",
                en: "The site address starts with https:// and has no trailing slash, e.g. https://news.example.")
        }
        if !(1...200).contains(feedItems) {
            problems.add("feed_items", ar: "عدد مقالات الخلاصة بين 1 و200.", en: "Feed items must be 1 to 200.")
        }
        if headCode.utf8.count > 20_000 || footerCode.utf8.count > 20_000 {
            problems.add("head_code", ar: "الشيفرة المضافة أطول من 20000 بايت.", en: "Injected code is longer than 20,000 bytes.")
        }
        if !(1...10).contains(commentThreadDepth) {
            problems.add("comment_thread_depth", ar: "عمق الردود بين 1 و10.", en: "Reply depth must be 1 to 10.")
        }
        if !(5...500).contains(commentsPerPage) {
            problems.add("comments_per_page", ar: "عدد التعليقات في الصفحة بين 5 و500.", en: "Comments per page must be 5 to 500.")
        }
        if !(0...3650).contains(commentsCloseAfterDays) {
            problems.add("comments_close_after_days", ar: "أيام إغلاق التعليقات بين 0 و3650.", en: "Days before comments close must be 0 to 3650.")
        }
        if !(0...600).contains(commentMinimumSeconds) || !(0...50).contains(commentMaximumLinks) || !(1...1000).contains(commentRateLimit) {
            problems.add("comment_limits", ar: "قيم حماية التعليقات خارج الحدود المقبولة.", en: "Comment protection values are out of range.")
        }
        if !(1...200).contains(mediaMaximumMegabytes) || !(1...200).contains(mediaMaximumMegapixels) {
            problems.add(
                "media_limits", ar: "حد حجم الصورة بين 1 و200 ميغابايت، وحد البكسلات بين 1 و200 ميغابكسل.",
                en: "The photo size limit is 1 to 200 MB and the pixel limit 1 to 200 megapixels.")
        }
        if PermalinkStructure(permalinkStructure) == nil {
            problems.add(
                "permalink_structure", ar: "بنية الروابط يجب أن تحوي %postname% أو %post_id%.",
                en: "The permalink structure must contain %postname% or %post_id%.")
        }
        try problems.throwIfAny()
    }
}
