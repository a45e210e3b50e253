import Foundation

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
        publisher: String, publisherURL: String, logoURL: String, section: String?, keywords: [String], imageURL: String?,
        language: String
    ) -> [String: Any] {
        var article: [String: Any] = [
            "@type": "NewsArticle",
            "@id": url + "#article",
            "mainEntityOfPage": url,
            "url": url,
            "headline": String(headline.prefix(110)),
            "description": description,
            "datePublished": published,
            "dateModified": modified,
            "inLanguage": language,
            "author": authors.map { ["@type": $0.isOrganization ? "Organization" : "Person", "name": $0.name, "url": $0.url] },
            "publisher": [
                "@type": "Organization", "name": publisher, "url": publisherURL,
                "logo": ["@type": "ImageObject", "url": logoURL],
            ] as [String: Any],
        ]
        if let section { article["articleSection"] = section }
        if !keywords.isEmpty { article["keywords"] = keywords.joined(separator: ", ") }
        if let imageURL { article["image"] = [imageURL] }
        return article
    }

    static func breadcrumbs(_ trail: [(name: String, url: String)]) -> [String: Any] {
        [
            "@type": "BreadcrumbList",
            "itemListElement": trail.enumerated().map { index, step in
                ["@type": "ListItem", "position": index + 1, "name": step.name, "item": step.url] as [String: Any]
            },
        ]
    }

    static func website(name: String, url: String, description: String, language: String) -> [String: Any] {
        [
            "@type": "WebSite",
            "@id": url + "/#website",
            "name": name,
            "url": url + "/",
            "description": description,
            "inLanguage": language,
            "potentialAction": [
                "@type": "SearchAction",
                "target": ["@type": "EntryPoint", "urlTemplate": url + "/?s={search_term_string}"],
                "query-input": "required name=search_term_string",
            ] as [String: Any],
        ]
    }

    /// The nodes as one `@graph` document, safe inside `<script>`: `<`, `>` and `&` are written
    /// as JSON escapes so no text can close the element.
    static func script(_ nodes: [[String: Any]]) -> String {
        let document: [String: Any] = ["@context": "https://schema.org", "@graph": nodes]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e").replacingOccurrences(of: "&", with: "\\u0026")
    }
}
