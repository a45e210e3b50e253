/// Everything a theme template can show: the parts every page has (site, menu, strings, head
/// links) and the part of the page's kind (`home`, `article`, `listing`, `search`, `error`).
///
/// Views are plain values built before rendering; templates never reach the store.
struct PageView: Sendable {
    var lang: String
    var dir: String
    var site: SiteView
    /// Interface strings of the site's language: `{{t.related}}`.
    var t: [String: String]
    var assets: AssetsView
    var documentTitle: String
    var description: String?
    /// Absolute canonical URL, percent-encoded.
    var canonicalURL: String
    /// What the `<head>` says to search engines, social sites and feed readers.
    var meta: HeadMeta
    var prevURL: String?
    var nextURL: String?
    /// Top-level sections for the header navigation.
    var nav: [NavItem]
    /// Sections with their sub-sections for the mobile menu.
    var menu: [MenuSection]
    var bodyClass: String
    var copyrightYear: String
    /// The site owner's own snippets (analytics, verification tags), written as given.
    var headCode: String?
    var footerCode: String?

    var home: HomeView?
    var article: ArticleView?
    var listing: ListingView?
    var search: SearchView?
    var error: ErrorView?
    /// The comment form on a page of its own (confirming, correcting, replying without JavaScript).
    var commentForm: CommentFormView?
}

/// Head metadata: Open Graph, Twitter card, feeds and JSON-LD. Rendered by the core's
/// `partials/head-meta` template unless the theme has its own.
struct HeadMeta: Sendable {
    var title: String
    var siteName: String
    /// `ar_AR` or `en_US`.
    var locale: String
    /// `website` or `article`.
    var ogType: String
    var imageURL: String?
    var imageWidth: Int?
    var imageHeight: Int?
    var imageAlt: String?
    var twitterCard: String
    /// Named apart from the page's `article` so Mustache never mixes the two.
    var articleMeta: ArticleMeta?
    var feeds: [FeedLink]
    /// A ready `@graph` document, escaped for `<script>`.
    var jsonLD: String
    /// `noindex, nofollow` on previews.
    var robots: String?
}

struct ArticleMeta: Sendable {
    var publishedTime: String
    var modifiedTime: String
    var section: String?
    var tags: [String]
}

struct FeedLink: Sendable {
    var title: String
    var type: String
    var url: String
}

struct SiteView: Sendable {
    var name: String
    var tagline: String
    var homeURL = "/"
}

struct AssetsView: Sendable {
    var css: String
    var js: String
    var icon: String
}

struct NavItem: Sendable {
    var name: String
    var url: String
    var current: Bool
}

struct MenuSection: Sendable {
    var name: String
    var url: String
    var current: Bool
    var children: [NavItem]
    var hasChildren: Bool { !children.isEmpty }
}

struct LinkView: Sendable {
    var name: String
    var url: String
}

/// A date as `<time datetime="{{iso}}">{{text}}</time>`, with the Hijri date when the site shows it.
struct DateView: Sendable {
    var iso: String
    var text: String
    var hijri: String?
    /// "منذ 3 ساعات" for recent dates, shown on home and lists.
    var relative: String?
}

struct ImageView: Sendable {
    var src: String
    var alt: String
    var caption: String?
    /// The photographer or agency, shown under the photo.
    var credit: String?
    var width: Int?
    var height: Int?
    /// Copies in the original's format (or JPEG), then in WebP, for `srcset`.
    var srcset: String?
    var webpSrcset: String?
    var sizes: String?
    /// Every image but the first one a reader sees loads when scrolled near.
    var lazy = true

    var hasFigcaption: Bool { caption != nil || credit != nil }
}

