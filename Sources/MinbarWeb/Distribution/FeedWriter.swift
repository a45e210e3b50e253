import Foundation
import MinbarCore

/// Writes RSS 2.0, Atom 1.0 and JSON Feed 1.1 documents of a list of articles.
struct FeedWriter {
    /// What a feed is about, with absolute URLs.
    struct Channel {
        var title: String
        var description: String
        var language: String
        /// The page the feed mirrors (the site, the section…).
        var pageURL: String
        /// The feed's own address.
        var feedURL: String
        var updated: Date
        /// The next (older) page of the feed, when there is one: JSON Feed's `next_url`, and
        /// RFC 5005's `rel="next"` link in RSS and Atom.
        var nextURL: String?
    }

    /// One article as a feed item, with absolute URLs.
    struct Item {
        var id: String
        var url: String
        var title: String
        var summary: String
        /// The full body, when the site publishes full text.
        var contentHTML: String?
        var published: Date
        var modified: Date
        var authors: [(name: String, url: String)]
        /// Section names first, then tags.
        var categories: [String]
        var imageURL: String?
        /// The image's MIME type, size in bytes and pixels, when it is a library copy.
        var imageType: String? = nil
        var imageBytes: Int? = nil
        var imageWidth: Int? = nil
        var imageHeight: Int? = nil
    }

    let dates: FeedDates

    func write(_ format: FeedFormat, channel: Channel, items: [Item]) -> String {
        switch format {
        case .rss: rss(channel, items)
        case .atom: atom(channel, items)
        case .json: json(channel, items)
        }
    }

    func rss(_ channel: Channel, _ items: [Item]) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
            <channel>
            <title>\(XMLText.escape(channel.title))</title>
            <link>\(XMLText.escape(channel.pageURL))</link>
            <atom:link href="\(XMLText.escape(channel.feedURL))" rel="self" type="application/rss+xml"/>
            \(channel.nextURL.map { "<atom:link href=\"\(XMLText.escape($0))\" rel=\"next\" type=\"application/rss+xml\"/>\n" } ?? "")            <description>\(XMLText.escape(channel.description))</description>
            <language>\(XMLText.escape(channel.language))</language>
            <lastBuildDate>\(dates.rfc822(channel.updated))</lastBuildDate>
            <generator>Minbar</generator>

            """
        for item in items {
            xml += "<item>\n<title>\(XMLText.escape(item.title))</title>\n<link>\(XMLText.escape(item.url))</link>\n"
            xml += "<guid isPermaLink=\"false\">\(XMLText.escape(item.id))</guid>\n<pubDate>\(dates.rfc822(item.published))</pubDate>\n"
            for author in item.authors { xml += "<dc:creator>\(XMLText.escape(author.name))</dc:creator>\n" }
            for category in item.categories { xml += "<category>\(XMLText.escape(category))</category>\n" }
            xml += "<description>\(XMLText.escape(item.summary))</description>\n"
            if let content = item.contentHTML { xml += "<content:encoded>\(XMLText.cdata(content))</content:encoded>\n" }
            if let image = item.imageURL {
                var attributes = "url=\"\(XMLText.escape(image))\" medium=\"image\""
                if let type = item.imageType { attributes += " type=\"\(type)\"" }
                if let bytes = item.imageBytes { attributes += " fileSize=\"\(bytes)\"" }
                if let width = item.imageWidth, let height = item.imageHeight { attributes += " width=\"\(width)\" height=\"\(height)\"" }
                xml += "<media:content \(attributes)/>\n"
                // RSS 2.0's enclosure needs a length and a type: only for the library's copies.
                if let type = item.imageType, let bytes = item.imageBytes {
                    xml += "<enclosure url=\"\(XMLText.escape(image))\" length=\"\(bytes)\" type=\"\(type)\"/>\n"
                }
            }
            xml += "</item>\n"
        }
        return xml + "</channel>\n</rss>\n"
    }

    func atom(_ channel: Channel, _ items: [Item]) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XMLText.escape(channel.language))">
            <title>\(XMLText.escape(channel.title))</title>
            <subtitle>\(XMLText.escape(channel.description))</subtitle>
            <link rel="alternate" type="text/html" href="\(XMLText.escape(channel.pageURL))"/>
            <link rel="self" type="application/atom+xml" href="\(XMLText.escape(channel.feedURL))"/>
            \(channel.nextURL.map { "<link rel=\"next\" type=\"application/atom+xml\" href=\"\(XMLText.escape($0))\"/>\n" } ?? "")            <id>\(XMLText.escape(channel.feedURL))</id>
            <updated>\(dates.rfc3339(channel.updated))</updated>
            <generator>Minbar</generator>

            """
        for item in items {
            xml += "<entry>\n<title>\(XMLText.escape(item.title))</title>\n"
            xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(item.url))\"/>\n"
            xml += "<id>\(XMLText.escape(item.id))</id>\n<published>\(dates.rfc3339(item.published))</published>\n"
            xml += "<updated>\(dates.rfc3339(item.modified))</updated>\n"
            for author in item.authors {
                xml += "<author><name>\(XMLText.escape(author.name))</name><uri>\(XMLText.escape(author.url))</uri></author>\n"
            }
            for category in item.categories { xml += "<category term=\"\(XMLText.escape(category))\"/>\n" }
            xml += "<summary>\(XMLText.escape(item.summary))</summary>\n"
            if let content = item.contentHTML { xml += "<content type=\"html\">\(XMLText.escape(content))</content>\n" }
            if let image = item.imageURL {
                let type = item.imageType.map { " type=\"\($0)\"" } ?? ""
                let length = item.imageBytes.map { " length=\"\($0)\"" } ?? ""
                xml += "<link rel=\"enclosure\" href=\"\(XMLText.escape(image))\"\(type)\(length)/>\n"
            }
            xml += "</entry>\n"
        }
        return xml + "</feed>\n"
    }

    func json(_ channel: Channel, _ items: [Item]) -> String {
        var feed: [String: Any] = [
            "version": "https://jsonfeed.org/version/1.1",
            "title": channel.title,
            "description": channel.description,
            "home_page_url": channel.pageURL,
            "feed_url": channel.feedURL,
            "language": channel.language,
            "items": items.map { item -> [String: Any] in
                var entry: [String: Any] = [
                    "id": item.id, "url": item.url, "title": item.title, "summary": item.summary,
                    "date_published": dates.rfc3339(item.published), "date_modified": dates.rfc3339(item.modified),
                    "authors": item.authors.map { ["name": $0.name, "url": $0.url] }, "tags": item.categories,
                ]
                entry["content_html"] = item.contentHTML ?? item.summary
                if let image = item.imageURL { entry["image"] = image }
                return entry
            },
        ]
        if let next = channel.nextURL { feed["next_url"] = next }
        let data = (try? JSONSerialization.data(withJSONObject: feed, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
