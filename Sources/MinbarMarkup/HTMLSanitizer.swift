import CLibXML2
import Foundation
import MinbarCore

/// Cleans HTML written by authors (or produced from their Markdown) against an allowlist.
///
/// The text is parsed by libxml2's HTML parser, which repairs broken markup the way browsers do,
/// and written out again with only allowed elements and attributes: scripts, styles, event
/// handlers, forms, frames and `javascript:` URLs never reach a page. Elements that are not
/// allowed but hold text (`<font>`, `<center>`) are unwrapped; dangerous ones are dropped whole.
///
/// ```swift
/// HTMLSanitizer.sanitize("<p onclick=x>نص<script>alert(1)</script></p>")  // "<p>نص</p>"
/// ```
public enum HTMLSanitizer {
    /// Elements kept, with the attributes each may carry beside `globalAttributes`.
    static let allowedElements: [String: Set<String>] = [
        "p": [], "br": [], "hr": [], "h2": [], "h3": [], "h4": [], "h5": [], "h6": [],
        "blockquote": ["cite"], "ul": [], "ol": ["start", "reversed"], "li": [], "dl": [], "dt": [], "dd": [],
        "strong": [], "b": [], "em": [], "i": [], "u": [], "s": [], "del": [], "ins": [], "sub": [], "sup": [],
        "small": [], "mark": [], "abbr": [], "q": ["cite"], "cite": [], "code": [], "pre": [], "kbd": [],
        "span": [], "div": [], "bdi": [], "bdo": [], "figure": [], "figcaption": [],
        "a": ["href"], "img": ["src", "alt", "width", "height"],
        "table": [], "caption": [], "thead": [], "tbody": [], "tfoot": [], "tr": [],
        "th": ["colspan", "rowspan", "scope"], "td": ["colspan", "rowspan"],
        "input": ["type", "checked", "disabled"],  // task-list boxes from Markdown, checked below
    ]
    /// Attributes any kept element may carry.
    static let globalAttributes: Set<String> = ["dir", "lang", "title"]
    /// Elements removed together with everything inside them.
    static let droppedElements: Set<String> = [
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "button", "textarea",
        "select", "option", "noscript", "template", "svg", "math", "link", "meta", "title", "head", "base", "audio",
        "video", "canvas", "param", "source", "track", "noembed", "noframes", "xmp", "plaintext",
    ]
    /// Elements written without a closing tag.
    static let voidElements: Set<String> = ["br", "hr", "img", "input"]
    /// Attributes holding URLs, whose scheme is checked.
    static let urlAttributes: Set<String> = ["href", "src", "cite"]
    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// The allowed part of `html`, as well-formed HTML.
    public static func sanitize(_ html: String) -> String {
        guard !html.isEmpty else { return "" }
        // A full document around the fragment keeps the parser from moving text into <head>.
        let document = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + html + "</body></html>"
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let parsed = document.withCString { pointer in
            htmlReadMemory(pointer, Int32(strlen(pointer)), nil, "UTF-8", options)
        }
        guard let doc = parsed else { return HTMLText.escape(html) }
        defer { xmlFreeDoc(doc) }
        guard let body = findElement(named: "body", under: xmlDocGetRootElement(doc)) else { return "" }
        var output = ""
        output.reserveCapacity(html.utf8.count)
        writeChildren(of: body, into: &output)
        return output
    }

    static func findElement(named name: String, under node: UnsafeMutablePointer<xmlNode>?) -> UnsafeMutablePointer<xmlNode>? {
        var current = node
        while let element = current {
            if element.pointee.type == XML_ELEMENT_NODE, nodeName(element) == name { return element }
            if let found = findElement(named: name, under: element.pointee.children) { return found }
            current = element.pointee.next
        }
        return nil
    }

    static func nodeName(_ node: UnsafeMutablePointer<xmlNode>) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name).lowercased()
    }

    static func writeChildren(of node: UnsafeMutablePointer<xmlNode>, into output: inout String) {
        var child = node.pointee.children
        while let current = child {
            write(current, into: &output)
            child = current.pointee.next
        }
    }

    static func write(_ node: UnsafeMutablePointer<xmlNode>, into output: inout String) {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content { output += HTMLText.escape(String(cString: content)) }
        case XML_ELEMENT_NODE:
            let name = nodeName(node)
            if droppedElements.contains(name) { return }
            guard let allowed = allowedElements[name] else {
                writeChildren(of: node, into: &output)
                return
            }
            var attributes = keptAttributes(of: node, element: name, allowed: allowed)
            if name == "input" {
                // Only Markdown's task-list check boxes, and never editable.
                guard attributes.first(where: { $0.0 == "type" })?.1 == "checkbox" else { return }
                attributes.removeAll { $0.0 == "disabled" }
                attributes.append(("disabled", ""))
            }
            if name == "a", attributes.contains(where: { $0.0 == "href" }) {
                attributes.append(("rel", "noopener"))
            }
            // An image is kept only when the page can show it: an https address or the site's own
            // media. `<img src="x">` (left once its onerror is gone) would show as a broken image.
            if name == "img" {
                guard let source = attributes.first(where: { $0.0 == "src" })?.1, FeaturedImage.isAcceptedURL(source) else { return }
            }
            output += "<" + name
            for (key, value) in attributes {
                output += " " + key + "=\"" + HTMLText.escape(value) + "\""
            }
            output += ">"
            if voidElements.contains(name) { return }
            writeChildren(of: node, into: &output)
            output += "</" + name + ">"
        default:
            break  // comments, processing instructions, doctype
        }
    }

    static func keptAttributes(of node: UnsafeMutablePointer<xmlNode>, element: String, allowed: Set<String>) -> [(String, String)] {
        var result: [(String, String)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            defer { attribute = current.pointee.next }
            guard let rawName = current.pointee.name else { continue }
            let name = String(cString: rawName).lowercased()
            guard allowed.contains(name) || globalAttributes.contains(name) else { continue }
            guard let rawValue = xmlGetProp(node, rawName) else { continue }
            let value = String(cString: rawValue)
            minbar_xml_free(rawValue)
            if urlAttributes.contains(name) {
                guard let url = safeURL(value) else { continue }
                result.append((name, url))
            } else if name == "dir" {
                guard ["rtl", "ltr", "auto"].contains(value.lowercased()) else { continue }
                result.append((name, value.lowercased()))
            } else {
                result.append((name, value))
            }
        }
        return result
    }

    /// The URL when its scheme is allowed (or it is relative), else nil.
    static func safeURL(_ value: String) -> String? {
        // Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
        let compact = String(value.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F })
        guard !compact.isEmpty else { return nil }
        if let colon = compact.firstIndex(of: ":") {
            let beforeColon = compact[..<colon]
            let looksLikeScheme = !beforeColon.contains("/") && !beforeColon.contains("?") && !beforeColon.contains("#")
            if looksLikeScheme && !allowedSchemes.contains(beforeColon.lowercased()) { return nil }
        }
        return value.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
