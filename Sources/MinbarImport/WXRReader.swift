import Foundation

/// Reads a WordPress export (WXR 1.0–1.2) one record at a time, holding only the record being
/// read: memory stays flat whatever the file's size.
///
/// It reads what real exports carry the way WordPress's own fallback parser does, with a warning
/// where a strict XML parser would stop: a raw `]]>` inside CDATA, characters XML forbids,
/// Windows line ends, unknown entities. It refuses what must not be read: a DOCTYPE or entity
/// declaration (XXE, billion laughs), a file that is not a WXR export, and a file that ends
/// before its last element closes (truncated), naming the line and column.
///
/// ```swift
/// let reader = try WXRReader(contentsOf: url)
/// while let record = try reader.next() {
///     switch record { case .item(let item): … default: break }
/// }
/// ```
public final class WXRReader {
    public enum Record: Sendable {
        /// The channel's details: comes once, before the first author, term or item.
        case site(WXRSite)
        case author(WXRAuthor)
        case term(WXRTerm)
        case item(WXRItem)
    }

    /// What was read in spite of a problem.
    public private(set) var warnings: [WXRWarning] = []
    /// How far into the file reading has got (for a progress bar).
    public var bytesRead: Int { consumedBytes + offset }
    public let totalBytes: Int

    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var offset = 0
    private var consumedBytes = 0
    private var atEndOfFile = false
    /// Line and column of `offset` (1-based), kept as reading moves on.
    private var line = 1
    private var lineStart = 0  // buffer index where the current line starts (may be negative after compaction)
    private var counted = 0  // buffer index up to which lines are counted

    private var inRoot = false
    private var inChannel = false
    private var finished = false
    private var site = WXRSite()
    private var siteSent = false
    private var readVersion = false
    /// Namespaces declared on `<rss>` and `<channel>`.
    private var namespaces: [String: String] = [:]

    /// The largest record read (a post with its comments); a bigger one is not an export.
    static let maximumRecordBytes = 256 * 1024 * 1024
    static let chunkBytes = 1 << 20

