import Foundation
import MinbarCore

/// One element of a WXR record, as read: its name, attributes and the raw bytes of its content.
/// Children and text are read from those bytes on demand, tolerantly (as WordPress's fallback
/// parser reads), with warnings for what a strict parser would refuse.
struct XMLElement {
    /// The name as written (`wp:post_id`).
    var qualifiedName: String
    var attributes: [String: String]
    var content: [UInt8]
    /// The line the element starts on (for warnings).
    var line: Int
    /// Prefix → namespace in scope inside the element (its own declarations included).
    var namespaces: [String: String]
    /// The name by namespace, not by prefix: `wp:` for every WordPress export namespace
    /// (1.0–1.2) whatever prefix the file binds it to, `content:`, `excerpt:`, `dc:`, `wfw:`;
    /// a local name for no namespace; `{uri}name` for anything else (never a WordPress field).
    var name: String

    init(name qualifiedName: String, attributes: [String: String], content: [UInt8], line: Int, inherited: [String: String]) {
        self.qualifiedName = qualifiedName
        self.attributes = attributes
        self.content = content
        self.line = line
        var namespaces = inherited
        for (key, value) in attributes where key == "xmlns" || key.hasPrefix("xmlns:") {
            namespaces[key == "xmlns" ? "" : String(key.dropFirst(6))] = value
        }
        self.namespaces = namespaces
        self.name = Self.canonicalName(qualifiedName, namespaces: namespaces)
    }

    static func canonicalName(_ qualified: String, namespaces: [String: String]) -> String {
        let parts = qualified.split(separator: ":", maxSplits: 1)
        let (prefix, local) = parts.count == 2 ? (String(parts[0]), String(parts[1])) : ("", qualified)
        guard let uri = namespaces[prefix] else {
            // An undeclared prefix: read by the prefix as written (old exports forget declarations).
            return qualified
        }
        if uri.isEmpty { return local }
        if let base = ["http://wordpress.org/export/1.", "https://wordpress.org/export/1."].first(where: { uri.hasPrefix($0) }) {
            let rest = uri.dropFirst(base.count)
            let version = rest.prefix { $0.isNumber }
            let tail = rest.dropFirst(version.count)
            if !version.isEmpty, tail == "/" { return "wp:" + local }
            if !version.isEmpty, tail == "/excerpt/" { return "excerpt:" + local }
        }
        switch uri {
        case "http://purl.org/rss/1.0/modules/content/": return "content:" + local
        case "http://purl.org/dc/elements/1.1/": return "dc:" + local
        case "http://wellformedweb.org/CommentAPI/": return "wfw:" + local
        default: return "{\(uri)}" + local
        }
    }

    private static let cdataOpen = Array("<![CDATA[".utf8)
    private static let cdataClose = Array("]]>".utf8)
    private static let commentOpen = Array("<!--".utf8)
    private static let commentClose = Array("-->".utf8)

    // MARK: Tags

    /// `name a="1" b='2'` → ("name", ["a": "1", "b": "2"]).
    static func parseTag(_ inner: ArraySlice<UInt8>) -> (String, [String: String]) {
        var index = inner.startIndex
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        while index < inner.endIndex, isSpace(inner[index]) { index += 1 }
        let nameStart = index
        while index < inner.endIndex, !isSpace(inner[index]) { index += 1 }
        let name = String(decoding: inner[nameStart..<index], as: UTF8.self)
        var attributes: [String: String] = [:]
        while index < inner.endIndex {
            while index < inner.endIndex, isSpace(inner[index]) { index += 1 }
            let keyStart = index
            while index < inner.endIndex, inner[index] != 0x3D, !isSpace(inner[index]) { index += 1 }
            let key = String(decoding: inner[keyStart..<index], as: UTF8.self)
            while index < inner.endIndex, isSpace(inner[index]) { index += 1 }
            guard index < inner.endIndex, inner[index] == 0x3D else {
                if !key.isEmpty { attributes[key] = "" }
                if index < inner.endIndex, keyStart == index { index += 1 }
                continue
            }
            index += 1
            while index < inner.endIndex, isSpace(inner[index]) { index += 1 }
            guard index < inner.endIndex else { break }
            let quote = inner[index]
            if quote == 0x22 || quote == 0x27 {
                index += 1
                let valueStart = index
                while index < inner.endIndex, inner[index] != quote { index += 1 }
                attributes[key] = XMLText.decodeEntities(String(decoding: inner[valueStart..<index], as: UTF8.self)).text
                index += 1
            } else {
                let valueStart = index
                while index < inner.endIndex, !isSpace(inner[index]) { index += 1 }
                attributes[key] = String(decoding: inner[valueStart..<index], as: UTF8.self)
            }
        }
        return (name, attributes)
    }

    // MARK: Children

