import Foundation

/// A news article with its sections, tags and authors resolved.
public struct Article: Sendable, Hashable, Identifiable {
    public var id: Int64
    /// Decoded slug (NFC, no harakat or tatweel), e.g. `تحالف-فرنسي-روسي`.
    public var slug: String
    public var title: String
    public var excerpt: String
    public var body: ArticleBody
    public var status: ArticleStatus
    /// When the article went (or goes) live; nil for drafts that never had a date.
    public var publishedAt: Date?
    public var modifiedAt: Date
    public var createdAt: Date
    /// Set while the article is flagged as breaking news.
    public var breaking: BreakingNews?
    /// Who supplied the news, e.g. وكالات or رويترز; nil when the site's own.
    public var sourceCredit: String?
    /// The section the article belongs to first; also in `categories`.
    public var primaryCategory: Category?
    /// Every section, primary first.
    public var categories: [Category]
    public var tags: [Tag]
    /// One or more authors, in byline order.
    public var authors: [Author]
    public var featuredImage: FeaturedImage?
    /// Counts saves from 1; a save naming an older revision is refused (two editors at once).
    public var revision: Int
    /// The admin user who created the article (nil for imported and demo articles).
    public var ownerID: Int64?
    /// Whether the article takes comments (before the site's closing age applies).
    public var commentsOpen: Bool = true
    /// Approved comments.
    public var commentCount: Int = 0

    public init(
        id: Int64, slug: String, title: String, excerpt: String = "", body: ArticleBody, status: ArticleStatus,
        publishedAt: Date?, modifiedAt: Date, createdAt: Date, breaking: BreakingNews? = nil, sourceCredit: String? = nil,
        primaryCategory: Category? = nil, categories: [Category] = [], tags: [Tag] = [], authors: [Author] = [],
        featuredImage: FeaturedImage? = nil, revision: Int = 1, ownerID: Int64? = nil
    ) {
        self.revision = revision
        self.ownerID = ownerID
        self.id = id
        self.slug = slug
        self.title = title
        self.excerpt = excerpt
        self.body = body
        self.status = status
        self.publishedAt = publishedAt
        self.modifiedAt = modifiedAt
        self.createdAt = createdAt
        self.breaking = breaking
        self.sourceCredit = sourceCredit
        self.primaryCategory = primaryCategory
        self.categories = categories
        self.tags = tags
        self.authors = authors
        self.featuredImage = featuredImage
    }

    /// Whether readers can see the article at `now`: published and its time has come.
    public func isPublic(at now: Date) -> Bool {
        guard status == .published, let publishedAt else { return false }
        return publishedAt <= now
    }

    /// Whether readers may comment at `now`: public, open, and not past the site's closing age.
    public func acceptsComments(at now: Date, closeAfterDays: Int) -> Bool {
        guard isPublic(at: now), commentsOpen else { return false }
        guard closeAfterDays > 0, let publishedAt else { return true }
        return now < publishedAt.addingTimeInterval(Double(closeAfterDays) * 86_400)
    }

    /// Whether the breaking-news badge shows at `now`.
    public func isBreaking(at now: Date) -> Bool {
        breaking?.isActive(at: now) ?? false
    }
}

/// The life of an article, as in WordPress: draft → pending review → scheduled → published → trashed.
public enum ArticleStatus: String, Sendable, Codable, CaseIterable {
    case draft
    /// Submitted for review by a contributor.
    case pending
    /// Goes live by itself at `publishedAt`.
    case scheduled
    case published
    /// In the bin; can be restored.
    case trashed
}

/// The article text: the HTML readers get and the source the editor wrote it in.
public struct ArticleBody: Sendable, Hashable {
    /// How the source is written.
    public enum Format: String, Sendable, Codable {
        case html
        case markdown
    }

    /// Sanitized HTML, ready for the page.
    public var html: String
    /// What the editor wrote, kept for later editing.
    public var source: String
    public var format: Format

    public init(html: String, source: String? = nil, format: Format = .html) {
        self.html = html
        self.source = source ?? html
        self.format = format
    }
}

/// The breaking-news flag, with an optional time after which it turns itself off.
public struct BreakingNews: Sendable, Hashable, Codable {
    public var until: Date?
    /// When the flag was set (the store keeps it while the flag stays on): the ticker shows the
    /// newest first. Nil in an input; the store fills it.
    public var since: Date?

    public init(until: Date? = nil, since: Date? = nil) {
        self.until = until
        self.since = since
    }

    /// Whether the flag still shows at `now`.
    public func isActive(at now: Date) -> Bool {
        guard let until else { return true }
        return now < until
    }
}

/// The image shown at the top of an article and on its cards.
public struct FeaturedImage: Sendable, Hashable {
    public var url: String
    /// Describes the image for people who cannot see it.
    public var alt: String
    public var caption: String
    /// The library item it comes from (nil for an external image given by its address).
    public var mediaID: Int64?
    /// That item, as read with the article: its copies make `srcset`, its credit shows.
    public var media: MediaItem?

    public init(url: String, alt: String = "", caption: String = "", mediaID: Int64? = nil, media: MediaItem? = nil) {
        self.url = url
        self.alt = alt
        self.caption = caption
        self.mediaID = mediaID ?? media?.id
        self.media = media
    }

    /// The library item's image: its full copy, with the item's alt text and caption unless the
    /// article gives its own.
    public init(media: MediaItem, alt: String = "", caption: String = "") {
        self.init(
            url: media.fullPath ?? "", alt: alt.isEmpty ? media.altText : alt, caption: caption.isEmpty ? media.caption : caption,
            mediaID: media.id, media: media)
    }

    /// Where the site's own media are served from.
    public static let mediaPathPrefix = "/media/"

    /// Whether an image address may be shown on the site: `https://` with a host (the pages'
    /// Content-Security-Policy blocks `http:` images, and `javascript:`, `data:` or `ftp:` are
    /// never an image to show), or a path under the site's own `/media/`.
    public static func isAcceptedURL(_ url: String) -> Bool {
        guard !url.isEmpty, !url.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0 == "\\" }) else {
            return false
        }
        if url.hasPrefix(mediaPathPrefix) {
            return !url.contains("/../") && !url.hasSuffix("/..") && !url.contains("//")
        }
        guard let components = URLComponents(string: url), components.scheme?.lowercased() == "https",
            let host = components.host, !host.isEmpty, components.user == nil, components.password == nil
        else { return false }
        return url.lowercased().hasPrefix("https://")
    }
}