    public init(contentsOf url: URL) throws {
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw WXRError(line: 0, column: 0, message: "cannot open \(url.path): \(error.localizedDescription)")
        }
        totalBytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
    }

    deinit { try? handle.close() }

    /// The next record, or nil at the end of the export.
    public func next() throws -> Record? {
        if let pending {
            self.pending = nil
            return pending
        }
        while !finished {
            compact()
            guard try skipToMarkup() else {
                if !inRoot { throw error(at: offset, "this is not a WordPress export: no <rss> element was found") }
                throw error(at: offset, "the file ends before </rss>: it was cut off (an interrupted download or export?)")
            }
            let start = offset
            if try matches("<?") {
                try skip(past: "?>", from: start, what: "<?…?>")
                continue
            }
            if try matches("<!--") {
                try skip(past: "-->", from: start, what: "comment")
                continue
            }
            if try matches("<!DOCTYPE") || matches("<!doctype") || matches("<!ENTITY") {
                throw error(at: start, "the file declares a DOCTYPE or entities, which a WordPress export never does (and which can read files from the server): refused")
            }
            if try matches("<![CDATA[") {
                try skip(past: "]]>", from: start, what: "CDATA")
                continue
            }
            if try matches("</") {
                let name = try closingName(at: start)
                switch name {
                case "channel" where inChannel: inChannel = false
                case "rss" where inRoot && !inChannel:
                    inRoot = false
                    finished = true
                    try? handle.close()
                    if !siteSent { return try siteRecord() }
                    return nil
                default: throw error(at: start, "</\(name)> closes nothing that is open here")
                }
                continue
            }
            let (name, attributes, selfClosing, end) = try startTag(at: start)
            if !inRoot {
                guard name == "rss" else { throw error(at: start, "this is not a WordPress export: it starts with <\(name)>, not <rss>") }
                inRoot = true
                namespaces = XMLElement(name: name, attributes: attributes, content: [], line: 1, inherited: [:]).namespaces
                offset = end
                continue
            }
            if !inChannel {
                guard name == "channel" else { throw error(at: start, "<\(name)> where a WordPress export has <channel>") }
                inChannel = true
                namespaces = XMLElement(name: name, attributes: attributes, content: [], line: 1, inherited: namespaces).namespaces
                offset = end
                continue
            }
            if selfClosing {
                offset = end
                continue
            }
            let block = try element(named: name, attributes: attributes, openedAt: start, contentStart: end)
            switch block.name {
            case "item":
                if !siteSent { return try siteRecordThenKeep(.item(try WXRItem(block, reader: self))) }
                return .item(try WXRItem(block, reader: self))
            case "wp:author":
                let author = WXRAuthor(block, reader: self)
                if !siteSent { return try siteRecordThenKeep(.author(author)) }
                return .author(author)
            case "wp:category", "wp:tag", "wp:term":
                let term = WXRTerm(block, kind: block.name, reader: self)
                if !siteSent { return try siteRecordThenKeep(.term(term)) }
                return .term(term)
            case let other where other.hasSuffix("}author") || other.hasSuffix("}item") || other.hasSuffix("}term") || other.hasSuffix("}category") || other.hasSuffix("}tag"):
                warn(line: block.line, "<\(block.qualifiedName)> is not in WordPress's namespace: left out")
            default:
                readChannelField(block)
            }
        }
        return nil
    }

    private var pending: Record?

    /// The site record now, the record just read at the next call.
    private func siteRecordThenKeep(_ record: Record) throws -> Record {
        let site = try siteRecord()
        pending = record
        return site
    }

    private func siteRecord() throws -> Record {
        siteSent = true
        try checkVersion()
        if site.wxrVersion == nil {
            warn(line: line, "the export has no <wp:wxr_version>: read as WXR 1.2")
        }
        return .site(site)
    }

    private func readChannelField(_ block: XMLElement) {
        let value = block.text(warn: warn(line:_:)).trimmingCharacters(in: .whitespacesAndNewlines)
        switch block.name {
        case "title": site.title = value
        case "link": site.link = value
        case "description": site.description = value
        case "language": site.language = value
        case "wp:base_site_url": site.baseSiteURL = value
        case "wp:base_blog_url": site.baseBlogURL = value
        case "wp:wxr_version":
            site.wxrVersion = value
        default: break
        }
    }

    /// Checks the version once it is known: WordPress refuses an export whose version is not a number.
    func checkVersion() throws {
        guard !readVersion else { return }
        readVersion = true
        if let version = site.wxrVersion, Double(version) == nil || !version.allSatisfy({ $0.isNumber || $0 == "." }) {
            throw WXRError(line: 0, column: 0, message: "the export's WXR version «\(version)» is not a version number: this does not look like a WordPress export")
        }
    }

    func warn(line: Int, _ message: String) {
        if warnings.count < 10_000 { warnings.append(WXRWarning(line: line, message: message)) }
    }

    // MARK: Bytes

    /// Makes sure `count` bytes from `offset` are in the buffer (fewer at the end of the file).
    private func ensure(_ count: Int) throws -> Bool {
        while buffer.count - offset < count {
            if atEndOfFile { return false }
            try readChunk()
        }
        return true
    }

    /// Drops what was read already: only between records, so that indexes into the buffer stay
    /// good while one is read.
    private func compact() {
        guard offset > Self.chunkBytes else { return }
        countLines(upTo: offset)
        buffer.removeFirst(offset)
        consumedBytes += offset
        lineStart -= offset
        counted -= offset
        offset = 0
    }

    private func readChunk() throws {
        let data: Data?
        do {
            data = try handle.read(upToCount: Self.chunkBytes)
        } catch {
            throw WXRError(line: line, column: 0, message: "the file could not be read: \(error.localizedDescription)")
        }
        guard let data, !data.isEmpty else {
            atEndOfFile = true
            return
        }
        buffer.append(contentsOf: data)
    }

    private func countLines(upTo index: Int) {
        guard index > counted else { return }
        var position = counted
        while position < index {
            if buffer[position] == 0x0A {
                line += 1
                lineStart = position + 1
            }
            position += 1
        }
        counted = index
    }

    /// Line and column of a buffer index (at or after the last one asked for, or within the
    /// buffer behind it).
    func position(of index: Int) -> (line: Int, column: Int) {
        if index >= counted {
            countLines(upTo: index)
            return (line, index - lineStart + 1)
        }
        var lineNumber = line
        var position = counted - 1
        while position >= index {
            if buffer[position] == 0x0A { lineNumber -= 1 }
            position -= 1
        }
        var back = index - 1
        while back >= 0, buffer[back] != 0x0A { back -= 1 }
        return (lineNumber, index - back)
    }

    func error(at index: Int, _ message: String) -> WXRError {
        let (line, column) = position(of: index)
        return WXRError(line: line, column: column, message: message)
    }

    /// Moves to the next `<`, skipping text; false at the end of the file.
    private func skipToMarkup() throws -> Bool {
        while true {
            while offset < buffer.count {
                if buffer[offset] == 0x3C { return true }
                offset += 1
            }
            if atEndOfFile { return false }
            try readChunk()
        }
    }

    private func matches(_ text: String) throws -> Bool {
        let bytes = Array(text.utf8)
        guard try ensure(bytes.count) else { return false }
        for (index, byte) in bytes.enumerated() where buffer[offset + index] != byte { return false }
        return true
    }

    /// The index of `needle` at or after `from`, reading more as needed; nil at the end of the file.
    private func find(_ needle: [UInt8], from: Int) throws -> Int? {
        var position = from
        while true {
            let limit = buffer.count - needle.count
            if position <= limit {
                let first = needle[0]
                var index = position
                while index <= limit {
                    if buffer[index] == first {
                        var same = true
                        for k in 1..<needle.count where buffer[index + k] != needle[k] {
                            same = false
                            break
                        }
                        if same { return index }
                    }
                    index += 1
                }
                position = limit + 1
            }
            if atEndOfFile { return nil }
            if buffer.count - offset > Self.maximumRecordBytes {
                throw error(at: offset, "a record larger than \(Self.maximumRecordBytes / 1_048_576) MB: this is not a WordPress export, or it is damaged")
            }
            try readChunk()
        }
    }

    private func skip(past terminator: String, from start: Int, what: String) throws {
        guard let index = try find(Array(terminator.utf8), from: offset) else {
            throw error(at: start, "a \(what) that never ends: the file was cut off")
        }
        offset = index + terminator.utf8.count
    }

    private func closingName(at start: Int) throws -> String {
        guard let end = try find([0x3E], from: start) else { throw error(at: start, "a closing tag that never ends: the file was cut off") }
        let name = String(decoding: buffer[(start + 2)..<end], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        offset = end + 1
        return name
    }

    /// A start tag at `start`: its name, attributes, whether it closes itself, and the index after it.
    private func startTag(at start: Int) throws -> (String, [String: String], Bool, Int) {
        var position = start + 1
        var quote: UInt8?
        while true {
            if position >= buffer.count {
                if atEndOfFile { throw error(at: start, "a tag that never ends: the file was cut off") }
                try readChunk()
                continue
            }
            let byte = buffer[position]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == 0x22 || byte == 0x27 {
                quote = byte
            } else if byte == 0x3E {
                break
            }
            position += 1
        }
        let tagStart = start
        let inner = buffer[(tagStart + 1)..<position]
        let selfClosing = inner.last == 0x2F
        let (name, attributes) = XMLElement.parseTag(selfClosing ? inner.dropLast() : inner[...])
        guard !name.isEmpty else { throw error(at: tagStart, "a «<» that starts no tag: escape it as &lt;") }
        return (name, attributes, selfClosing, position + 1)
    }

    /// The element whose start tag ends at `contentStart`, up to its matching end tag (found as
    /// `XMLElement` finds a child's: CDATA and comments skipped, nested elements of the same
    /// name counted). While the end is not in the buffer, reading goes on, doubling what is
    /// held each time, so a long record is scanned a few times, not once per piece.
    private func element(named name: String, attributes: [String: String], openedAt start: Int, contentStart: Int) throws -> XMLElement {
        let startLine = position(of: start).line
        while true {
            if let (contentEnd, closeEnd) = XMLElement.matchingClose(buffer, name: name, from: contentStart) {
                offset = closeEnd
                return XMLElement(
                    name: name, attributes: attributes, content: Array(buffer[contentStart..<contentEnd]), line: startLine, inherited: namespaces)
            }
            if atEndOfFile { throw error(at: start, "<\(name)> is never closed: the file was cut off or is damaged") }
            let target = buffer.count + max(Self.chunkBytes, buffer.count - start)
            while buffer.count < target, !atEndOfFile {
                if buffer.count - offset > Self.maximumRecordBytes {
                    throw error(at: start, "a record larger than \(Self.maximumRecordBytes / 1_048_576) MB: this is not a WordPress export, or it is damaged")
                }
                try readChunk()
            }
        }
    }
}

/// A problem met and read past.
public struct WXRWarning: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { line > 0 ? "line \(line): \(message)" : message }
}

/// Why an export was refused.
public struct WXRError: Error, Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String
    public var description: String { line > 0 ? "line \(line), column \(column): \(message)" : message }
}
