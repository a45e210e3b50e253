import Foundation

/// A reader's comment on an article, or a reply to another comment.
public struct Comment: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var articleID: Int64
    /// The comment this one answers; nil at the top of a thread.
    public var parentID: Int64?
    public var authorName: String
    /// Stored for moderation and the first-time rule; never shown on a page, feed or API answer.
    public var authorEmail: String
    public var authorURL: String?
    /// Plain text as typed (paragraphs separated by blank lines).
    public var body: String
    public var status: CommentStatus
    public var createdAt: Date
    /// The address and browser it came from, for moderators.
    public var address: String
    public var userAgent: String
    /// Set when written from the admin by a signed-in user.
    public var userID: Int64?

    public init(
        id: Int64, articleID: Int64, parentID: Int64?, authorName: String, authorEmail: String, authorURL: String?, body: String,
        status: CommentStatus, createdAt: Date, address: String = "", userAgent: String = "", userID: Int64? = nil
    ) {
        self.id = id
        self.articleID = articleID
        self.parentID = parentID
        self.authorName = authorName
        self.authorEmail = authorEmail
        self.authorURL = authorURL
        self.body = body
        self.status = status
        self.createdAt = createdAt
        self.address = address
        self.userAgent = userAgent
        self.userID = userID
    }
}

/// Where a comment is in moderation, as in WordPress.
public enum CommentStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case pending, approved, spam, trash
}

/// Which comments need approval before they show.
public enum CommentModeration: String, Sendable, Hashable, CaseIterable, Codable {
    /// Every comment waits.
    case all
    /// Only a commenter with no approved comment yet (WordPress's default).
    case firstTime = "first-time"
    /// None: comments show at once (spam defences still apply).
    case none
}

/// A comment as submitted by a reader or written in the admin.
public struct CommentInput: Sendable, Hashable {
    public var articleID: Int64
    public var parentID: Int64?
    public var authorName: String
    public var authorEmail: String
    public var authorURL: String
    public var body: String
    public var address: String
    public var userAgent: String
    public var userID: Int64?

    public init(
        articleID: Int64, parentID: Int64? = nil, authorName: String, authorEmail: String, authorURL: String = "", body: String,
        address: String = "", userAgent: String = "", userID: Int64? = nil
    ) {
        self.articleID = articleID
        self.parentID = parentID
        self.authorName = authorName
        self.authorEmail = authorEmail
        self.authorURL = authorURL
        self.body = body
        self.address = address
        self.userAgent = userAgent
        self.userID = userID
    }

    public static let maximumBodyLength = 10_000
    public static let maximumNameLength = 100

    /// The input trimmed, or every problem at once, each for its field, in the reader's words.
    public func validated() throws(ValidationError) -> CommentInput {
        var input = self
        var problems = ValidationErrorCollector()
        input.authorName = authorName.trimmingCharacters(in: .whitespacesAndNewlines)
        input.authorURL = authorURL.trimmingCharacters(in: .whitespacesAndNewlines)
        input.body = body.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        if input.body.isEmpty {
            problems.add("comment", ar: "اكتب تعليقك.", en: "Write your comment.")
        } else if input.body.count > Self.maximumBodyLength {
            problems.add(
                "comment", ar: "التعليق أطول من \(Self.maximumBodyLength) حرف (طوله \(input.body.count))؛ اختصره.",
                en: "The comment is longer than \(Self.maximumBodyLength) characters (it has \(input.body.count)); shorten it.")
        }
        if input.authorName.isEmpty {
            problems.add("author", ar: "الاسم مطلوب.", en: "Your name is required.")
        } else if input.authorName.count > Self.maximumNameLength {
            problems.add("author", ar: "الاسم أطول من 100 حرف.", en: "The name is longer than 100 characters.")
        }
        if authorEmail.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.add("email", ar: "البريد الإلكتروني مطلوب (لن يُنشر).", en: "Your email address is required (it is not published).")
        } else {
            do {
                input.authorEmail = try AccountValidation.email(authorEmail)
            } catch {
                problems.add("email", ar: "البريد الإلكتروني غير صالح، مثال صحيح: name@example.com", en: "The email address is not valid, e.g. name@example.com")
            }
        }
        if !input.authorURL.isEmpty {
            let lower = input.authorURL.lowercased()
            if !(lower.hasPrefix("http://") || lower.hasPrefix("https://")) { input.authorURL = "https://" + input.authorURL }
            if input.authorURL.count > 200 || URL(string: input.authorURL)?.host?.contains(".") != true {
                problems.add("url", ar: "عنوان الموقع غير صالح، مثال: https://example.com", en: "The website address is not valid, e.g. https://example.com")
            }
        }
        try problems.throwIfAny()
        return input
    }
}

/// Which comments the moderation queue lists.
public struct CommentQuery: Sendable, Hashable {
    public var statuses: Set<CommentStatus> = [.pending]
    public var articleID: Int64?
    /// Only comments on articles created by this user (an author moderates their own).
    public var articleOwnerID: Int64?
    public var offset = 0
    public var limit = 20

    public init() {}
}

/// A comment with the title of its article, for the moderation queue.
public struct ModeratedComment: Sendable, Hashable {
    public var comment: Comment
    public var articleTitle: String
    public var articleOwnerID: Int64?

    public init(comment: Comment, articleTitle: String, articleOwnerID: Int64?) {
        self.comment = comment
        self.articleTitle = articleTitle
        self.articleOwnerID = articleOwnerID
    }
}

/// Where comments live.
public protocol CommentStore: Sendable {
    /// Writes a comment durably (on disk before this returns); throws `ValidationError` when the
    /// parent is missing, on another article or too deep.
    @discardableResult
    func addComment(_ input: CommentInput, status: CommentStatus, maximumDepth: Int, now: Date) async throws -> Comment
    func comment(id: Int64) async throws -> Comment?
    /// An article's comments in these states plus the listed ones, oldest first.
    func comments(articleID: Int64, statuses: Set<CommentStatus>, including ids: [Int64]) async throws -> [Comment]
    /// Whether this email has an approved comment (the first-time rule).
    func hasApprovedComment(email: String) async throws -> Bool
    /// How many comments came from an address since a moment (the rate limit).
    func commentCount(address: String, since: Date) async throws -> Int
    /// Whether the same person already posted this text on this article.
    func isDuplicateComment(articleID: Int64, email: String, body: String) async throws -> Bool
    func moderationQueue(_ query: CommentQuery) async throws -> (comments: [ModeratedComment], total: Int)
    func commentCountsByStatus(articleOwnerID: Int64?) async throws -> [CommentStatus: Int]
    /// Moves comments to a state; returns the articles they belong to.
    @discardableResult
    func setCommentStatus(ids: [Int64], to status: CommentStatus) async throws -> Set<Int64>
    func updateCommentBody(id: Int64, body: String) async throws
    /// Approved comments, newest first, of one article or the whole site (feeds).
    func latestComments(articleID: Int64?, limit: Int) async throws -> [Comment]
    /// Opens or closes an article for comments.
    func setCommentsOpen(articleID: Int64, open: Bool) async throws
    /// A random secret of the site, made on first use (signing keys).
    func secret(named name: String) async throws -> String
}