/// An article in a list, on the home page or under "related articles".
struct ArticleCard: Sendable {
    var title: String
    var url: String
    var summary: String
    var date: DateView
    /// Named apart from the article page's `section` and `image` so that a card without one
    /// never shows the page's through Mustache's context lookup.
    var sectionLink: LinkView?
    var breaking: Bool
    var thumbnail: ImageView?
    var byline: String
    /// On search results: escaped text around the matched words, which are in `<mark>`.
    var snippetHTML: String? = nil
    /// "٣ تعليقات", or nil without approved comments.
    var commentCount: String? = nil
}

struct BylineAuthor: Sendable {
    var name: String
    var url: String
    var isLast: Bool
}

struct AuthorBox: Sendable {
    var name: String
    var url: String
    var bio: String
    var avatarURL: String?
    var isOrganization: Bool
}

struct ArticleView: Sendable {
    var title: String
    var url: String
    var section: LinkView?
    var breaking: Bool
    var authors: [BylineAuthor]
    /// Whether the article has a byline (an article without an author shows none).
    var hasAuthors: Bool { !authors.isEmpty }
    var date: DateView
    var image: ImageView?
    var bodyHTML: String
    var sourceCredit: String?
    var tags: [LinkView]
    var hasTags: Bool
    var authorBoxes: [AuthorBox]
    var related: [ArticleCard]
    var hasRelated: Bool
    var comments: CommentsView? = nil
}

/// The comments under an article: threads of the current comment page and the form.
struct CommentsView: Sendable {
    var articleID: String
    /// "٣ تعليقات" / "لا توجد تعليقات بعد".
    var countText: String
    var hasComments: Bool
    var threads: [CommentView]
    var pagination: PaginationView?
    /// Whether the form shows; otherwise `closedText`.
    var open: Bool
    var closedText: String
    var tokenURL: String
    var feedURL: String
}

struct CommentView: Sendable {
    var id: String
    var authorName: String
    var authorURL: String?
    var dateText: String
    var dateISO: String
    /// Escaped text in paragraphs with nofollow links.
    var bodyHTML: String
    /// Shown only to the browser that posted it.
    var pending: Bool
    var children: [CommentView]
    var hasChildren: Bool
    var canReply: Bool
    /// The reply form on its own page, for browsers without JavaScript.
    var replyURL: String
}

/// The comment form as a page: after a refused or unconfirmed submission, or to reply without
/// JavaScript. Everything typed comes back.
struct CommentFormView: Sendable {
    var articleID: String
    var articleTitle: String
    var articleURL: String
    var parentID: String
    var replyingTo: String?
    var message: String?
    var errors: [String: String]
    var author: String
    var email: String
    var url: String
    var comment: String
    var token: String
}

struct PageLink: Sendable {
    var label: String
    var url: String
    var current: Bool
}

struct PaginationView: Sendable {
    var pages: [PageLink]
    var prevURL: String?
    var nextURL: String?
    /// "الصفحة 2 من 5"
    var status: String
}

struct ListingView: Sendable {
    /// category, tag, author, date or home
    var kind: String
    var title: String
    /// Text under the heading: a section's description, an author's bio.
    var intro: String?
    var kicker: String?
    var articles: [ArticleCard]
    var isEmpty: Bool
    var pagination: PaginationView?
}

struct HomeView: Sendable {
    var breaking: [ArticleCard]
    var hasBreaking: Bool
    var lead: ArticleCard?
    /// The stories under the lead, shown as cards.
    var top: [ArticleCard]
    var latest: [ArticleCard]
    var sections: [HomeSection]
    var olderURL: String?
}

struct HomeSection: Sendable {
    var name: String
    var url: String
    var articles: [ArticleCard]
}

struct SearchView: Sendable {
    var query: String
    var message: String?
    /// "12 نتيجة"
    var countText: String?
    var articles: [ArticleCard]
    var pagination: PaginationView?
    /// A spelling the site knows, as a link to its results.
    var suggestion: LinkView?
    var categories: [CategoryOption]
}

struct CategoryOption: Sendable {
    var slug: String
    var name: String
    var selected: Bool
}

struct ErrorView: Sendable {
    var status: Int
    var title: String
    var message: String
}
