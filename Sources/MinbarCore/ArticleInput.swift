import Foundation
import MinbarArabic

/// What an editor, an importer or the demo submits to create or change an article.
///
/// Relations are given by id; `validate(now:)` reports every problem at once, field by field.
public struct ArticleInput: Sendable, Hashable {
    /// The article to change, or nil to create one.
    public var id: Int64?
    public var title: String
    /// Empty: made from the title.
    public var slug: String
    public var excerpt: String
    public var body: ArticleBody
    public var status: ArticleStatus
    public var publishedAt: Date?
    public var breaking: BreakingNews?
    public var sourceCredit: String?
    public var primaryCategoryID: Int64?
    /// Further sections beside the primary one.
    public var extraCategoryIDs: [Int64]
    public var tagIDs: [Int64]
    public var authorIDs: [Int64]
    public var featuredImage: FeaturedImage?
    /// The revision the editor started from; the save is refused with `ContentStoreError.conflict`
    /// when the article has been saved since. Nil: no check (imports, the demo).
    public var expectedRevision: Int?
    /// The admin user saving: owner of a new article, author of the revision.
    public var editorID: Int64?
    /// Whether readers may comment.
    public var commentsOpen: Bool = true

    public init(
        id: Int64? = nil, title: String, slug: String = "", excerpt: String = "", body: ArticleBody,
        status: ArticleStatus = .draft, publishedAt: Date? = nil, breaking: BreakingNews? = nil, sourceCredit: String? = nil,
        primaryCategoryID: Int64? = nil, extraCategoryIDs: [Int64] = [], tagIDs: [Int64] = [], authorIDs: [Int64] = [],
        featuredImage: FeaturedImage? = nil, commentsOpen: Bool = true
    ) {
        self.commentsOpen = commentsOpen
        self.id = id
        self.title = title
        self.slug = slug
        self.excerpt = excerpt
        self.body = body
        self.status = status
        self.publishedAt = publishedAt
        self.breaking = breaking
        self.sourceCredit = sourceCredit
        self.primaryCategoryID = primaryCategoryID
        self.extraCategoryIDs = extraCategoryIDs
        self.tagIDs = tagIDs
        self.authorIDs = authorIDs
        self.featuredImage = featuredImage
    }

    /// The longest title accepted, in characters.
    public static let maximumTitleLength = 300
    /// The largest body accepted, in bytes of its source (about 100,000 Arabic words).
    public static let maximumBodyBytes = 1_000_000

    /// The input with its slug made or normalized and its text trimmed, or the list of problems.
    public func validated(now: Date) throws(ValidationError) -> ArticleInput {
        var input = self
        var problems = ValidationErrorCollector()
        input.title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        input.excerpt = excerpt.withUnixLineEnds.trimmingCharacters(in: .whitespacesAndNewlines)
        // One kind of line end in what is stored, whoever wrote it (a browser sends CRLF).
        input.body.source = body.source.withUnixLineEnds
        input.sourceCredit = sourceCredit?.trimmingCharacters(in: .whitespacesAndNewlines)
        if input.sourceCredit?.isEmpty == true { input.sourceCredit = nil }

        if input.title.isEmpty {
            problems.add("title", ar: "العنوان مطلوب.", en: "A title is required.")
        } else if input.title.count > Self.maximumTitleLength {
            problems.add(
                "title", ar: "العنوان أطول من \(Self.maximumTitleLength) حرف؛ اختصره.",
                en: "The title is longer than \(Self.maximumTitleLength) characters; shorten it.")
        }

        if body.source.utf8.count > Self.maximumBodyBytes || body.html.utf8.count > 2 * Self.maximumBodyBytes {
            problems.add(
                "body", ar: "نص المقال أطول من الحد المسموح (مليون بايت)؛ قسّمه إلى أكثر من مقال.",
                en: "The body is over the size limit (1,000,000 bytes); split it into several articles.")
        }
        if excerpt.count > 2_000 {
            problems.add("excerpt", ar: "المقتطف أطول من 2000 حرف.", en: "The excerpt is longer than 2,000 characters.")
        }

        let rawSlug = slug.trimmingCharacters(in: .whitespacesAndNewlines)
        input.slug = rawSlug.isEmpty ? Slug.make(from: input.title) : (Slug.normalize(rawSlug) ?? "")
        // A slug made from a title that is itself wrong is not reported: the title's message says what to fix.
        if !input.title.isEmpty, rawSlug.isEmpty ? !problems.has("title") : true,
            let problem = SlugValidation.problem(input.slug, typed: !rawSlug.isEmpty, source: "العنوان", sourceEnglish: "title")
        {
            problems.add("slug", ar: problem.ar, en: problem.en)
        }

        switch status {
        case .published where publishedAt == nil:
            input.publishedAt = now
        case .scheduled:
            if let publishedAt, publishedAt <= now {
                problems.add(
                    "published_at", ar: "موعد النشر المجدول يجب أن يكون في المستقبل.",
                    en: "A scheduled time must be in the future.")
            } else if publishedAt == nil {
                problems.add("published_at", ar: "حدد موعد النشر.", en: "Choose when the article goes live.")
            }
        default:
            break
        }
        if let until = breaking?.until, until <= (input.publishedAt ?? now) {
            problems.add(
                "breaking_until", ar: "نهاية الخبر العاجل يجب أن تكون بعد موعد النشر.",
                en: "The end of the breaking flag must come after the publication time.")
        }
        if let image = featuredImage, image.mediaID == nil {
            let url = image.url.trimmingCharacters(in: .whitespaces)
            input.featuredImage?.url = url
            if url.isEmpty {
                problems.add("featured_image_url", ar: "أدخل رابط الصورة أو احذفها.", en: "Enter the image URL or remove the image.")
            } else if !FeaturedImage.isAcceptedURL(url) {
                problems.add(
                    "featured_image_url",
                    ar: "رابط الصورة يجب أن يبدأ بـ https:// (أو أن يكون من وسائط الموقع: /media/…)؛ الروابط بـ http: وjavascript: وftp: والمسارات النسبية لا تُقبل.",
                    en: "The image address must start with https:// (or be one of the site's own media, /media/…); http:, javascript:, ftp: and relative paths are not accepted.")
            }
        }
        try problems.throwIfAny()
        return input
    }
}

