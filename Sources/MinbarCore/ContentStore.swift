import Foundation

/// Where articles, sections, tags, authors and settings live.
///
/// MinbarWeb talks only to this protocol; MinbarSQLite implements it on SQLite and a PostgreSQL
/// implementation follows. Every write is one transaction: it happens completely or not at all.
public protocol ContentStore: Sendable {
    // MARK: Settings

    /// The site's settings, with defaults for anything never set.
    func siteSettings() async throws -> SiteSettings
    /// Replaces the site's settings after validating them.
    func saveSiteSettings(_ settings: SiteSettings) async throws

    // MARK: Articles

    /// The article with this id, in any status.
    func article(id: Int64) async throws -> Article?
    /// The article with this decoded slug, in any status.
    func article(slug: String) async throws -> Article?
    /// The article that used to have this slug (before a rename), in any status.
    func article(formerSlug slug: String) async throws -> Article?
    /// Publication and modification times of every article readers may see at `now`, newest
    /// first: what sitemaps are made of.
    func publicationStamps(now: Date) async throws -> [ArticleStamp]
    /// For each section, tag and author with public articles, the newest modification among them.
    func termsLastModified(now: Date) async throws -> TermsLastModified
    /// A page of articles, newest first.
    func articles(matching query: ArticleQuery) async throws -> ArticlePage
    /// Published articles that share a tag or a section with `article`, newest first, never the
    /// article itself.
    func relatedArticles(to article: Article, now: Date, limit: Int) async throws -> [Article]
    /// Creates or changes an article; throws `ValidationError` (nothing written) when the input
    /// is not acceptable.
    @discardableResult
    func saveArticle(_ input: ArticleInput) async throws -> Article
    /// Creates many articles at once (imports, generated sites), all or nothing; returns how many.
    @discardableResult
    func saveArticles(_ inputs: [ArticleInput]) async throws -> Int
    /// The next instant after `now` at which what readers see changes by itself: an article's
    /// publication time arrives or a breaking flag expires. Page caches keep pages until then.
    func nextContentChange(after now: Date) async throws -> Date?
    /// Counts of articles by status.
    func articleCounts() async throws -> [ArticleStatus: Int]

    /// The ready library items with these keys: the photos an article body shows, for their
    /// `srcset`.
    func mediaItems(keys: Set<String>) async throws -> [MediaItem]

    // MARK: Sections, tags, authors

    /// Every section, in menu order.
    func categories() async throws -> [Category]
    func category(slug: String) async throws -> Category?
    @discardableResult
    func saveCategory(_ input: CategoryInput) async throws -> Category

    func tag(slug: String) async throws -> Tag?
    /// Every tag, by name.
    func tags() async throws -> [Tag]
    @discardableResult
    func saveTag(_ input: TagInput) async throws -> Tag

    func author(slug: String) async throws -> Author?
    func authors() async throws -> [Author]
    @discardableResult
    func saveAuthor(_ input: AuthorInput) async throws -> Author

    // MARK: Health

    /// Throws unless the store can answer reads.
    func checkHealth() async throws
}

extension ContentStore {
    /// One article at a time, for stores without a faster way.
    @discardableResult
    public func saveArticles(_ inputs: [ArticleInput]) async throws -> Int {
        for input in inputs { try await saveArticle(input) }
        return inputs.count
    }
}

/// Which articles to list. Defaults list what readers may see: published ones whose time has come.
public struct ArticleQuery: Sendable, Hashable {
    public var statuses: Set<ArticleStatus> = [.published]
    /// Only articles published at or before this instant (readers' "now").
    public var publishedBefore: Date?
    /// Only articles published in this range (date archives), lower bound included.
    public var publishedRange: Range<Date>?
    /// Only articles in any of these sections (primary or extra).
    public var categoryIDs: [Int64]?
    public var tagID: Int64?
    public var authorID: Int64?
    /// Only articles whose breaking flag is active at this instant.
    public var breakingAt: Date?
    public var excludingIDs: [Int64] = []
    /// Only these articles.
    public var ids: [Int64]?
    /// Only articles whose title contains this text, compared after Arabic folding (admin list).
    public var titleContains: String?
    /// Only articles created by this admin user.
    public var ownerID: Int64?
    /// Newest change first instead of newest publication first (admin list).
    public var newestChangeFirst: Bool = false
    /// Newest breaking flag first (the ticker): a story flagged a minute ago leads.
    public var newestBreakingFirst: Bool = false
    public var offset: Int = 0
    public var limit: Int = 10
    /// Leave the body out (lists and cards never show it).
    public var withoutBody: Bool = true
    /// Count every match for `ArticlePage.total` (pagination needs it; a home page's blocks do
    /// not, and counting a section of a big site costs more than listing its newest articles).
    /// When false, `total` is the number of articles returned.
    public var countsTotal: Bool = true