    /// The elements directly inside this one, in order.
    func children(namespaces: [String: String], warn: (Int, String) -> Void) -> [XMLElement] {
        var result: [XMLElement] = []
        let bytes = content
        var index = 0
        var line = self.line
        func advanceLines(to end: Int) {
            var k = index
            while k < end {
                if bytes[k] == 0x0A { line += 1 }
                k += 1
            }
        }
        while index < bytes.count {
            guard bytes[index] == 0x3C else {
                if bytes[index] == 0x0A { line += 1 }
                index += 1
                continue
            }
            if Self.hasPrefix(bytes, Self.cdataOpen, at: index) {
                let end = Self.find(bytes, Self.cdataClose, from: index + Self.cdataOpen.count).map { $0 + 3 } ?? bytes.count
                advanceLines(to: end)
                index = end
                continue
            }
            if Self.hasPrefix(bytes, Self.commentOpen, at: index) {
                let end = Self.find(bytes, Self.commentClose, from: index + 4).map { $0 + 3 } ?? bytes.count
                advanceLines(to: end)
                index = end
                continue
            }
            guard let tagEnd = Self.tagEnd(bytes, from: index) else { break }
            if index + 1 < bytes.count, bytes[index + 1] == 0x2F || bytes[index + 1] == 0x3F || bytes[index + 1] == 0x21 {
                // A stray end tag, a processing instruction or a declaration: nothing to read.
                advanceLines(to: tagEnd + 1)
                index = tagEnd + 1
                continue
            }
            var inner = bytes[(index + 1)..<tagEnd]
            let selfClosing = inner.last == 0x2F
            if selfClosing { inner = inner.dropLast() }
            let (name, attributes) = Self.parseTag(inner)
            let startLine = line
            if selfClosing || name.isEmpty {
                if !name.isEmpty { result.append(XMLElement(name: name, attributes: attributes, content: [], line: startLine, inherited: namespaces)) }
                advanceLines(to: tagEnd + 1)
                index = tagEnd + 1
                continue
            }
            guard let (contentEnd, closeEnd) = Self.matchingClose(bytes, name: name, from: tagEnd + 1) else {
                warn(startLine, "<\(name)> is not closed: read to the end of its record")
                result.append(XMLElement(name: name, attributes: attributes, content: Array(bytes[(tagEnd + 1)...]), line: startLine, inherited: namespaces))
                break
            }
            result.append(XMLElement(name: name, attributes: attributes, content: Array(bytes[(tagEnd + 1)..<contentEnd]), line: startLine, inherited: namespaces))
            advanceLines(to: closeEnd)
            index = closeEnd
        }
        return result
    }

    /// The first child of that name.
    func child(_ name: String, in children: [XMLElement]) -> XMLElement? { children.first { $0.name == name } }

    // MARK: Text

    /// The element's text: CDATA sections as they are, other text with its entities decoded,
    /// Windows line ends made `\n`, characters XML forbids left out. A raw `]]>` inside CDATA
    /// (which strict parsers refuse) is read as WordPress's fallback parser reads it: the outer
    /// CDATA markers removed, the inner ones kept.
    func text(warn: (Int, String) -> Void) -> String {
        let bytes = content
        var result = ""
        var index = 0
        var sawRawClose = false
        var unknownEntities = false
        while index < bytes.count {
            if Self.hasPrefix(bytes, Self.cdataOpen, at: index) {
                let start = index + Self.cdataOpen.count
                let end = Self.find(bytes, Self.cdataClose, from: start) ?? bytes.count
                result += String(decoding: bytes[start..<end], as: UTF8.self)
                index = min(bytes.count, end + 3)
                continue
            }
            if Self.hasPrefix(bytes, Self.commentOpen, at: index) {
                index = Self.find(bytes, Self.commentClose, from: index + 4).map { $0 + 3 } ?? bytes.count
                continue
            }
            // Text up to the next CDATA or comment.
            var end = index
            while end < bytes.count, !(bytes[end] == 0x3C && (Self.hasPrefix(bytes, Self.cdataOpen, at: end) || Self.hasPrefix(bytes, Self.commentOpen, at: end))) {
                end += 1
            }
            let segment = String(decoding: bytes[index..<end], as: UTF8.self)
            if segment.utf8Contains("]]>") { sawRawClose = true }
            let decoded = XMLText.decodeEntities(segment)
            if decoded.unknown { unknownEntities = true }
            result += decoded.text
            index = end
        }
        if sawRawClose {
            // WordPress's regex parser: the value between the first `<![CDATA[` and the last `]]>`.
            let whole = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if whole.hasPrefix("<![CDATA["), whole.hasSuffix("]]>") {
                result = String(whole.dropFirst(9).dropLast(3))
                warn(line, "<\(name)> has a raw ]]> inside its CDATA: read as WordPress reads it")
            }
        }
        if unknownEntities { warn(line, "<\(name)> has entities XML does not define: kept as written") }
        return Self.clean(result, name: name, line: line, warn: warn)
    }

