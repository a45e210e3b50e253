import Foundation
import MinbarCore

/// A WordPress post's stored content turned into the HTML WordPress would show, without
/// WordPress: block delimiters removed (static blocks keep their HTML, dynamic ones are left out
/// and named), classic text given its paragraphs by `wpautop`, URLs alone on a line made links (as
/// WordPress does when oEmbed is not reached; the importer never uses the network), and the
/// media shortcodes turned into HTML: `[caption]` → `<figure>` with `<figcaption>`, `[gallery]`
/// → the attachments' images, `[embed]`, `[video]`, `[audio]` → links. Images of imported
/// attachments (`wp-image-N`) point to their new copies. The result still goes through the
/// editor's sanitizer.
public enum WordPressContent {
    /// An imported attachment, for `wp-image-N` and `[gallery]`.
    public struct Attachment: Sendable, Hashable {
        public var url: String
        public var alt: String
        public var caption: String
        public var width: Int?
        public var height: Int?

        public init(url: String, alt: String = "", caption: String = "", width: Int? = nil, height: Int? = nil) {
            self.url = url
            self.alt = alt
            self.caption = caption
            self.width = width
            self.height = height
        }
    }

    public struct Result: Sendable, Hashable {
        public var html: String
        /// What was changed or left out, for the import's report.
        public var notes: [String]
    }

    /// The shortcodes WordPress itself registers that a news post uses.
    static let mediaShortcodes = ["caption", "wp_caption", "gallery", "embed", "video", "audio", "playlist"]

    public static func html(from content: String, attachments: (Int) -> Attachment? = { _ in nil }) -> Result {
        var notes: [String] = []
        var text = content.utf8Replacing("\r\n", with: "\n").utf8Replacing("\r", with: "\n")
        if text.utf8Contains("<!-- wp:") {
            text = removeBlockDelimiters(text, notes: &notes)
            text = embedWrapper.replace(text, with: "$1<a href=\"$2\">$2</a>$3")
        } else {
            if text.utf8Contains("http") { text = autoEmbed.replace(text, with: "$1<a href=\"$2\">$2</a>$3") }
            text = WPAutop.apply(text)
            if text.utf8Contains("[") { text = shortcodeUnautop.replace(text, with: "$1") }
        }
        if text.utf8Contains("[") { text = doShortcodes(text, attachments: attachments, notes: &notes) }
        text = pointImagesToCopies(text, attachments: attachments, notes: &notes)
        return Result(html: text.trimmingCharacters(in: .whitespacesAndNewlines), notes: notes)
    }

    // MARK: Blocks

    /// WordPress's block delimiter: `<!-- wp:ns/name {"attrs"} -->`, `<!-- /wp:name -->`, `<!-- wp:name /-->`.
    static let blockDelimiter = WPAutop.Pattern(
        "<!--[ \\t\\n\\x{0B}\\f\\r]+(/)?wp:((?:[a-z][a-z0-9_-]*/)?[a-z][a-z0-9_-]*)[ \\t\\n\\x{0B}\\f\\r]+(\\{(?:(?:[^}]+|\\}+(?=\\})|(?!\\}[ \\t\\n\\x{0B}\\f\\r]+/?-->)[\\s\\S])*+)?\\}[ \\t\\n\\x{0B}\\f\\r]+)?(/)?-->"
    )
    static let embedWrapper = WPAutop.Pattern("(<div class=\"wp-block-embed__wrapper\">[ \\t\\n]*)(https?://[^\\s<>\"]+)([ \\t\\n]*</div>)")

