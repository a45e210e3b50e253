import Foundation
import Hummingbird
import HummingbirdTesting
import MinbarCore
import MinbarDemo
import MinbarSQLite
import NIOCore
import Synchronization

@testable import MinbarWeb

/// A clock tests move by hand.
final class TestClock: Sendable {
    private let value: Mutex<Date>
    init(_ date: Date) { value = Mutex(date) }
    var now: Date { value.withLock { $0 } }
    func advance(by seconds: TimeInterval) { value.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// The demo site on a real SQLite file, served in process.
struct TestSite {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15
    static let themeDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../themes/default").standardized.path

    let store: SQLiteContentStore
    let site: PublicSite
    let clock: TestClock

    /// A demo site; `configure` changes its settings before the site starts.
    static func demo(
        themeDirectory: String = themeDirectory, configuration: WebConfiguration = WebConfiguration(),
        configure: (inout SiteSettings) -> Void = { _ in }
    ) async throws -> TestSite {
        let clock = TestClock(start)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("minbar-web-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let store = SQLiteContentStore(database: try AppDatabase(path: directory + "/minbar.sqlite"), now: { clock.now })
        try await DemoSite.install(into: store, now: start)
        var settings = try await store.siteSettings()
        configure(&settings)
        try await store.saveSiteSettings(settings)
        let theme = try await Theme(directory: themeDirectory)
        let site = try await PublicSite(store: store, search: store, theme: theme, configuration: configuration, clock: { clock.now })
        return TestSite(store: store, site: site, clock: clock)
    }

    var app: some ApplicationProtocol { buildApplication(site: site) }

    /// The seed article as stored.
    func seedArticle() async throws -> Article {
        let title = try DemoSite.seedFixture().article.title
        let page = try await store.articles(matching: ArticleQuery.published(at: clock.now).page(1, perPage: 100))
        let summary = page.articles.first { $0.title == title }!
        return try await store.article(id: summary.id)!
    }

    /// Publishes an article in the first section (a minute ago unless `at` says otherwise) and,
    /// unless `tellingTheSite` is false, tells the public site as the admin does.
    @discardableResult
    func publish(
        _ title: String, html: String, slug: String = "", at date: Date? = nil, tellingTheSite: Bool = true
    ) async throws -> Article {
        let categories = try await store.categories()
        let article = try await store.saveArticle(
            ArticleInput(
                title: title, slug: slug, body: ArticleBody(html: html), status: .published,
                publishedAt: date ?? clock.now.addingTimeInterval(-60), primaryCategoryID: categories[0].id))
        if tellingTheSite { try await site.contentChanged() }
        return article
    }

    /// The path of an article, percent-encoded as a browser sends it.
    func path(of article: Article) async throws -> String {
        let settings = try await store.siteSettings()
        return settings.permalink.encodedPath(for: article, timeZone: settings.resolvedTimeZone)
    }
}

/// What a test reads from a response.
struct Page {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let body: String

    init(_ response: TestResponse) {
        status = response.status
        headers = response.headers
        body = String(buffer: response.body)
    }
}

extension TestClientProtocol {
    /// GET (or another method) and keep what tests look at.
    func page(_ uri: String, method: HTTPRequest.Method = .get, headers: HTTPFields = [:]) async throws -> Page {
        try await execute(uri: uri, method: method, headers: headers) { Page($0) }
    }
}

/// The text a reader meets in a page, in document order: text between tags (entities decoded)
/// and the accessible names given by aria-label, one per line.
enum ReadableText {
    static func lines(of html: String) -> [String] {
        var lines: [String] = []
        var text = ""
        var index = html.startIndex
        func flush() {
            let trimmed = HTMLDecode.entities(text).trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { lines.append(trimmed) }
            text = ""
        }
        while index < html.endIndex {
            if html[index] == "<", let end = html[index...].firstIndex(of: ">") {
                let tag = html[index...end]
                if tag.hasPrefix("<script") || tag.hasPrefix("<style") {
                    let closing = tag.hasPrefix("<script") ? "</script>" : "</style>"
                    index = html[end...].range(of: closing)?.upperBound ?? html.endIndex
                    continue
                }
                flush()
                if let label = tag.range(of: "aria-label=\"") {
                    let rest = tag[label.upperBound...]
                    if let close = rest.firstIndex(of: "\"") { lines.append(HTMLDecode.entities(String(rest[..<close]))) }
                }
                index = html.index(after: end)
            } else {
                text.append(html[index])
                index = html.index(after: index)
            }
        }
        flush()
        return lines
    }
}

enum HTMLDecode {
    static func entities(_ text: String) -> String { MinbarCore.HTMLText.decodeEntities(text) }
}

extension String {
    /// Number of non-overlapping occurrences.
    func occurrences(of needle: String) -> Int { components(separatedBy: needle).count - 1 }

    /// The text between the first `start` and the next `end` after it.
    func between(_ start: String, _ end: String) -> String? {
        guard let lower = range(of: start)?.upperBound, let upper = self[lower...].range(of: end)?.lowerBound else { return nil }
        return String(self[lower..<upper])
    }
}
