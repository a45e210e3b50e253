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

    func index(_ sitemaps: [Entry]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for sitemap in sitemaps {
            xml += "<sitemap><loc>\(XMLText.escape(sitemap.url))</loc>"
            if let date = sitemap.lastModified { xml += "<lastmod>\(dates.rfc3339(date))</lastmod>" }
            xml += "</sitemap>\n"
        }
        return xml + "</sitemapindex>\n"
    }

    func urls(_ entries: [Entry]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for entry in entries {
            xml += "<url><loc>\(XMLText.escape(entry.url))</loc>"
            if let date = entry.lastModified { xml += "<lastmod>\(dates.rfc3339(date))</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
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
