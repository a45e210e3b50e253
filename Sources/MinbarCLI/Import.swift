import ArgumentParser
import Foundation
import MinbarArabic
import MinbarCore
import MinbarImport
import MinbarSQLite

/// `minbar import json FILE`: articles from JSON Lines, one per line.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import articles from another system.", subcommands: [ImportJSON.self, ImportWXR.self])
}

/// `minbar import wxr FILE --dry-run`: what a WordPress export holds and what importing it would
/// change, read in one streaming pass. (Writing it into the site is issue 16's next step.)
struct ImportWXR: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wxr",
        abstract: "Read a WordPress export (WXR) and report what it holds: counts by type and status, what would be cleaned and why.",
        discussion: """
            Reads the file in one streaming pass (memory stays flat whatever its size). A DOCTYPE or entity declaration,             a file that is not an export and a cut-off file are refused with the line and column. Only --dry-run is             available yet: importing into the site comes next.
            """)

    @Argument(help: "The WXR file WordPress exported (Tools → Export).")
    var file: String

    @Flag(name: .customLong("dry-run"), help: "Read and report; change nothing.")
    var dryRun = false

    @Option(help: "How many of each kind of note to list.")
    var limit: Int = 20

    func validate() throws {
        guard dryRun else {
            throw ValidationError("only --dry-run is available yet: `minbar import wxr \(file) --dry-run` reads the export and reports what it holds")
        }
        guard FileManager.default.isReadableFile(atPath: file) else { throw ValidationError("cannot read \(file)") }
    }

    func run() async throws {
        let bar = ProgressBar(label: "reading")
        let survey: WXRSurvey
        do {
            survey = try WXRSurvey.read(URL(fileURLWithPath: file)) { done, total in bar.update(done / 1_048_576, of: max(1, total / 1_048_576)) }
        } catch let error as WXRError {
            throw ValidationError("\(file): \(error.description)")
        }
        print(survey.report(limit: limit))
    }
}

