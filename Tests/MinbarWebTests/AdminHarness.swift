import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MinbarCore
import MinbarMedia
import MinbarSQLite
import NIOCore

@testable import MinbarWeb

/// The demo site with its admin and one account of each role. Passwords are hashed at the
/// lowest bcrypt cost and failed sign-ins are not slowed, so tests stay fast.
struct AdminHarness {
    let test: TestSite
    let admin: AdminSite
    var store: SQLiteContentStore { test.store }
    static let password = "كلمة-سر-طويلة-1"

    /// Where the media library keeps its files, when the harness has one.
    var mediaRoot: URL?

    /// `withMedia`: a photo library with its files in a temporary folder.
    static func make(withMedia: Bool = false, configure: (inout AdminConfiguration) -> Void = { _ in }) async throws -> AdminHarness {
        var web = WebConfiguration()
        web.trustProxyHeaders = true
        let test = try await TestSite.demo(configuration: web)
        var configuration = AdminConfiguration()
        configuration.bcryptCost = 4
        configuration.slowdown = .zero
        configure(&configuration)
        var media: MediaService?
        var mediaRoot: URL?
        if withMedia {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("minbar-media-\(UUID().uuidString)")
            let site = test.site
            media = MediaService(library: test.store, files: try FileMediaStore(root: root), settings: { site.currentSettings })
            mediaRoot = root
        }
        let admin = try AdminSite(store: test.store, site: test.site, media: media, configuration: configuration, clock: { test.clock.now })
        let hash = PasswordHashing.hash(password, cost: 4)
        let authors = try await test.store.authors()
        for role in Role.allCases {
            try await test.store.createUser(
                email: "\(role.rawValue)@news.example", name: role.label.ar, role: role, passwordHash: hash,
                authorID: role == .author || role == .contributor ? authors.first?.id : nil)
        }
        return AdminHarness(test: test, admin: admin, mediaRoot: mediaRoot)
    }

    var app: some ApplicationProtocol { buildApplication(site: test.site, admin: admin) }

    func user(_ role: Role) async throws -> User {
        try await store.credentials(email: "\(role.rawValue)@news.example")!.user
    }
}

/// A signed-in browser: its session cookie and the CSRF token its forms carry.
struct AdminBrowser {
    var cookie: String
    var csrf: String

    var headers: HTTPFields { [.cookie: cookie] }
}

/// Form bodies as browsers send them.
enum FormBody {
    static let allowed: CharacterSet = {
        var set = CharacterSet.alphanumerics
        set.insert(charactersIn: "-._~")
        return set
    }()

    static func encode(_ fields: [(String, String)]) -> String {
        fields.map { key, value in
            (key.addingPercentEncoding(withAllowedCharacters: allowed) ?? key) + "="
                + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)
        }.joined(separator: "&")
    }
}

extension TestClientProtocol {
    /// Signs in through the form like a browser; nil when refused.
    func signIn(_ email: String, password: String = AdminHarness.password, headers extra: HTTPFields = [:]) async throws -> (AdminBrowser?, Page) {
        let form = try await execute(uri: "/admin/login", method: .get) { $0 }
        let loginCookie = form.headers[values: .setCookie].first { $0.hasPrefix("minbar_csrf=") }!.split(separator: ";")[0]
        let token = String(buffer: form.body).between("name=\"_csrf\" value=\"", "\"")!
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: String(loginCookie)]
        headers.append(contentsOf: extra)
        let body = FormBody.encode([("_csrf", token), ("email", email), ("password", password), ("next", "/admin/")])
        let response = try await execute(uri: "/admin/login", method: .post, headers: headers, body: ByteBuffer(string: body)) { $0 }
        guard let session = response.headers[values: .setCookie].first(where: { $0.hasPrefix("minbar_session=") }) else {
            return (nil, Page(response))
        }
        let cookie = String(session.split(separator: ";")[0])
        let editor = try await page("/admin/articles/new", headers: [.cookie: cookie])
        let csrf = editor.body.between("data-csrf=\"", "\"")!
        return (AdminBrowser(cookie: cookie, csrf: csrf), Page(response))
    }

    /// Signs in an account of the harness; fails the test when refused.
    func signIn(as role: Role) async throws -> AdminBrowser {
        let (browser, page) = try await signIn("\(role.rawValue)@news.example")
        guard let browser else { throw HarnessError("sign-in as \(role) refused: \(page.status)") }
        return browser
    }

    /// Posts a form as a signed-in browser (with its CSRF token unless `csrf` says otherwise).
    func post(_ uri: String, as browser: AdminBrowser, _ fields: [(String, String)], csrf: String? = nil, headers extra: HTTPFields = [:]) async throws -> Page {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: browser.cookie]
        headers.append(contentsOf: extra)
        let body = FormBody.encode([("_csrf", csrf ?? browser.csrf)] + fields)
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) { Page($0) }
    }

    func get(_ uri: String, as browser: AdminBrowser) async throws -> Page {
        try await page(uri, headers: browser.headers)
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Page {
    /// The article id of a redirect to the editor (`/admin/articles/{id}?saved=1`).
    var savedArticleID: Int64? {
        guard status == .seeOther, let location = headers[.location], location.hasPrefix("/admin/articles/") else { return nil }
        return Int64(location.dropFirst("/admin/articles/".count).prefix { $0.isNumber })
    }

    /// The error shown beside a field of the editor: inside the element `id="f-{field}"`,
    /// before the next field starts.
    func fieldError(_ field: String) -> String? {
        guard let start = body.range(of: "id=\"f-\(field)\"")?.upperBound else { return nil }
        let rest = body[start...]
        let end = rest.range(of: "id=\"f-")?.lowerBound ?? rest.range(of: "</form>")?.lowerBound ?? rest.endIndex
        let block = String(rest[..<end])
        if field == "revision" { return HTMLDecode.entities(String(block.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" })) }
        guard let error = block.range(of: "class=\"field-error\"") else { return nil }
        let text = block[error.upperBound...].drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }
        return HTMLDecode.entities(String(text))
    }
}