    static func removeBlockDelimiters(_ text: String, notes: inout [String]) -> String {
        let regex = blockDelimiter.regex
        var result = ""
        var last = text.startIndex
        var dropped: [String] = []
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range, in: text) else { continue }
            result += text[last..<range.lowerBound]
            last = range.upperBound
            let isVoid = match.range(at: 4).location != NSNotFound
            if isVoid, let nameRange = Range(match.range(at: 2), in: text) {
                let name = String(text[nameRange])
                if !dropped.contains(name) { dropped.append(name) }
            }
        }
        result += text[last...]
        if !dropped.isEmpty {
            let names = dropped.map { $0.utf8Contains("/") ? $0 : "core/" + $0 }
            notes.append("dynamic block\(names.count == 1 ? "" : "s") left out (WordPress builds \(names.count == 1 ? "it" : "them") when the page is shown): " + names.joined(separator: ", "))
        }
        return result
    }

    // MARK: Classic content

    /// WordPress's `autoembed`: a URL alone on its line.
    static let autoEmbed = WPAutop.Pattern("^([ \\t]*)(https?://[^\\s<>\"]+)([ \\t]*)$", options: [.anchorsMatchLines])

    static var tagAlternation: String { mediaShortcodes.joined(separator: "|") }

    /// `shortcode_unautop`: a shortcode alone in a paragraph comes out of it.
    static let shortcodeUnautop = WPAutop.Pattern(
        "<p>(?:[ \\t\\n\\x{0B}\\f\\r]|\\x{00A0}|&nbsp;)*+(\\[(\(mediaShortcodes.joined(separator: "|")))(?![\\w-])[^\\]/]*(?:/(?!\\])[^\\]/]*)*?(?:/\\]|\\](?:[^\\[]*+(?:\\[(?!/\\2\\])[^\\[]*+)*+\\[/\\2\\])?))(?:[ \\t\\n\\x{0B}\\f\\r]|\\x{00A0}|&nbsp;)*+</p>"
    )

    /// `get_shortcode_regex` for the media shortcodes.
    static let shortcode = WPAutop.Pattern(
        "\\[(\\[?)(\(mediaShortcodes.joined(separator: "|")))(?![\\w-])([^\\]/]*(?:/(?!\\])[^\\]/]*)*?)(?:(/)\\]|\\](?:([^\\[]*+(?:\\[(?!/\\2\\])[^\\[]*+)*+)\\[/\\2\\])?)(\\]?)"
    )

    /// Any other `[name …]` that looks like a shortcode (kept as text, and named in the report).
    static let otherShortcode = WPAutop.Pattern("\\[([a-zA-Z][a-zA-Z0-9_-]*)(?=[\\s\\]/])[^\\]]*\\]")

    static func doShortcodes(_ text: String, attachments: (Int) -> Attachment?, notes: inout [String]) -> String {
        let regex = shortcode.regex
        var result = ""
        var last = text.startIndex
        func group(_ match: NSTextCheckingResult, _ index: Int) -> String? {
            Range(match.range(at: index), in: text).map { String(text[$0]) }
        }
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range, in: text) else { continue }
            result += text[last..<range.lowerBound]
            last = range.upperBound
            // [[caption]] is WordPress's way to write a shortcode as text.
            if group(match, 1) == "[", group(match, 6) == "]" {
                result += String(text[range].dropFirst().dropLast())
                continue
            }
            let name = group(match, 2) ?? ""
            let attributes = parseAttributes(group(match, 3) ?? "")
            let inner = group(match, 5) ?? ""
            result += (group(match, 1) ?? "") + render(name, attributes: attributes, content: inner, attachments: attachments, notes: &notes) + (group(match, 6) ?? "")
        }
        result += text[last...]
        // Shortcodes of plugins the new site does not have: shown as text, as WordPress shows them.
        var unknown: [String] = []
        for match in otherShortcode.regex.matches(in: result, range: NSRange(result.startIndex..., in: result)) {
            guard let range = Range(match.range(at: 1), in: result) else { continue }
            let name = String(result[range])
            if !unknown.contains(name), !["http", "https"].contains(name) { unknown.append(name) }
        }
        if !unknown.isEmpty { notes.append("shortcodes without their plugin kept as text: " + unknown.map { "[\($0)]" }.joined(separator: " ")) }
        return result
    }

    static func render(_ name: String, attributes: [String: String], content: String, attachments: (Int) -> Attachment?, notes: inout [String]) -> String {
        switch name {
        case "caption", "wp_caption":
            var content = content
            var caption = attributes["caption"] ?? ""
            if attributes["caption"] == nil, let match = captionSplit.regex.firstMatch(in: content, range: NSRange(content.startIndex..., in: content)),
                let imageRange = Range(match.range(at: 1), in: content), let textRange = Range(match.range(at: 2), in: content)
            {
                caption = content[textRange].trimmingCharacters(in: .whitespacesAndNewlines)
                content = String(content[imageRange])
            }
            let figcaption = caption.isEmpty ? "" : "<figcaption>\(caption)</figcaption>"
            return "<figure>\(content.trimmingCharacters(in: .whitespacesAndNewlines))\(figcaption)</figure>"
        case "gallery":
            let ids = (attributes["ids"] ?? attributes["include"] ?? "").split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !ids.isEmpty else {
                notes.append("a [gallery] without ids (the post's own attachments) left out")
                return ""
            }
            var figures = ""
            var missing: [Int] = []
            for id in ids {
                guard let attachment = attachments(id) else {
                    missing.append(id)
                    continue
                }
                figures += image(attachment, figure: true)
            }
            if !missing.isEmpty { notes.append("[gallery] images not in the export left out: " + missing.map(String.init).joined(separator: ", ")) }
            return figures.isEmpty ? "" : "<div>\(figures)</div>"
        case "embed":
            let url = content.trimmingCharacters(in: .whitespacesAndNewlines)
            return url.isEmpty ? "" : "<p><a href=\"\(HTMLText.escape(url))\">\(HTMLText.escape(url))</a></p>"
        case "video", "audio":
            let keys = ["src", "mp4", "m4v", "webm", "ogv", "wmv", "flv", "mp3", "ogg", "wav", "m4a", "wma"]
            let urls = keys.compactMap { attributes[$0] }.filter { !$0.isEmpty }
            let sources = content.isEmpty ? [] : sourceURL.regex.matches(in: content, range: NSRange(content.startIndex..., in: content)).compactMap {
                Range($0.range(at: 1), in: content).map { String(content[$0]) }
            }
            let all = Array(NSOrderedSet(array: urls + sources)) as? [String] ?? urls
            guard !all.isEmpty else { return "" }
            return "<p>" + all.map { "<a href=\"\(HTMLText.escape($0))\">\(HTMLText.escape($0))</a>" }.joined(separator: " ") + "</p>"
        default:
            notes.append("[\(name)] left out")
            return ""
        }
    }

    static let captionSplit = WPAutop.Pattern("((?:<a [^>]+>[ \\t\\n\\x{0B}\\f\\r]*)?<img [^>]+>(?:[ \\t\\n\\x{0B}\\f\\r]*</a>)?)([\\s\\S]*)", options: [.caseInsensitive])
    static let sourceURL = WPAutop.Pattern("<source[^>]+src=\"([^\"]+)\"")

    static func image(_ attachment: Attachment, figure: Bool) -> String {
        var tag = "<img src=\"\(HTMLText.escape(attachment.url))\" alt=\"\(HTMLText.escape(attachment.alt))\""
        if let width = attachment.width, let height = attachment.height { tag += " width=\"\(width)\" height=\"\(height)\"" }
        tag += ">"
        guard figure else { return tag }
        return "<figure>" + tag + (attachment.caption.isEmpty ? "" : "<figcaption>\(HTMLText.escape(attachment.caption))</figcaption>") + "</figure>"
    }

    /// `shortcode_parse_atts`: `a="1" b='2' c=3 flag` (names lowercased; no-break and zero-width
    /// spaces read as spaces).
    static func parseAttributes(_ text: String) -> [String: String] {
        let text = text.utf8Replacing("\u{00A0}", with: " ").utf8Replacing("\u{200B}", with: " ")
        var result: [String: String] = [:]
        var positional = 0
        for match in attributePattern.regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            func group(_ index: Int) -> String? { Range(match.range(at: index), in: text).map { String(text[$0]) } }
            if let key = group(1), !key.isEmpty {
                result[key.lowercased()] = group(2) ?? ""
            } else if let key = group(3), !key.isEmpty {
                result[key.lowercased()] = group(4) ?? ""
            } else if let key = group(5), !key.isEmpty {
                result[key.lowercased()] = group(6) ?? ""
            } else if let value = group(7) ?? group(8) ?? group(9) {
                result[String(positional)] = value
                positional += 1
            }
        }
        return result
    }

    /// `get_shortcode_atts_regex`.
    static let attributePattern = WPAutop.Pattern(
        "([\\w-]+)\\s*=\\s*\"([^\"]*)\"(?:\\s|$)|([\\w-]+)\\s*=\\s*'([^']*)'(?:\\s|$)|([\\w-]+)\\s*=\\s*([^\\s'\"]+)(?:\\s|$)|\"([^\"]*)\"(?:\\s|$)|'([^']*)'(?:\\s|$)|(\\S+)(?:\\s|$)"
    )

    // MARK: Images of imported attachments

    static let wpImage = WPAutop.Pattern("<img\\b[^>]*\\bwp-image-(\\d+)\\b[^>]*>", options: [.caseInsensitive])
    static let srcAttribute = WPAutop.Pattern("\\ssrc=(\"[^\"]*\"|'[^']*')", options: [.caseInsensitive])

    static func pointImagesToCopies(_ text: String, attachments: (Int) -> Attachment?, notes: inout [String]) -> String {
        guard text.utf8Contains("wp-image-") else { return text }
        var result = ""
        var last = text.startIndex
        var missing: [Int] = []
        for match in wpImage.regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range, in: text), let idRange = Range(match.range(at: 1), in: text), let id = Int(text[idRange]) else { continue }
            result += text[last..<range.lowerBound]
            last = range.upperBound
            let tag = String(text[range])
            guard let attachment = attachments(id) else {
                if !missing.contains(id) { missing.append(id) }
                result += tag
                continue
            }
            result += srcAttribute.replace(tag, with: " src=\"" + NSRegularExpression.escapedTemplate(for: HTMLText.escape(attachment.url)) + "\"")
        }
        result += text[last...]
        if !missing.isEmpty { notes.append("images of attachments not in the export keep their old address: " + missing.map { "wp-image-\($0)" }.joined(separator: ", ")) }
        return result
    }
}
