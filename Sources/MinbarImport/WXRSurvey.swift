import Foundation
import MinbarCore
import MinbarMarkup

/// What an export holds and what importing it would change, read in one streaming pass without
/// writing anything: the report of `minbar import wxr --dry-run`.
public struct WXRSurvey: Sendable {
    public var site = WXRSite()
    /// Items by post type, then by status: `post` → `publish` → 120.
    public var items: [String: [String: Int]] = [:]
    public var terms: [String: Int] = [:]
    public var authors = 0
    /// Comments by state (`1`, `0`, `spam`, `trash`) and pingbacks/trackbacks apart.
    public var comments: [String: Int] = [:]
    public var pingbacks = 0
    public var stickyPosts = 0
    public var passwordProtected = 0
    public var attachments = 0
    /// Bodies the sanitizer changed because they carried script: WordPress IDs.
    public var scriptsRemoved: [Int] = []
    /// What the content conversion noted, with the WordPress ID of each item.
    public var contentNotes: [(id: Int, note: String)] = []
    public var warnings: [WXRWarning] = []
    public var bytes = 0
    public var seconds = 0.0

    public var itemCount: Int { items.values.reduce(0) { $0 + $1.values.reduce(0, +) } }

    /// Reads the whole export; `progress` gets (bytes read, total bytes) now and then.
    public static func read(_ url: URL, progress: (Int, Int) -> Void = { _, _ in }) throws -> WXRSurvey {
        let started = Date()
        let reader = try WXRReader(contentsOf: url)
        var survey = WXRSurvey()
        var lastReport = 0
        while let record = try reader.next() {
            switch record {
            case .site(let site): survey.site = site
            case .author: survey.authors += 1
            case .term(let term): survey.terms[term.taxonomy, default: 0] += 1
            case .item(let item): survey.add(item)
            }
            if reader.bytesRead - lastReport > 1_000_000 {
                lastReport = reader.bytesRead
                progress(reader.bytesRead, reader.totalBytes)
            }
        }
        progress(reader.totalBytes, reader.totalBytes)
        survey.warnings = reader.warnings
        survey.bytes = reader.totalBytes
        survey.seconds = Date().timeIntervalSince(started)
        return survey
    }

    static let scriptPattern = try! NSRegularExpression(pattern: "<script\\b|\\son[a-z]+\\s*=|javascript:", options: [.caseInsensitive])

    mutating func add(_ item: WXRItem) {
        let type = item.postType.isEmpty ? "post" : item.postType
        let status = item.status.isEmpty ? "publish" : item.status
        items[type, default: [:]][status, default: 0] += 1
        if type == "attachment" { attachments += 1 }
        if item.isSticky { stickyPosts += 1 }
        if !item.password.isEmpty { passwordProtected += 1 }
        for comment in item.comments {
            if comment.type == "pingback" || comment.type == "trackback" {
                pingbacks += 1
            } else {
                comments[comment.approved.isEmpty ? "1" : comment.approved, default: 0] += 1
            }
        }
        guard type == "post" || type == "page" else { return }
        let id = item.postID ?? 0
        let converted = WordPressContent.html(from: item.content)
        for note in converted.notes { contentNotes.append((id, note)) }
        let html = converted.html
        // Script needs a `<script>` element, an `on…=` attribute or a `javascript:` address (in an attribute, after an `=`).
        guard html.utf8Contains("=") || html.lowercased().utf8Contains("<script") else { return }
        if Self.scriptPattern.firstMatch(in: html, range: NSRange(html.startIndex..., in: html)) != nil {
            let clean = HTMLSanitizer.sanitize(html)
            if Self.scriptPattern.firstMatch(in: clean, range: NSRange(clean.startIndex..., in: clean)) == nil { scriptsRemoved.append(id) }
        }
    }

    /// The report, as `minbar import wxr --dry-run` prints it.
    public func report(limit: Int = 20) -> String {
        var lines: [String] = []
        let title = site.title.isEmpty ? "(no title)" : site.title
        lines.append("WordPress export of «\(title)» \(site.baseBlogURL.isEmpty ? site.link : site.baseBlogURL), WXR \(site.wxrVersion ?? "?")")
        lines.append(String(format: "read %.1f MB in %.1f s (%.0f items/s)", Double(bytes) / 1_048_576, seconds, Double(itemCount) / max(seconds, 0.001)))
        for type in items.keys.sorted() {
            let statuses = items[type]!.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            lines.append("  \(type): \(items[type]!.values.reduce(0, +)) (\(statuses))")
        }
        lines.append("  terms: " + (terms.isEmpty ? "none" : terms.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))
        lines.append("  authors: \(authors)")
        let commentStates = comments.sorted { $0.key < $1.key }.map { "\(Self.commentState($0.key)) \($0.value)" }.joined(separator: ", ")
        lines.append("  comments: \(comments.values.reduce(0, +))" + (commentStates.isEmpty ? "" : " (\(commentStates))") + "; pingbacks and trackbacks: \(pingbacks)")
        lines.append("  sticky: \(stickyPosts); with a password: \(passwordProtected); attachments: \(attachments)")
        if !scriptsRemoved.isEmpty {
            lines.append("script removed by the sanitizer (WordPress IDs): " + scriptsRemoved.prefix(limit).map(String.init).joined(separator: ", ")
                + (scriptsRemoved.count > limit ? " and \(scriptsRemoved.count - limit) more" : ""))
        }
        if !contentNotes.isEmpty {
            lines.append("content changed or left out:")
            for (id, note) in contentNotes.prefix(limit) { lines.append("  post \(id): \(note)") }
            if contentNotes.count > limit { lines.append("  and \(contentNotes.count - limit) more") }
        }
        if !warnings.isEmpty {
            lines.append("read in spite of problems:")
            for warning in warnings.prefix(limit) { lines.append("  \(warning)") }
            if warnings.count > limit { lines.append("  and \(warnings.count - limit) more") }
        }
        return lines.joined(separator: "\n")
    }

    static func commentState(_ value: String) -> String {
        switch value {
        case "1": "approved"
        case "0": "pending"
        default: value
        }
    }
}
