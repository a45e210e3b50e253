import Foundation

/// A person who signs in to the newsroom admin.
public struct User: Sendable, Hashable, Identifiable {
    public var id: Int64
    /// Lowercased; unique.
    public var email: String
    public var name: String
    public var role: Role
    /// The byline profile the user writes under, if any; articles they create carry it.
    public var authorID: Int64?
    public var createdAt: Date

    public init(id: Int64, email: String, name: String, role: Role, authorID: Int64? = nil, createdAt: Date) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role
        self.authorID = authorID
        self.createdAt = createdAt
    }
}

/// What a user may do, with WordPress's meanings.
public enum Role: String, Sendable, Hashable, CaseIterable, Codable {
    /// Everything, including users and settings.
    case administrator
    /// All articles, sections, tags, authors and comments.
    case editor
    /// Writes and publishes their own articles.
    case author
    /// Writes their own drafts and submits them for review; cannot publish.
    case contributor

    public var label: LocalizedText {
        switch self {
        case .administrator: return LocalizedText(ar: "مدير", en: "Administrator")
        case .editor: return LocalizedText(ar: "محرر", en: "Editor")
        case .author: return LocalizedText(ar: "كاتب", en: "Author")
        case .contributor: return LocalizedText(ar: "مساهم", en: "Contributor")
        }
    }
}

/// The actions the admin checks, one place for every "may this user…" question.
public struct Permissions: Sendable {
    public let user: User

    public init(_ user: User) {
        self.user = user
    }

    var role: Role { user.role }
    var isEditorOrAbove: Bool { role == .administrator || role == .editor }

    public var canManageUsers: Bool { role == .administrator }
    public var canManageSettings: Bool { role == .administrator }
    /// Sections, tags and author profiles.
    public var canManageTerms: Bool { isEditorOrAbove }
    public var canModerateComments: Bool { isEditorOrAbove }
    /// Whether the user may flag breaking news (on articles they may publish).
    public var canFlagBreaking: Bool { isEditorOrAbove }
    /// Whether the user may put articles live at all.
    public var canPublishAny: Bool { role != .contributor }

    /// Whether the article is the user's own: they created it.
    public func owns(_ ownerID: Int64?) -> Bool { ownerID == user.id }

    /// Whether the user may open and change the article (owned by `ownerID`, now in `status`).
    public func canEdit(ownerID: Int64?, status: ArticleStatus) -> Bool {
        switch role {
        case .administrator, .editor: return true
        case .author: return owns(ownerID)
        // A contributor's article leaves their hands once it is published or scheduled.
        case .contributor: return owns(ownerID) && [.draft, .pending, .trashed].contains(status)
        }
    }

    /// Whether the user may move an article they can edit into `status`.
    public func canSet(_ status: ArticleStatus) -> Bool {
        switch status {
        case .draft, .pending, .trashed: return true
        case .scheduled, .published: return canPublishAny
        }
    }

    /// Whether the user may moderate comments on an article created by `articleOwnerID`:
    /// editors and administrators on every article, authors on their own.
    public func canModerate(articleOwnerID: Int64?) -> Bool {
        isEditorOrAbove || (role == .author && owns(articleOwnerID))
    }

    /// Whether the user may open the comment queue at all.
    public var canOpenCommentQueue: Bool { role != .contributor }

    /// Whether the user may change or delete a media item uploaded by `ownerID`: editors and
    /// administrators every item, others their own. Every role uploads, and every role sees the
    /// library and picks from it (as WordPress's authors do).
    public func canManageMedia(ownerID: Int64?) -> Bool {
        isEditorOrAbove || owns(ownerID)
    }

    /// Whether the user may see the article in the admin list.
    public func canList(ownerID: Int64?) -> Bool {
        isEditorOrAbove || owns(ownerID)
    }
}

/// Checks on accounts: a usable email, a name, a password long enough.
public enum AccountValidation {
    public static let minimumPasswordLength = 10
    /// bcrypt reads at most 72 bytes.
    public static let maximumPasswordBytes = 72

    public static func email(_ raw: String) throws(ValidationError) -> String {
        let email = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            !email.contains(where: { $0.isWhitespace }), email.count <= 254
        else {
            throw ValidationError([
                FieldError(
                    field: "email",
                    message: LocalizedText(ar: "البريد الإلكتروني غير صالح، مثال صحيح: name@example.com", en: "The email address is not valid, e.g. name@example.com"))
            ])
        }
        return email
    }

    public static func password(_ password: String) throws(ValidationError) {
        if password.count < minimumPasswordLength {
            throw ValidationError([
                FieldError(
                    field: "password",
                    message: LocalizedText(
                        ar: "كلمة المرور قصيرة: \(minimumPasswordLength) أحرف على الأقل.",
                        en: "The password is too short: at least \(minimumPasswordLength) characters."))
            ])
        }
        if password.utf8.count > maximumPasswordBytes {
            throw ValidationError([
                FieldError(
                    field: "password",
                    message: LocalizedText(ar: "كلمة المرور أطول من 72 بايت.", en: "The password is longer than 72 bytes."))
            ])
        }
    }

    public static func name(_ raw: String) throws(ValidationError) -> String {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 200 else {
            throw ValidationError([FieldError(field: "name", message: LocalizedText(ar: "الاسم مطلوب.", en: "A name is required."))])
        }
        return name
    }
}
