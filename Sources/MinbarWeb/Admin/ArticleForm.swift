import Foundation
import MinbarCore
import MinbarMarkup

/// The article editor's fields as typed: what the form shows, and what it shows again, unchanged,
/// beside the errors when a save is refused.
struct ArticleForm: Sendable {
    var id: Int64?
    var revision: Int?
    var status: ArticleStatus = .draft
    var title = ""
    var slug = ""
    var excerpt = ""
    var body = ""
    var format: ArticleBody.Format = .markdown
    var primaryCategoryID = ""
    var categoryIDs: [String] = []
    var tags = ""
    var authorIDs: [String] = []
    var sourceCredit = ""
    var breaking = false
    var breakingUntil = ""
    var publishedAt = ""
    var imageURL = ""
    var imageAlt = ""
    var imageCaption = ""
    /// The library photo chosen as featured image (its id), or "" for none or an outside image.
    var featuredMediaID = ""
    var commentsOpen = true

    static let dateFormat = "yyyy-MM-dd'T'HH:mm"

    static func formatter(_ timeZone: TimeZone) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = dateFormat
        return formatter
    }

    /// The form of a stored article.
    init(article: Article, timeZone: TimeZone) {
        let formatter = Self.formatter(timeZone)
        id = article.id
        revision = article.revision
        status = article.status
        title = article.title
        slug = article.slug
        excerpt = article.excerpt
        body = article.body.source
        format = article.body.format
        primaryCategoryID = article.primaryCategory.map { String($0.id) } ?? ""
        categoryIDs = article.categories.map { String($0.id) }
        tags = article.tags.map(\.name).joined(separator: "، ")
        authorIDs = article.authors.map { String($0.id) }
        sourceCredit = article.sourceCredit ?? ""
        breaking = article.breaking != nil
        breakingUntil = article.breaking?.until.map(formatter.string(from:)) ?? ""
        publishedAt = article.publishedAt.map(formatter.string(from:)) ?? ""
        featuredMediaID = article.featuredImage?.mediaID.map { String($0) } ?? ""
        imageURL = featuredMediaID.isEmpty ? article.featuredImage?.url ?? "" : ""
        // A library photo's own alt text and caption are not copied into the article's fields:
        // left empty, the article follows the library.
        let media = article.featuredImage?.media
        imageAlt = article.featuredImage.map { $0.alt == media?.altText ? "" : $0.alt } ?? ""
        imageCaption = article.featuredImage.map { $0.caption == media?.caption ? "" : $0.caption } ?? ""
        commentsOpen = article.commentsOpen
    }

    /// The authors field's value for "the signed-in user, whose author profile is made on save".
    static let ownProfile = "me"

    /// An empty form for a new article by `user`: the byline is theirs, through their author
    /// profile (made with their name on save when they have none yet).
    init(newBy user: User, commentsOpen: Bool = true) {
        self.commentsOpen = commentsOpen
        authorIDs = [user.authorID.map { String($0) } ?? Self.ownProfile]
    }

    /// Whether the editor chose a byline under their own name that has no profile yet.
    var wantsOwnProfile: Bool { authorIDs.contains(Self.ownProfile) }

    /// The form as submitted.
    init(form: FormData, id: Int64?) {
        self.id = id
        revision = Int(form["revision"])
        title = form["title"]
        slug = form["slug"]
        excerpt = form["excerpt"]
        body = form["body"]
        format = ArticleBody.Format(rawValue: form["format"]) ?? .markdown
        primaryCategoryID = form["primary_category"]
        categoryIDs = form.all("categories")
        tags = form["tags"]
        authorIDs = form.all("authors")
        sourceCredit = form["source_credit"]
        breaking = form["breaking"] == "1"
        breakingUntil = form["breaking_until"].trimmingCharacters(in: .whitespaces)
        publishedAt = form["published_at"].trimmingCharacters(in: .whitespaces)
        imageURL = form["image_url"].trimmingCharacters(in: .whitespaces)
        imageAlt = form["image_alt"]
        imageCaption = form["image_caption"]
        featuredMediaID = form["featured_media"].trimmingCharacters(in: .whitespaces)
        commentsOpen = form["comments_open"] == "1"
    }

    /// Names typed in the tags field, split at Latin and Arabic commas.
    var tagNames: [String] {
        tags.split(whereSeparator: { $0 == "," || $0 == "،" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The body as safe HTML.
    var renderedBody: ArticleBody {
        let html = format == .markdown ? Markdown.html(from: body) : HTMLSanitizer.sanitize(body)
        return ArticleBody(html: html, source: body, format: format)
    }

    /// The input to save (without tags, which are resolved by name afterwards), or every
    /// problem the form has that the store cannot see (dates and ids that do not read).
    func input(status: ArticleStatus, timeZone: TimeZone, editorID: Int64) -> (ArticleInput, [FieldError]) {
        var problems: [FieldError] = []
        let formatter = Self.formatter(timeZone)
        func date(_ text: String, field: String) -> Date? {
            guard !text.isEmpty else { return nil }
            if let date = formatter.date(from: text) { return date }
            formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
            defer { formatter.dateFormat = Self.dateFormat }
            if let date = formatter.date(from: text) { return date }
            problems.append(
                FieldError(
                    field: field,
                    message: LocalizedText(
                        ar: "التاريخ «\(text)» بصيغة غير صحيحة؛ اكتبه هكذا: 2026-11-29T14:30.",
                        en: "The date “\(text)” is not in the right format; write it like 2026-11-29T14:30.")))
            return nil
        }
        func number(_ text: String, field: String) -> Int64? {
            guard !text.isEmpty else { return nil }
            if let value = Int64(text) { return value }
            problems.append(
                FieldError(field: field, message: LocalizedText(ar: "القيمة «\(text)» ليست رقماً صحيحاً.", en: "“\(text)” is not a valid id.")))
            return nil
        }
        // Tags are created on save by name: each name is checked here, beside the tags field.
        for name in tagNames {
            do {
                _ = try TermValidation.nameAndSlug(name: name, slug: "")
            } catch {
                let short = name.count > 40 ? String(name.prefix(40)) + "…" : name
                let tooLong = name.count > TermValidation.maximumNameLength
                problems.append(
                    FieldError(
                        field: "tags",
                        message: tooLong
                            ? LocalizedText(
                                ar: "الوسم «\(short)» أطول من \(TermValidation.maximumNameLength) حرف؛ اختصره أو افصل بين الوسوم بفاصلة.",
                                en: "The tag “\(short)” is longer than \(TermValidation.maximumNameLength) characters; shorten it, or separate tags with commas.")
                            : LocalizedText(
                                ar: "الوسم «\(short)» بلا حروف أو أرقام؛ احذفه أو صحّحه.",
                                en: "The tag “\(short)” has no letters or digits; remove or correct it.")))
            }
        }
        let published = date(publishedAt, field: "published_at")
        let until = date(breakingUntil, field: "breaking_until")
        let primary = number(primaryCategoryID, field: "categories")
        let extra = categoryIDs.compactMap { number($0, field: "categories") }
        let authors = authorIDs.filter { $0 != Self.ownProfile }.compactMap { number($0, field: "authors") }
        let alt = imageAlt.trimmingCharacters(in: .whitespaces)
        let caption = imageCaption.trimmingCharacters(in: .whitespaces)
        let image: FeaturedImage?
        if let mediaID = number(featuredMediaID, field: "featured_image") {
            image = FeaturedImage(url: "", alt: alt, caption: caption, mediaID: mediaID)
        } else {
            image = imageURL.isEmpty && alt.isEmpty && caption.isEmpty ? nil : FeaturedImage(url: imageURL, alt: alt, caption: caption)
        }
        let input = ArticleInput(
            id: id, title: title, slug: slug, excerpt: excerpt, body: renderedBody, status: status, publishedAt: published,
            breaking: breaking ? BreakingNews(until: until) : nil, sourceCredit: sourceCredit,
            primaryCategoryID: primary ?? extra.first, extraCategoryIDs: extra, tagIDs: [], authorIDs: authors, featuredImage: image)
        var withChecks = input
        withChecks.commentsOpen = commentsOpen
        withChecks.expectedRevision = revision
        withChecks.editorID = editorID
        return (withChecks, problems)
    }
}
