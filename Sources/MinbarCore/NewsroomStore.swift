import Foundation

/// What the newsroom admin needs beyond `ContentStore`: accounts, sessions, sign-in throttling,
/// revisions, autosaves, the publishing schedule and the management of sections, tags and authors.
public protocol NewsroomStore: ContentStore, CommentStore {
    // MARK: Accounts

    /// Creates an account; throws `ValidationError` or `ContentStoreError.emailTaken`.
    @discardableResult
    func createUser(email: String, name: String, role: Role, passwordHash: String, authorID: Int64?) async throws -> User
    func user(id: Int64) async throws -> User?
    /// The account with this (lowercased) email and its bcrypt hash.
    func credentials(email: String) async throws -> (user: User, passwordHash: String)?
    func users() async throws -> [User]
    func setRole(userID: Int64, role: Role) async throws
    /// Links an account to the author profile it writes under (nil: none).
    func setAuthor(userID: Int64, authorID: Int64?) async throws
    /// The author profile of an account, created with the account's name (and linked) when it
    /// has none: what a new article's byline defaults to.
    func authorProfile(forUser userID: Int64) async throws -> Author
    /// Replaces the password hash and signs the user out everywhere.
    func setPasswordHash(userID: Int64, hash: String) async throws

    // MARK: Sessions

    /// Stores a session under the SHA-256 of its cookie token (the token itself is never stored).
    func createSession(_ session: AdminSession) async throws
    /// The unexpired, unrevoked session with this token hash and its user.
    func session(tokenHash: String, now: Date) async throws -> (session: AdminSession, user: User)?
    func revokeSession(tokenHash: String) async throws
    /// Revokes every session of a user (sign out everywhere); returns how many.
    @discardableResult
    func revokeSessions(userID: Int64) async throws -> Int

    // MARK: Sign-in throttling

    /// Records a failed sign-in under each key (an account's email, an address).
    func recordFailedSignIn(keys: [String], at: Date) async throws
    /// Failed sign-ins under `key` since `since`, and the latest of them.
    func failedSignIns(key: String, since: Date) async throws -> (count: Int, latest: Date?)
    func clearFailedSignIns(key: String) async throws

    // MARK: Revisions and autosaves

    /// Every saved revision of an article, newest first (bodies left out).
    func revisions(articleID: Int64) async throws -> [ArticleRevision]
    func revision(articleID: Int64, number: Int) async throws -> ArticleRevision?
    /// Keeps what a user is typing; `articleID` nil for an article not saved yet.
    func saveAutosave(_ autosave: Autosave) async throws
    func autosave(articleID: Int64?, userID: Int64) async throws -> Autosave?
    func discardAutosave(articleID: Int64?, userID: Int64) async throws

    // MARK: Schedule

    /// Publishes every scheduled article whose time has come; returns their ids.
    func publishDueArticles(now: Date) async throws -> [Int64]
    /// The earliest publication time of a scheduled article.
    func nextScheduledPublication() async throws -> Date?
    /// Articles published per day (in `timeZone`) from `since` on, by day start.
    func publishedPerDay(since: Date, timeZone: TimeZone) async throws -> [Date: Int]

    // MARK: Sections, tags, authors

    func category(id: Int64) async throws -> Category?
    func tag(id: Int64) async throws -> Tag?
    func author(id: Int64) async throws -> Author?
    /// Finds tags by name, creating the missing ones (the editor's "type a new tag").
    func tags(named names: [String]) async throws -> [Tag]
    /// Moves the articles of `sources` to `target` and deletes the sources; their addresses
    /// redirect to the target.
    func mergeTags(_ sources: [Int64], into target: Int64) async throws
    /// Deletes a section; its articles move to `moveTo` (nil: they lose the section).
    func deleteCategory(id: Int64, moveTo: Int64?) async throws
    func deleteTag(id: Int64) async throws
    /// Deletes an author profile; its articles' bylines move to `moveTo`.
    func deleteAuthor(id: Int64, moveTo: Int64?) async throws
    /// The current slug of a section, tag or author that used to have `slug`.
    func formerTermSlug(_ kind: TermKind, slug: String) async throws -> String?
    /// How many articles of any status each term has.
    func termArticleCounts(_ kind: TermKind) async throws -> [Int64: Int]
}

/// The three kinds of named things articles are filed under.
public enum TermKind: String, Sendable, CaseIterable {
    case category, tag, author
}

/// A signed-in browser.
public struct AdminSession: Sendable, Hashable {
    /// SHA-256 (hex) of the cookie token.
    public var tokenHash: String
    public var userID: Int64
    /// The token every form and state-changing request of this session must carry.
    public var csrfToken: String
    public var createdAt: Date
    public var expiresAt: Date
    /// The address and browser the session started from, shown on the account page.
    public var address: String

    public init(tokenHash: String, userID: Int64, csrfToken: String, createdAt: Date, expiresAt: Date, address: String = "") {
        self.tokenHash = tokenHash
        self.userID = userID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.address = address
    }
}

/// The text of an article as one save left it.
public struct ArticleRevision: Sendable, Hashable {
    public var articleID: Int64
    /// 1 for the first save.
    public var number: Int
    public var title: String
    public var slug: String
    public var excerpt: String
    public var body: ArticleBody
    public var status: ArticleStatus
    public var savedAt: Date
    public var userID: Int64?
    /// The name of the user who saved, when known.
    public var userName: String?

    public init(
        articleID: Int64, number: Int, title: String, slug: String, excerpt: String, body: ArticleBody, status: ArticleStatus,
        savedAt: Date, userID: Int64?, userName: String? = nil
    ) {
        self.articleID = articleID
        self.number = number
        self.title = title
        self.slug = slug
        self.excerpt = excerpt
        self.body = body
        self.status = status
        self.savedAt = savedAt
        self.userID = userID
        self.userName = userName
    }
}

/// What the editor had typed at its last autosave.
public struct Autosave: Sendable, Hashable {
    public var articleID: Int64?
    public var userID: Int64
    public var title: String
    public var excerpt: String
    public var bodySource: String
    public var savedAt: Date

    public init(articleID: Int64?, userID: Int64, title: String, excerpt: String, bodySource: String, savedAt: Date) {
        self.articleID = articleID
        self.userID = userID
        self.title = title
        self.excerpt = excerpt
        self.bodySource = bodySource
        self.savedAt = savedAt
    }
}