struct ImportJSON: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "json",
        abstract: "Import JSON Lines: one article per line with slug, title, body (text or HTML), category, tags, published, author.",
        discussion: """
            Sections, tags and authors are created as needed. Good lines are imported; each bad line is reported with its \
            number and what is wrong. `published` is YYYY-MM-DD (noon in the site's time zone) or an ISO 8601 date-time.
            """)

    @OptionGroup var dataOptions: DataOptions

    @Argument(help: "The JSON Lines file.")
    var file: String

    struct Line: Decodable {
        var slug: String?
        var title: String?
        var body: String?
        var category: String?
        var tags: [String]?
        var published: String?
        var author: String?
        var excerpt: String?
    }

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("cannot read \(file)")
        }
        let store = try dataOptions.openStore()
        let settings = try await store.siteSettings()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let total = lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count
        let bar = ProgressBar(label: "import")
        var categoryIDs = Dictionary(uniqueKeysWithValues: try await store.categories().map { ($0.name, $0.id) })
        var tagIDs: [String: Int64] = [:]
        var authorIDs = Dictionary(uniqueKeysWithValues: try await store.authors().map { ($0.name, $0.id) })
        var imported = 0
        var problems: [String] = []
        var done = 0
        // Articles are saved in batches (one transaction each, analysis on every core); a batch
        // the store refuses is saved again one by one, so each bad line is named.
        var pending: [(number: Int, input: ArticleInput)] = []
        let now = Date()
        func flush() async throws {
            guard !pending.isEmpty else { return }
            defer { pending.removeAll(keepingCapacity: true) }
            do {
                imported += try await store.saveArticles(pending.map(\.input))
            } catch is MinbarCore.ValidationError, is ContentStoreError {
                for (number, input) in pending {
                    do {
                        try await store.saveArticle(input)
                        imported += 1
                    } catch let error as MinbarCore.ValidationError {
                        problems.append("line \(number): \(error.description)")
                    } catch let error as ContentStoreError {
                        problems.append("line \(number): \(error.description)")
                    }
                }
            }
        }
        for (index, raw) in lines.enumerated() {
            let text = raw.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            done += 1
            defer { bar.update(done, of: total) }
            let number = index + 1
            do {
                let line = try JSONDecoder().decode(Line.self, from: Data(text.utf8))
                guard let title = line.title, !title.trimmingCharacters(in: .whitespaces).isEmpty else {
                    problems.append("line \(number): title is missing")
                    continue
                }
                guard let body = line.body, !body.isEmpty else {
                    problems.append("line \(number): body is missing")
                    continue
                }
                guard let published = Self.date(line.published, timeZone: settings.resolvedTimeZone) else {
                    problems.append("line \(number): published must be YYYY-MM-DD or an ISO 8601 date-time (got \(line.published ?? "nothing"))")
                    continue
                }
                var categoryID: Int64?
                if let name = line.category?.trimmingCharacters(in: .whitespaces), !name.isEmpty {
                    if let id = categoryIDs[name] {
                        categoryID = id
                    } else {
                        let saved = try await store.saveCategory(CategoryInput(name: name))
                        categoryIDs[name] = saved.id
                        categoryID = saved.id
                    }
                }
                var tags: [Int64] = []
                for name in line.tags ?? [] where !name.trimmingCharacters(in: .whitespaces).isEmpty {
                    if let id = tagIDs[name] {
                        tags.append(id)
                    } else if let existing = try await store.tag(slug: Slug.make(from: name)) {
                        tagIDs[name] = existing.id
                        tags.append(existing.id)
                    } else {
                        let saved = try await store.saveTag(TagInput(name: name))
                        tagIDs[name] = saved.id
                        tags.append(saved.id)
                    }
                }
                var authors: [Int64] = []
                if let name = line.author?.trimmingCharacters(in: .whitespaces), !name.isEmpty {
                    if let id = authorIDs[name] {
                        authors.append(id)
                    } else {
                        let saved = try await store.saveAuthor(AuthorInput(name: name))
                        authorIDs[name] = saved.id
                        authors.append(saved.id)
                    }
                }
                let html = body.contains("<") ? body : HTMLText.paragraphs(
                    body.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
                let input = ArticleInput(
                    title: title, slug: line.slug ?? "", excerpt: line.excerpt ?? "", body: ArticleBody(html: html), status: .published,
                    publishedAt: published, primaryCategoryID: categoryID, tagIDs: tags, authorIDs: authors)
                _ = try input.validated(now: now)
                pending.append((number, input))
                if pending.count == 500 { try await flush() }
            } catch let error as DecodingError {
                problems.append("line \(number): not a JSON object of the expected shape (\(Self.describe(error)))")
            } catch let error as MinbarCore.ValidationError {
                problems.append("line \(number): \(error.description)")
            } catch let error as ContentStoreError {
                problems.append("line \(number): \(error.description)")
            }
        }
        try await flush()
        problems.sort { (Int($0.dropFirst(5).prefix { $0.isNumber }) ?? 0) < (Int($1.dropFirst(5).prefix { $0.isNumber }) ?? 0) }
        for problem in problems { FileHandle.standardError.write(Data((problem + "\n").utf8)) }
        print("imported \(imported) of \(total) articles into \(dataOptions.data)" + (problems.isEmpty ? "" : "; \(problems.count) lines refused (listed above)"))
    }

    static func date(_ text: String?, timeZone: TimeZone) -> Date? {
        guard let text else { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        if text.count == 10, parts.count == 3 {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            guard (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
            return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12))
        }
        return ISO8601DateFormatter().date(from: text)
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

/// `minbar reindex`: rebuilds the search index.
struct Reindex: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Rebuild the search index from the articles.")

    @OptionGroup var dataOptions: DataOptions

    func run() async throws {
        let store = try dataOptions.openStore()
        let bar = ProgressBar(label: "reindex")
        let started = Date()
        let count = try await store.rebuildSearchIndex { bar.update($0, of: $1) }
        let seconds = Date().timeIntervalSince(started)
        print("indexed \(count) articles in \(String(format: "%.1f", seconds)) s (\(Int(Double(count) / max(seconds, 0.001))) articles/s)")
    }
}

/// `minbar synonyms`: the editor-managed synonym groups of search.
struct Synonyms: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, add or remove search synonyms (داعش = تنظيم الدولة الإسلامية).",
        discussion: "minbar synonyms add \"داعش\" \"تنظيم الدولة الإسلامية\"; minbar synonyms remove داعش; minbar synonyms list")

    @OptionGroup var dataOptions: DataOptions

    @Argument(help: "list, add or remove")
    var action: String = "list"

    @Argument(help: "The phrases of the group (add) or one of them (remove).")
    var phrases: [String] = []

    func run() async throws {
        let store = try dataOptions.openStore()
        switch action {
        case "list":
            for group in try await store.synonymGroups() { print(group.joined(separator: " = ")) }
        case "add":
            try await store.saveSynonymGroup(phrases)
            print("added: " + phrases.joined(separator: " = "))
        case "remove":
            guard let phrase = phrases.first else { throw ValidationError("name a phrase of the group to remove") }
            print(try await store.deleteSynonymGroup(containing: phrase) ? "removed the group of \(phrase)" : "no group has \(phrase)")
        default:
            throw ValidationError("action is list, add or remove")
        }
    }
}