    public init() {}

    /// What readers may see at `now`: published articles whose publication time has passed.
    public static func published(at now: Date) -> ArticleQuery {
        var query = ArticleQuery()
        query.publishedBefore = now
        return query
    }

    /// Page `page` (from 1) of `perPage` items.
    public func page(_ page: Int, perPage: Int) -> ArticleQuery {
        var query = self
        query.offset = (max(page, 1) - 1) * perPage
        query.limit = perPage
        return query
    }
}

/// When an article was published and last changed.
public struct ArticleStamp: Sendable, Hashable {
    public var id: Int64
    public var publishedAt: Date
    public var modifiedAt: Date

    public init(id: Int64, publishedAt: Date, modifiedAt: Date) {
        self.id = id
        self.publishedAt = publishedAt
        self.modifiedAt = modifiedAt
    }
}

/// The newest modification of the public articles under each section, tag and author (by id).
public struct TermsLastModified: Sendable, Hashable {
    public var categories: [Int64: Date]
    public var tags: [Int64: Date]
    public var authors: [Int64: Date]

    public init(categories: [Int64: Date] = [:], tags: [Int64: Date] = [:], authors: [Int64: Date] = [:]) {
        self.categories = categories
        self.tags = tags
        self.authors = authors
    }
}

/// One page of a listing and how many items the whole listing has.
public struct ArticlePage: Sendable, Hashable {
    public var articles: [Article]
    public var total: Int

    public init(articles: [Article], total: Int) {
        self.articles = articles
        self.total = total
    }
}

/// What can go wrong in a store beyond validation.
public enum ContentStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The thing to change does not exist (or no longer does).
    case notFound(String)
    /// Another thing already uses this slug.
    case slugTaken(String)
    /// A referenced section, tag or author does not exist.
    case missingReference(field: String, id: Int64)
    /// The article was saved by someone else since the editor opened it (now at `currentRevision`).
    case conflict(currentRevision: Int)
    /// Another account uses this email address.
    case emailTaken(String)
    /// Articles still use the item (a media item being deleted).
    case inUse(articles: Int)

    public var description: String {
        switch self {
        case .notFound(let what): return "not found: \(what)"
        case .slugTaken(let slug): return "slug already used: \(slug)"
        case .missingReference(let field, let id): return "\(field) refers to \(id), which does not exist"
        case .conflict(let revision): return "the article changed meanwhile (now revision \(revision))"
        case .emailTaken(let email): return "email already used: \(email)"
        case .inUse(let count): return "used by \(count) articles"
        }
    }

    /// The problem as a field error for forms and JSON.
    public var fieldError: FieldError {
        switch self {
        case .notFound(let what):
            return FieldError(field: "id", message: LocalizedText(ar: "غير موجود: \(what)", en: "Not found: \(what)"))
        case .slugTaken(let slug):
            return FieldError(
                field: "slug",
                message: LocalizedText(ar: "الرابط المختصر «\(slug)» مستخدم؛ اختر غيره.", en: "The slug “\(slug)” is taken; choose another."))
        case .missingReference(let field, let id):
            return FieldError(
                field: field, message: LocalizedText(ar: "العنصر رقم \(id) غير موجود.", en: "Item \(id) does not exist."))
        case .conflict:
            return FieldError(
                field: "revision",
                message: LocalizedText(
                    ar: "عدّل شخص آخر هذا المقال بعد أن فتحته. لم يُحفظ تعديلك بعد، ونصّك باقٍ في النموذج: قارنه بالنسخة الحالية ثم احفظ من جديد.",
                    en: "Someone else changed this article after you opened it. Your edit is not saved yet and is still in the form: compare it with the current version, then save again."))
        case .emailTaken(let email):
            return FieldError(
                field: "email", message: LocalizedText(ar: "البريد \(email) مستخدم لحساب آخر.", en: "\(email) is used by another account."))
        case .inUse(let count):
            return FieldError(
                field: "id",
                message: LocalizedText(
                    ar: "لا يمكن حذف الصورة: \(count == 1 ? "مقال يستعملها" : "\(count) مقالات تستعملها")؛ أزِلها منها أو ضع صورة أخرى مكانها أولاً.",
                    en: "The image cannot be deleted: \(count) article\(count == 1 ? " uses" : "s use") it. Remove it from them or put another image in its place first."))
        }
    }
}
