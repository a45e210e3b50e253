import Foundation

/// The exporting site: `<channel>`'s own fields.
public struct WXRSite: Sendable, Hashable {
    public var title = ""
    public var link = ""
    public var description = ""
    public var language = ""
    public var baseSiteURL = ""
    public var baseBlogURL = ""
    public var wxrVersion: String?
}

/// `<wp:author>`: a WordPress account that wrote something in the export.
public struct WXRAuthor: Sendable, Hashable {
    public var id: Int?
    public var login = ""
    public var email = ""
    public var displayName = ""
    public var firstName = ""
    public var lastName = ""
    public var line = 0
}

/// `<wp:category>`, `<wp:tag>` or `<wp:term>` (any taxonomy, `nav_menu` included).
public struct WXRTerm: Sendable, Hashable {
    public var id: Int?
    /// `category`, `post_tag`, `nav_menu`, …
    public var taxonomy = ""
    public var slug = ""
    /// The parent's slug (WordPress exports parents by slug).
    public var parentSlug = ""
    public var name = ""
    public var description = ""
    public var meta: [WXRMeta] = []
    public var line = 0
}

/// A `wp:postmeta`, `wp:commentmeta` or `wp:termmeta` pair; values may be PHP-serialized.
public struct WXRMeta: Sendable, Hashable {
    public var key: String
    public var value: String
}

/// A post's `<category domain="…" nicename="…">`: a category, tag or other term it has.
public struct WXRItemTerm: Sendable, Hashable {
    public var domain: String
    public var slug: String
    public var name: String
}

/// `<wp:comment>`.
public struct WXRComment: Sendable, Hashable {
    public var id: Int?
    public var author = ""
    public var authorEmail = ""
    public var authorURL = ""
    public var authorIP = ""
    public var date = ""
    public var dateGMT = ""
    public var content = ""
    /// `1`, `0`, `spam` or `trash`.
    public var approved = ""
    /// Empty for a comment, `pingback`, `trackback`.
    public var type = ""
    public var parent: Int?
    public var userID: Int?
    public var meta: [WXRMeta] = []
}

/// `<item>`: a post, page, attachment, menu item or any other post type, with its comments.
public struct WXRItem: Sendable, Hashable {
    public var title = ""
    public var link = ""
    public var pubDate = ""
    public var creator = ""
    public var guid = ""
    public var description = ""
    public var content = ""
    public var excerpt = ""
    public var postID: Int?
    public var postDate = ""
    public var postDateGMT = ""
    public var postModified = ""
    public var postModifiedGMT = ""
    public var commentStatus = ""
    public var pingStatus = ""
    /// The slug as WordPress stored it (percent-encoded for Arabic).
    public var postName = ""
    /// `publish`, `draft`, `pending`, `future`, `private`, `trash`, `inherit` (attachments), …
    public var status = ""
    public var postParent: Int?
    public var menuOrder = 0
    public var postType = ""
    public var password = ""
    public var isSticky = false
    public var attachmentURL = ""
    public var terms: [WXRItemTerm] = []
    public var meta: [WXRMeta] = []
    public var comments: [WXRComment] = []
    /// Where the item starts in the file.
    public var line = 0

    /// The first value of a post-meta key.
    public func meta(_ key: String) -> String? { meta.first { $0.key == key }?.value }
}

extension WXRAuthor {
    init(_ element: XMLElement, reader: WXRReader) {
        let fields = Fields(element, reader: reader)
        id = Int(fields["wp:author_id"].trimmingCharacters(in: .whitespaces))
        login = fields["wp:author_login"]
        email = fields["wp:author_email"]
        displayName = fields["wp:author_display_name"]
        firstName = fields["wp:author_first_name"]
        lastName = fields["wp:author_last_name"]
        line = element.line
    }
}

extension WXRTerm {
    init(_ element: XMLElement, kind: String, reader: WXRReader) {
        let fields = Fields(element, reader: reader)
        id = Int(fields["wp:term_id"].trimmingCharacters(in: .whitespaces))
        line = element.line
        switch kind {
        case "wp:category":
            taxonomy = "category"
            slug = fields["wp:category_nicename"]
            parentSlug = fields["wp:category_parent"]
            name = fields["wp:cat_name"]
            description = fields["wp:category_description"]
        case "wp:tag":
            taxonomy = "post_tag"
            slug = fields["wp:tag_slug"]
            name = fields["wp:tag_name"]
            description = fields["wp:tag_description"]
        default:
            taxonomy = fields["wp:term_taxonomy"]
            slug = fields["wp:term_slug"]
            parentSlug = fields["wp:term_parent"]
            name = fields["wp:term_name"]
            description = fields["wp:term_description"]
        }
        meta = fields.meta("wp:termmeta")
    }
}

