import Foundation
import MinbarCore

/// A comment's plain text as HTML: escaped, paragraphs at blank lines, line breaks kept, and web
/// addresses made into links that search engines do not follow (`rel="nofollow ugc"`).
enum CommentText {
    static let linkPattern = try! NSRegularExpression(pattern: #"(?:https?://|www\.)[^\s<>"]+"#, options: [.caseInsensitive])

    static func html(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n")
            .components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
            .map { "<p>" + linked($0).replacingOccurrences(of: "\n", with: "<br>\n") + "</p>" }
            .joined(separator: "\n")
    }

    /// Escaped text with its addresses linked.
    static func linked(_ text: String) -> String {
        let ns = text as NSString
        var output = ""
        var cursor = 0
        for match in linkPattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            var range = match.range
            // Sentence punctuation after an address is not part of it.
            while range.length > 0, let last = ns.substring(with: NSRange(location: range.location + range.length - 1, length: 1)).unicodeScalars.first,
                ".,;:!?)،؛؟".unicodeScalars.contains(last)
            {
                range.length -= 1
            }
            output += HTMLText.escape(ns.substring(with: NSRange(location: cursor, length: range.location - cursor)))
            let address = ns.substring(with: range)
            let href = address.lowercased().hasPrefix("www.") ? "https://" + address : address
            output += "<a href=\"\(HTMLText.escape(href))\" rel=\"nofollow ugc\" dir=\"ltr\">\(HTMLText.escape(address))</a>"
            cursor = range.location + range.length
        }
        output += HTMLText.escape(ns.substring(from: cursor))
        return output
    }

    /// How many web addresses a text holds (the spam link limit).
    static func linkCount(_ text: String) -> Int {
        linkPattern.numberOfMatches(in: text, range: NSRange(location: 0, length: (text as NSString).length))
    }
}
