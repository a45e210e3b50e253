/// JSON-LD (schema.org) for the head of pages: NewsArticle and BreadcrumbList on articles,
/// WebSite with a SearchAction on the home page.
enum StructuredData {
    struct Person {
        var name: String
        var url: String
        var isOrganization: Bool
    }

    static func newsArticle(
        url: String, headline: String, description: String, published: String, modified: String, authors: [Person],
        publisher: String, publisherURL: String, logoURL: String, section: String?, keywords: [String], images: [String],
        imageCredit: String? = nil, language: String
    ) -> JSONValue {
        // An article without a byline is the publisher's own: never an empty author list.
        let authors = authors.isEmpty ? [Person(name: publisher, url: publisherURL, isOrganization: true)] : authors
        var members: [(String, JSONValue)] = [
            ("@type", .string("NewsArticle")),
            ("@id", .string(url + "#article")),
            ("mainEntityOfPage", .string(url)),
            ("url", .string(url)),
            ("headline", .string(String(headline.prefix(110)))),
            ("description", .string(description)),
            ("datePublished", .string(published)),
            ("dateModified", .string(modified)),
            ("inLanguage", .string(language)),
            (
                "author",
                .array(
                    authors.map {
                        .object([
                            ("@type", .string($0.isOrganization ? "Organization" : "Person")), ("name", .string($0.name)),
                            ("url", .string($0.url)),
                        ])
                    })
            ),
            (
                "publisher",
                .object([
                    ("@type", .string("Organization")), ("name", .string(publisher)), ("url", .string(publisherURL)),
                    ("logo", .object([("@type", .string("ImageObject")), ("url", .string(logoURL))])),
                ])
            ),
        ]
        if let section { members.append(("articleSection", .string(section))) }
        if !keywords.isEmpty { members.append(("keywords", .string(keywords.joined(separator: ", ")))) }
        if !images.isEmpty {
            if let imageCredit, !imageCredit.isEmpty {
                // The photographer or agency, as Google's image metadata reads it.
                members.append((
                    "image",
                    .array(
                        images.map {
                            .object([
                                ("@type", .string("ImageObject")), ("url", .string($0)), ("contentUrl", .string($0)),
                                ("creditText", .string(imageCredit)),
                                ("copyrightHolder", .object([("@type", .string("Organization")), ("name", .string(imageCredit))])),
                            ])
                        })
                ))
            } else {
                members.append(("image", .array(images.map { .string($0) })))
            }
        }
        return .object(members)
    }

    static func breadcrumbs(_ trail: [(name: String, url: String)]) -> JSONValue {
        .object([
            ("@type", .string("BreadcrumbList")),
            (
                "itemListElement",
                .array(
                    trail.enumerated().map { index, step in
                        .object([
                            ("@type", .string("ListItem")), ("position", .int(index + 1)), ("name", .string(step.name)),
                            ("item", .string(step.url)),
                        ])
                    })
            ),
        ])
    }

    static func website(name: String, url: String, description: String, language: String) -> JSONValue {
        .object([
            ("@type", .string("WebSite")),
            ("@id", .string(url + "/#website")),
            ("name", .string(name)),
            ("url", .string(url + "/")),
            ("description", .string(description)),
            ("inLanguage", .string(language)),
            (
                "potentialAction",
                .object([
                    ("@type", .string("SearchAction")),
                    ("target", .object([("@type", .string("EntryPoint")), ("urlTemplate", .string(url + "/?s={search_term_string}"))])),
                    ("query-input", .string("required name=search_term_string")),
                ])
            ),
        ])
    }

    /// The nodes as one `@graph` document, safe inside `<script>`.
    static func script(_ nodes: [JSONValue]) -> String {
        JSONValue.object([("@context", .string("https://schema.org")), ("@graph", .array(nodes))]).text
    }
}