extension WXRItem {
    init(_ element: XMLElement, reader: WXRReader) throws {
        try reader.checkVersion()
        let fields = Fields(element, reader: reader)
        line = element.line
        title = fields["title"]
        link = fields["link"].trimmingCharacters(in: .whitespacesAndNewlines)
        pubDate = fields["pubDate"]
        creator = fields["dc:creator"]
        guid = fields["guid"]
        description = fields["description"]
        content = fields["content:encoded"]
        excerpt = fields["excerpt:encoded"]
        postID = fields.int("wp:post_id")
        postDate = fields["wp:post_date"]
        postDateGMT = fields["wp:post_date_gmt"]
        postModified = fields["wp:post_modified"]
        postModifiedGMT = fields["wp:post_modified_gmt"]
        commentStatus = fields["wp:comment_status"]
        pingStatus = fields["wp:ping_status"]
        postName = fields["wp:post_name"].trimmingCharacters(in: .whitespacesAndNewlines)
        status = fields["wp:status"].trimmingCharacters(in: .whitespacesAndNewlines)
        postParent = fields.int("wp:post_parent").flatMap { $0 == 0 ? nil : $0 }
        menuOrder = fields.int("wp:menu_order") ?? 0
        postType = fields["wp:post_type"].trimmingCharacters(in: .whitespacesAndNewlines)
        password = fields["wp:post_password"]
        isSticky = fields["wp:is_sticky"].trimmingCharacters(in: .whitespaces) == "1"
        attachmentURL = fields["wp:attachment_url"].trimmingCharacters(in: .whitespacesAndNewlines)
        terms = fields.children.filter { $0.name == "category" }.map { term in
            WXRItemTerm(
                domain: term.attributes["domain"] ?? "category", slug: term.attributes["nicename"] ?? "",
                name: term.text(warn: reader.warn(line:_:)))
        }
        meta = fields.meta("wp:postmeta")
        comments = fields.children.filter { $0.name == "wp:comment" }.map { comment in
            let values = Fields(comment, reader: reader)
            return WXRComment(
                id: values.int("wp:comment_id"), author: values["wp:comment_author"], authorEmail: values["wp:comment_author_email"],
                authorURL: values["wp:comment_author_url"], authorIP: values["wp:comment_author_IP"], date: values["wp:comment_date"],
                dateGMT: values["wp:comment_date_gmt"], content: values["wp:comment_content"],
                approved: values["wp:comment_approved"].trimmingCharacters(in: .whitespaces), type: values["wp:comment_type"].trimmingCharacters(in: .whitespaces),
                parent: values.int("wp:comment_parent").flatMap { $0 == 0 ? nil : $0 }, userID: values.int("wp:comment_user_id").flatMap { $0 == 0 ? nil : $0 },
                meta: values.meta("wp:commentmeta"))
        }
    }
}

/// An element's children by name, their text read once.
struct Fields {
    let children: [XMLElement]
    let reader: WXRReader
    private var texts: [String: String] = [:]

    init(_ element: XMLElement, reader: WXRReader) {
        self.reader = reader
        children = element.children(namespaces: element.namespaces, warn: reader.warn(line:_:))
        // Repeated children (category, postmeta, comment) are read by their own accessors.
        for child in children where texts[child.name] == nil && !["category", "wp:postmeta", "wp:comment", "wp:commentmeta", "wp:termmeta"].contains(child.name) {
            texts[child.name] = child.text(warn: reader.warn(line:_:))
        }
    }

    subscript(name: String) -> String { texts[name] ?? "" }

    func int(_ name: String) -> Int? { Int(self[name].trimmingCharacters(in: .whitespacesAndNewlines)) }

    /// `wp:postmeta` (or `wp:commentmeta`, `wp:termmeta`) pairs, in order.
    func meta(_ name: String) -> [WXRMeta] {
        children.filter { $0.name == name }.map { pair in
            let values = Fields(pair, reader: reader)
            return WXRMeta(key: values["wp:meta_key"], value: values["wp:meta_value"])
        }
    }
}
