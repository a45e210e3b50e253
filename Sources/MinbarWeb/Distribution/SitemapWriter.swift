import Foundation

/// Writes sitemaps (sitemaps.org) and Google News sitemaps.
struct SitemapWriter {
    struct Entry {
        var url: String
        var lastModified: Date?
    }

    struct NewsEntry {
        var url: String
        var title: String
        var published: Date
    }

    let dates: FeedDates

    /// The sitemap index: one `<sitemap>` per sitemap.
    func index(_ sitemaps: [Entry]) -> String { list(sitemaps, root: "sitemapindex", item: "sitemap") }

    /// A sitemap: one `<url>` per page.
    func urls(_ entries: [Entry]) -> String { list(entries, root: "urlset", item: "url") }

    func list(_ entries: [Entry], root: String, item: String) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<\(root) xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for entry in entries {
            xml += "<\(item)><loc>\(XMLText.escape(entry.url))</loc>"
            if let date = entry.lastModified { xml += "<lastmod>\(dates.rfc3339(date))</lastmod>" }
            xml += "</\(item)>\n"
        }
        return xml + "</\(root)>\n"
    }

    func news(_ entries: [NewsEntry], publication: String, language: String) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">

            """
        for entry in entries {
            xml += "<url><loc>\(XMLText.escape(entry.url))</loc><news:news><news:publication>"
            xml += "<news:name>\(XMLText.escape(publication))</news:name><news:language>\(XMLText.escape(language))</news:language>"
            xml += "</news:publication><news:publication_date>\(dates.rfc3339(entry.published))</news:publication_date>"
            xml += "<news:title>\(XMLText.escape(entry.title))</news:title></news:news></url>\n"
        }
        return xml + "</urlset>\n"
    }
}