    /// CRLF and CR → LF; characters XML forbids (controls but tab and line ends, U+FFFE,
    /// U+FFFF) left out with a warning.
    static func clean(_ text: String, name: String, line: Int, warn: (Int, String) -> Void) -> String {
        var text = text
        if text.utf8.contains(0x0D) {
            text = text.utf8Replacing("\r\n", with: "\n").utf8Replacing("\r", with: "\n")
        }
        let forbidden = text.unicodeScalars.contains { scalar in
            (scalar.value < 0x20 && scalar.value != 0x09 && scalar.value != 0x0A) || scalar.value == 0xFFFE || scalar.value == 0xFFFF
        }
        if forbidden {
            warn(line, "<\(name)> has characters XML forbids: left out")
            text = String(
                String.UnicodeScalarView(
                    text.unicodeScalars.filter { !(($0.value < 0x20 && $0.value != 0x09 && $0.value != 0x0A) || $0.value == 0xFFFE || $0.value == 0xFFFF) }))
        }
        return text
    }

    // MARK: Scanning

    static func hasPrefix(_ bytes: [UInt8], _ prefix: [UInt8], at index: Int) -> Bool {
        guard bytes.count - index >= prefix.count else { return false }
        for k in 0..<prefix.count where bytes[index + k] != prefix[k] { return false }
        return true
    }

    static func find(_ bytes: [UInt8], _ needle: [UInt8], from: Int) -> Int? {
        guard from <= bytes.count - needle.count else { return nil }
        var index = from
        while index <= bytes.count - needle.count {
            if hasPrefix(bytes, needle, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// The index of the `>` ending the tag at `from`, quotes respected.
    static func tagEnd(_ bytes: [UInt8], from: Int) -> Int? {
        var quote: UInt8?
        var index = from + 1
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == 0x22 || byte == 0x27 {
                quote = byte
            } else if byte == 0x3E {
                return index
            } else if byte == 0x3C {
                // A `<` before the `>`: not a tag.
                return nil
            }
            index += 1
        }
        return nil
    }

    static func isNameEnd(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index < bytes.count else { return true }
        let byte = bytes[index]
        return byte == 0x3E || byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x2F
    }

    /// Where the content of `<name>` ends and its end tag's `>` is, counting nested elements of
    /// the same name and skipping CDATA and comments.
    static func matchingClose(_ bytes: [UInt8], name: String, from: Int) -> (Int, Int)? {
        let open = Array("<\(name)".utf8)
        let close = Array("</\(name)".utf8)
        var depth = 1
        var index = from
        while index < bytes.count {
            if bytes[index] != 0x3C {
                index += 1
                continue
            }
            if hasPrefix(bytes, cdataOpen, at: index) {
                guard let end = find(bytes, cdataClose, from: index + cdataOpen.count) else { return nil }
                index = end + 3
                continue
            }
            if hasPrefix(bytes, commentOpen, at: index) {
                guard let end = find(bytes, commentClose, from: index + 4) else { return nil }
                index = end + 3
                continue
            }
            if hasPrefix(bytes, close, at: index), isNameEnd(bytes, at: index + close.count) {
                depth -= 1
                if depth == 0 {
                    guard let end = find(bytes, [0x3E], from: index) else { return nil }
                    return (index, end + 1)
                }
            } else if hasPrefix(bytes, open, at: index), isNameEnd(bytes, at: index + open.count) {
                if let end = tagEnd(bytes, from: index), bytes[end - 1] != 0x2F { depth += 1 }
            }
            index += 1
        }
        return nil
    }
}

/// XML's five entities and character references.
enum XMLText {
    static func decodeEntities(_ text: String) -> (text: String, unknown: Bool) {
        guard text.contains("&") else { return (text, false) }
        var result = ""
        var unknown = false
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(12).firstIndex(of: ";") else {
                result += "&"
                rest = after
                unknown = true
                continue
            }
            let entity = after[..<semicolon]
            var replacement: String?
            switch entity {
            case "lt": replacement = "<"
            case "gt": replacement = ">"
            case "amp": replacement = "&"
            case "quot": replacement = "\""
            case "apos": replacement = "'"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let value = UInt32(entity.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value) {
                    replacement = String(Character(scalar))
                } else if entity.hasPrefix("#"), let value = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(value) {
                    replacement = String(Character(scalar))
                }
            }
            if let replacement {
                result += replacement
            } else {
                result += "&" + entity + ";"
                unknown = true
            }
            rest = after[after.index(after: semicolon)...]
        }
        result += rest
        return (result, unknown)
    }
}
