/// Small, exact conversions between plain text and HTML.
public enum HTMLText {
    /// Text made safe inside HTML elements and double-quoted attributes.
    ///
    /// Works on UTF-8 bytes: the five special characters are ASCII and never occur inside a
    /// multi-byte sequence, and most Arabic text has none of them, so it is returned as is.
    public static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: { isSpecial($0) }) else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            output.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
                default: output.append(byte)
                }
            }
            return String(decoding: output, as: UTF8.self)
        } ?? text
    }

    @inline(__always)
    static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'")
    }

    /// Paragraphs of plain text as `<p>` elements, one per line.
    public static func paragraphs(_ paragraphs: [String]) -> String {
        paragraphs.map { "<p>" + escape($0) + "</p>" }.joined(separator: "\n")
    }

    /// The text of trusted HTML (Minbar's own sanitized bodies): tags dropped, block ends as
    /// spaces, the common entities decoded, runs of white space collapsed.
    public static func plainText(fromHTML html: String) -> String {
        // One pass over the bytes (tags, entities and white space together), one String at the
        // end: this runs over every body that is indexed and every search hit's body.
        var html = html
        return html.withUTF8 { input -> String in
            var output: [UInt8] = []
            output.reserveCapacity(input.count)
            var insideTag = false
            var pendingSpace = false
            var index = 0
            func emit(_ bytes: UnsafeBufferPointer<UInt8>.SubSequence, isSpace: Bool) {
                if isSpace {
                    pendingSpace = !output.isEmpty
                    return
                }
                if pendingSpace {
                    output.append(UInt8(ascii: " "))
                    pendingSpace = false
                }
                output.append(contentsOf: bytes)
            }
            while index < input.count {
                let byte = input[index]
                if insideTag {
                    if byte == UInt8(ascii: ">") {
                        insideTag = false
                        pendingSpace = !output.isEmpty
                    }
                    index += 1
                    continue
                }
                // A run of bytes that are copied as they are: ASCII other than markup and space,
                // and the Arabic block (lead bytes D8–DB and their continuation bytes).
                let runStart = index
                while index < input.count {
                    let next = input[index]
                    guard (0x21...0x7E).contains(next) || (0x80...0xBF).contains(next) || (0xD8...0xDB).contains(next),
                        next != UInt8(ascii: "<"), next != UInt8(ascii: "&")
                    else { break }
                    index += 1
                }
                if index > runStart {
                    emit(input[runStart..<index], isSpace: false)
                    continue
                }
                if byte == UInt8(ascii: "<") {
                    insideTag = true
                    index += 1
                    continue
                }
                if byte == UInt8(ascii: "&"), let (scalar, end) = entity(in: input, at: index) {
                    var encoded: [UInt8] = []
                    encoded.append(contentsOf: String(scalar).utf8)
                    encoded.withUnsafeBufferPointer { emit($0[...], isSpace: isWhitespace(scalar)) }
                    index = end
                    continue
                }
                let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                let end = min(index + length, input.count)
                let isSpace: Bool
                switch byte {
                case 0x09...0x0D, 0x20: isSpace = true
                case 0x00..<0x80: isSpace = false
                default:
                    isSpace = String(decoding: input[index..<end], as: UTF8.self).unicodeScalars.first.map(isWhitespace) ?? false
                }
                emit(input[index..<end], isSpace: isSpace)
                index = end
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// The entity starting at `start` (`&name;`, at most 12 bytes with both marks) and the index
    /// after it, if it is one `decodeEntity` knows.
    static func entity(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (Unicode.Scalar, Int)? {
        var semicolon = start + 1
        while semicolon < min(bytes.count, start + 12), bytes[semicolon] != UInt8(ascii: ";") { semicolon += 1 }
        guard semicolon < bytes.count, bytes[semicolon] == UInt8(ascii: ";") else { return nil }
        let name = String(decoding: bytes[(start + 1)..<semicolon], as: UTF8.self)
        guard let character = decodeEntity(Substring(name)), let scalar = character.unicodeScalars.first else { return nil }
        return (scalar, semicolon + 1)
    }

    /// Unicode whitespace, answered without a property lookup for ASCII and the Arabic block
    /// (most of what an article is made of).
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20: return true
        case 0x21...0x7E, 0x0600...0x06FF: return false
        default: return scalar.properties.isWhitespace
        }
    }

    /// Decodes the named entities Minbar writes and numeric ones.
    public static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        // Scalars, not Characters: grapheme breaking over Arabic text is slow.
        let scalars = text.unicodeScalars
        var result = String.UnicodeScalarView()
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "&", let semicolon = scalars[index...].prefix(12).firstIndex(of: ";") {
                let name = Substring(scalars[scalars.index(after: index)..<semicolon])
                if let decoded = decodeEntity(name) {
                    result.append(contentsOf: String(decoded).unicodeScalars)
                    index = scalars.index(after: semicolon)
                    continue
                }
            }
            result.append(scalar)
            index = scalars.index(after: index)
        }
        return String(result)
    }

    static func decodeEntity(_ name: Substring) -> Character? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return "\u{00A0}"
        default:
            if name.hasPrefix("#x") || name.hasPrefix("#X"), let value = UInt32(name.dropFirst(2), radix: 16) {
                return Unicode.Scalar(value).map(Character.init)
            }
            if name.hasPrefix("#"), let value = UInt32(name.dropFirst()) {
                return Unicode.Scalar(value).map(Character.init)
            }
            return nil
        }
    }
}

/// Excerpts made from an article's text when the editor wrote none.
public enum ArticleExcerpt {
    /// The first `maximumWords` words of the text, with an ellipsis when cut.
    public static func make(fromText text: String, maximumWords: Int = 35) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace })
        guard words.count > maximumWords else { return words.joined(separator: " ") }
        return words.prefix(maximumWords).joined(separator: " ") + "…"
    }

    /// The excerpt of an HTML body.
    public static func make(fromHTML html: String, maximumWords: Int = 35) -> String {
        make(fromText: HTMLText.plainText(fromHTML: html), maximumWords: maximumWords)
    }
}
