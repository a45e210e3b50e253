import Foundation
import MinbarCore

/// WordPress's `wpautop` (WordPress 6.1, `wp-includes/formatting.php`): the paragraphs and line
/// breaks WordPress adds to a classic-editor post when it shows it. Posts imported from WordPress
/// are stored as WordPress displayed them, so their text keeps its paragraphs.
///
/// Followed step by step, with PHP's regular-expression semantics kept where ICU's differ: `\s`
/// is ASCII white space only (PHP without `/u`; ICU's would also take the no-break space Arabic
/// text is full of) and `.` stops only at `\n`. `Tests/MinbarMarkupTests/WPAutopTests.swift`
/// holds WordPress's own output for each case.
public enum WPAutop {
    /// ASCII white space, as PCRE's `\s` without the `u` flag.
    static let s = "[ \\t\\n\\x{0B}\\f\\r]"
    static let allBlocks =
        "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)"

    final class Pattern: @unchecked Sendable {
        let regex: NSRegularExpression
        init(_ pattern: String, options: NSRegularExpression.Options = []) {
            // The patterns are constants of this file: a bad one is a programming error.
            regex = try! NSRegularExpression(pattern: pattern, options: options)
        }

        func replace(_ text: String, with template: String) -> String {
            regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
        }

        func split(_ text: String) -> [String] {
            var parts: [String] = []
            var last = text.startIndex
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let range = Range(match.range, in: text) else { continue }
                parts.append(String(text[last..<range.lowerBound]))
                last = range.upperBound
            }
            parts.append(String(text[last...]))
            return parts
        }
    }

    static let manyBreaks = Pattern("<br\(s)*/?>\(s)*<br\(s)*/?>")
    static let blockOpen = Pattern("(<\(allBlocks)[ \\t\\n\\x{0B}\\f\\r/>])")
    static let blockClose = Pattern("(</\(allBlocks)>)")
    static let hr = Pattern("(<hr\(s)*?/?>)")
    static let optionBefore = Pattern("\(s)*<option")
    static let optionAfter = Pattern("</option>\(s)*")
    static let objectOpen = Pattern("(<object[^>]*>)\(s)*")
    static let objectClose = Pattern("\(s)*</object>")
    static let paramEmbed = Pattern("\(s)*(</?(?:param|embed)[^>]*>)\(s)*")
    static let mediaOpen = Pattern("([<\\[](?:audio|video)[^>\\]]*[>\\]])\(s)*")
    static let mediaClose = Pattern("\(s)*([<\\[]/(?:audio|video)[>\\]])")
    static let sourceTrack = Pattern("\(s)*(<(?:source|track)[^>]*>)\(s)*")
    static let figcaptionOpen = Pattern("\(s)*(<figcaption[^>]*>)")
    static let figcaptionClose = Pattern("</figcaption>\(s)*")
    static let extraBreaks = Pattern("\n\n+")
    static let paragraphSplit = Pattern("\n\(s)*\n")
    static let emptyParagraph = Pattern("<p>\(s)*</p>")
    static let unclosedInBlock = Pattern("<p>([^<]+)</(div|address|form)>")
    static let wrappedBlock = Pattern("<p>\(s)*(</?\(allBlocks)[^>]*>)\(s)*</p>")
    static let wrappedItem = Pattern("<p>(<li[^\\n]+?)</p>")
    static let blockquoteInP = Pattern("<p><blockquote([^>]*)>", options: [.caseInsensitive])
    static let pBeforeBlock = Pattern("<p>\(s)*(</?\(allBlocks)[^>]*>)")
    static let pAfterBlock = Pattern("(</?\(allBlocks)[^>]*>)\(s)*</p>")
    static let preserved = Pattern("<(script|style|svg)[\\s\\S]*?</\\1>")
    static let lineBreak = Pattern("(?<!<br />)\(s)*\n")
    static let brAfterBlock = Pattern("(</?\(allBlocks)[^>]*>)\(s)*<br />")
    static let brBeforeBlock = Pattern("<br />(\(s)*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)")
    static let finalBreak = Pattern("\n</p>$")

    /// `wpautop($text, $br)`.
    public static func apply(_ input: String, lineBreaks: Bool = true) -> String {
        guard !input.trimmingCharacters(in: CharacterSet(charactersIn: " \t\n\r\0\u{0B}")).isEmpty else { return "" }
        var text = input + "\n"
        var preTags: [(String, String)] = []

        // <pre> is not touched: set aside and put back at the end.
        if text.utf8Contains("<pre") {
            var parts = text.utf8Split("</pre>")
            let lastPart = parts.removeLast()
            text = ""
            for part in parts {
                guard let start = part.range(of: "<pre") else {
                    text += part
                    continue
                }
                let name = "<pre wp-pre-tag-\(preTags.count)></pre>"
                preTags.append((name, String(part[start.lowerBound...]) + "</pre>"))
                text += String(part[..<start.lowerBound]) + name
            }
            text += lastPart
        }
        // Each pass runs only when the text has what it looks for (a byte search costs far less
        // than a regular expression over the whole text).
        let hasTags = text.utf8Contains("<")
        if text.utf8Contains("<br") { text = manyBreaks.replace(text, with: "\n\n") }
        if hasTags {
            text = blockOpen.replace(text, with: "\n\n$1")
            text = blockClose.replace(text, with: "$1\n\n")
            if text.utf8Contains("<hr") { text = hr.replace(text, with: "$1\n\n") }
        }
        text = text.utf8Replacing("\r\n", with: "\n").utf8Replacing("\r", with: "\n")
        if hasTags { text = replaceNewlinesInTags(text) }
        if text.utf8Contains("<option") {
            text = optionBefore.replace(text, with: "<option")
            text = optionAfter.replace(text, with: "</option>")
        }
        if text.utf8Contains("</object>") {
            text = objectOpen.replace(text, with: "$1")
            text = objectClose.replace(text, with: "</object>")
            text = paramEmbed.replace(text, with: "$1")
        }
        if text.utf8Contains("<source") || text.utf8Contains("<track") {
            text = mediaOpen.replace(text, with: "$1")
            text = mediaClose.replace(text, with: "$1")
            text = sourceTrack.replace(text, with: "$1")
        }
        if text.utf8Contains("<figcaption") {
            text = figcaptionOpen.replace(text, with: "$1")
            text = figcaptionClose.replace(text, with: "</figcaption>")
        }
        if text.utf8Contains("\n\n\n") { text = extraBreaks.replace(text, with: "\n\n") }
        let paragraphs = paragraphSplit.split(text).filter { !$0.isEmpty }
        text = ""
        for paragraph in paragraphs {
            text += "<p>" + trimNewlines(paragraph) + "</p>\n"
        }
        text = emptyParagraph.replace(text, with: "")
        if text.utf8Contains("</div>") || text.utf8Contains("</address>") || text.utf8Contains("</form>") {
            text = unclosedInBlock.replace(text, with: "<p>$1</p></$2>")
        }
        text = wrappedBlock.replace(text, with: "$1")
        if text.utf8Contains("<li") { text = wrappedItem.replace(text, with: "$1") }
        if text.lowercased().utf8Contains("<blockquote") { text = blockquoteInP.replace(text, with: "<blockquote$1><p>") }
        text = text.utf8Replacing("</blockquote></p>", with: "</p></blockquote>")
        text = pBeforeBlock.replace(text, with: "$1")
        text = pAfterBlock.replace(text, with: "$1")
        if lineBreaks {
            if text.utf8Contains("<script") || text.utf8Contains("<style") || text.utf8Contains("<svg") { text = preserveNewlines(text) }
            text = text.utf8Replacing("<br>", with: "<br />").utf8Replacing("<br/>", with: "<br />")
            text = lineBreak.replace(text, with: "<br />\n")
            text = text.utf8Replacing("<WPPreserveNewline />", with: "\n")
        }
        if text.utf8Contains("<br />") {
            text = brAfterBlock.replace(text, with: "$1")
            text = brBeforeBlock.replace(text, with: "$1")
        }
        if text.utf8Contains("\n</p>") { text = finalBreak.replace(text, with: "</p>") }
        for (name, original) in preTags { text = text.utf8Replacing(name, with: original) }
        if text.utf8Contains("<!-- wpnl -->") {
            text = text.utf8Replacing(" <!-- wpnl --> ", with: "\n").utf8Replacing("<!-- wpnl -->", with: "\n")
        }
        return text
    }

    /// PHP's `trim($text, "\n")`.
    static func trimNewlines(_ text: String) -> String {
        var slice = Substring(text)
        while slice.first == "\n" { slice = slice.dropFirst() }
        while slice.last == "\n" { slice = slice.dropLast() }
        return String(slice)
    }

    /// `_autop_newline_preservation_helper` over `<script>`, `<style>` and `<svg>` elements.
    static func preserveNewlines(_ text: String) -> String {
        let matches = preserved.regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
        guard !matches.isEmpty else { return text }
        var result = ""
        var last = text.startIndex
        for match in matches {
            guard let range = Range(match.range, in: text) else { continue }
            result += text[last..<range.lowerBound]
            result += String(text[range]).utf8Replacing("\n", with: "<WPPreserveNewline />")
            last = range.upperBound
        }
        result += text[last...]
        return result
    }

    /// `wp_replace_in_html_tags($text, ["\n" => " <!-- wpnl --> "])`: line ends inside tags and
    /// comments (as `wp_html_split` finds them) become a placeholder.
    static func replaceNewlinesInTags(_ text: String) -> String {
        guard text.utf8Contains("\n"), text.utf8Contains("<") else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var index = text.startIndex
        while let open = text[index...].firstIndex(of: "<") {
            result += text[index..<open]
            let end = elementEnd(in: text, from: open)
            let element = text[open..<end]
            let piece = String(element)
            result += piece.utf8Contains("\n") ? piece.utf8Replacing("\n", with: " <!-- wpnl --> ") : piece
            index = end
        }
        result += text[index...]
        return result
    }

    /// Where an element that starts at `open` ends, as `get_html_split_regex` reads it: a
    /// comment to `-->`, CDATA to `]]>` (or the end of the text), anything else to its `>` (or
    /// the end).
    static func elementEnd(in text: String, from open: String.Index) -> String.Index {
        let rest = text[text.index(after: open)...]
        if rest.hasPrefix("!--") {
            // `!(?:-(?!->)[^\-]*+)*+(?:-->)?`: a comment's end, or all of the text.
            return rest.range(of: "-->")?.upperBound ?? text.endIndex
        }
        if rest.hasPrefix("![CDATA[") {
            return rest.range(of: "]]>")?.upperBound ?? text.endIndex
        }
        if let close = rest.firstIndex(of: ">") { return text.index(after: close) }
        return text.endIndex
    }
}