/// A new or changed section.
public struct CategoryInput: Sendable, Hashable {
    public var id: Int64?
    public var name: String
    public var slug: String
    public var description: String
    public var parentID: Int64?
    public var position: Int

    public init(id: Int64? = nil, name: String, slug: String = "", description: String = "", parentID: Int64? = nil, position: Int = 0) {
        self.id = id
        self.name = name
        self.slug = slug
        self.description = description
        self.parentID = parentID
        self.position = position
    }
}

/// A new or changed tag.
public struct TagInput: Sendable, Hashable {
    public var id: Int64?
    public var name: String
    public var slug: String
    public var description: String

    public init(id: Int64? = nil, name: String, slug: String = "", description: String = "") {
        self.id = id
        self.name = name
        self.slug = slug
        self.description = description
    }
}

/// A new or changed author profile.
public struct AuthorInput: Sendable, Hashable {
    public var id: Int64?
    public var name: String
    public var slug: String
    public var kind: Author.Kind
    public var bio: String
    public var avatarURL: String?

    public init(id: Int64? = nil, name: String, slug: String = "", kind: Author.Kind = .person, bio: String = "", avatarURL: String? = nil) {
        self.id = id
        self.name = name
        self.slug = slug
        self.kind = kind
        self.bio = bio
        self.avatarURL = avatarURL
    }
}

/// What is wrong with a slug, said so that the editor knows what to change.
public enum SlugValidation {
    /// Nil for a good slug; `typed` says whether the editor wrote it or it was made from the
    /// title or name (`source`, in Arabic and English).
    public static func problem(_ slug: String, typed: Bool, source: String, sourceEnglish: String) -> (ar: String, en: String)? {
        if Slug.isValid(slug) { return nil }
        if !typed {
            return (
                "لا يمكن صنع رابط مختصر من \(source) لأنه بلا حروف أو أرقام؛ اكتب الرابط المختصر بنفسك.",
                "No slug can be made from the \(sourceEnglish), which has no letters or digits; type a slug."
            )
        }
        if slug.count > Slug.maximumTypedLength {
            return (
                "الرابط المختصر أطول من \(Slug.maximumTypedLength) حرف (فيه \(slug.count))؛ اختصره.",
                "The slug is longer than \(Slug.maximumTypedLength) characters (it has \(slug.count)); shorten it."
            )
        }
        return (
            "الرابط المختصر يقبل الحروف والأرقام والشرطة (-) بين الكلمات فقط.",
            "The slug may hold only letters, digits and single hyphens between words."
        )
    }
}

/// Checks shared by the named things (sections, tags, authors): a name and a usable slug.
public enum TermValidation {
    /// The longest name of a section, tag or author, in characters.
    public static let maximumNameLength = 200

    /// The trimmed name and the normalized slug (made from the name when empty), or the problems.
    public static func nameAndSlug(name: String, slug: String) throws(ValidationError) -> (name: String, slug: String) {
        var problems = ValidationErrorCollector()
        let trimmedName = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let rawSlug = slug.trimmingCharacters(in: .whitespacesAndNewlines)
        let finalSlug = rawSlug.isEmpty ? Slug.make(from: trimmedName) : (Slug.normalize(rawSlug) ?? "")
        if trimmedName.isEmpty {
            problems.add("name", ar: "الاسم مطلوب.", en: "A name is required.")
        } else if trimmedName.count > maximumNameLength {
            problems.add("name", ar: "الاسم أطول من \(maximumNameLength) حرف؛ اختصره.", en: "The name is longer than \(maximumNameLength) characters; shorten it.")
        } else if let problem = SlugValidation.problem(finalSlug, typed: !rawSlug.isEmpty, source: "الاسم", sourceEnglish: "name") {
            problems.add("slug", ar: problem.ar, en: problem.en)
        }
        try problems.throwIfAny()
        return (trimmedName, finalSlug)
    }
}
