import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import Logging
import MinbarArabic
import MinbarCore
import Mustache
import NIOPosix
import Synchronization

/// Settings of the newsroom admin; tests shorten the waits and cheapen bcrypt.
public struct AdminConfiguration: Sendable {
    /// bcrypt work factor for new password hashes.
    public var bcryptCost: UInt8 = 12
    /// How long a sign-in lasts without signing in again.
    public var sessionLifetime: TimeInterval = 14 * 86_400
    /// Failed sign-ins are counted over this window, and a refused account waits this long.
    public var throttleWindow: TimeInterval = 15 * 60
    /// Failures for one account before it is refused for the window.
    public var accountFailureLimit = 5
    /// Failures from one address (any accounts) before it is refused for the window.
    public var addressFailureLimit = 20
    /// From this many failures on, every further attempt waits `slowdown` first.
    public var slowdownAfter = 3
    public var slowdown: Duration = .seconds(1)
    /// Secure cookies always (true), never (false) or when the request came over HTTPS (nil).
    public var secureCookies: Bool?

    public init() {}
}

/// The newsroom admin at `/admin/`: sign-in, dashboard, articles, sections, tags, authors,
/// users and settings, in Arabic with an English switch.
public final class AdminSite: Sendable {
    let store: any NewsroomStore
    let site: PublicSite
    /// The photo library; nil on a site without one (tests of other parts).
    let media: MediaService?
    let configuration: AdminConfiguration
    let templates: MustacheLibrary
    let clock: @Sendable () -> Date
    let logger: Logger
    /// A hash no password matches, checked for unknown accounts so that they take as long to
    /// refuse as known ones; made on the first such sign-in.
    private let decoy = Mutex<String?>(nil)

    public init(
        store: any NewsroomStore, site: PublicSite, media: MediaService? = nil, configuration: AdminConfiguration = AdminConfiguration(),
        logger: Logger = Logger(label: "minbar.admin"), clock: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        self.store = store
        self.site = site
        self.media = media
        self.configuration = configuration
        self.templates = try AdminTemplates.library()
        self.logger = logger
        self.clock = clock
    }

    func decoyHash() async -> String {
        if let made = decoy.withLock({ $0 }) { return made }
        let made = await hashPassword(Tokens.random())
        decoy.withLock { $0 = $0 ?? made }
        return made
    }

    /// A bcrypt hash at the configured cost, computed off the event loops.
    func hashPassword(_ password: String) async -> String {
        let cost = configuration.bcryptCost
        return (try? await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }) ?? Bcrypt.hash(password, cost: cost)
    }

    func verifyPassword(_ password: String, hash: String) async -> Bool {
        (try? await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }) ?? false
    }

    /// Reflects a write in the public site at once: pages, ticker and badges are rendered anew.
    func publicContentChanged() async {
        do {
            try await site.contentChanged()
        } catch {
            logger.error("refreshing the public site failed: \(error)")
        }
    }
}

/// Who is asking: the signed-in user and their session, and the interface language.
struct Visitor: Sendable {
    var user: User
    var session: AdminSession
    var language: String
    var permissions: Permissions { Permissions(user) }
}

/// What stops an admin request, shown as an admin error page.
enum AdminError: Error {
    case forbidden(LocalizedText)
    case notFound
    case badRequest(LocalizedText)
    case csrf

    static let notAllowed = AdminError.forbidden(
        LocalizedText(ar: "ليست لديك صلاحية لهذا الإجراء.", en: "You are not allowed to do this."))
}

extension AdminSite {
    // MARK: Requests

    /// The interface language: the admin's cookie, else the site's language.
    func language(of request: Request) -> String {
        if let chosen = Cookies.value(Cookies.language, in: request), ["ar", "en"].contains(chosen) { return chosen }
        return site.currentSettings.language
    }

    /// The signed-in visitor, if the request carries a live session.
    func visitor(_ request: Request) async -> Visitor? {
        guard let token = Cookies.value(Cookies.session, in: request), !token.isEmpty else { return nil }
        guard let found = try? await store.session(tokenHash: Tokens.hash(token), now: clock()) else { return nil }
        return Visitor(user: found.user, session: found.session, language: language(of: request))
    }

    /// Answers a page for signed-in users; others go to the sign-in form.
    func page(
        _ request: Request, _ handler: (Visitor) async throws -> Response
    ) async -> Response {
        guard let visitor = await visitor(request) else {
            let next = request.uri.string
            return redirect("/admin/login?next=\(next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
        }
        return await handle(request, visitor: visitor) { try await handler(visitor) }
    }

    /// Answers a form post: signed in, a valid CSRF token, a readable body. A request without a
    /// valid token gets 403 and changes nothing.
    func action(
        _ request: Request, _ handler: (Visitor, FormData) async throws -> Response
    ) async -> Response {
        guard let visitor = await visitor(request) else {
            return errorPage(
                .forbidden(LocalizedText(ar: "انتهت جلستك؛ سجّل الدخول من جديد.", en: "Your session has ended; sign in again.")),
                language: language(of: request), visitor: nil)
        }
        return await handle(request, visitor: visitor) {
            guard let form = try await FormData.read(request) else {
                throw AdminError.badRequest(
                    LocalizedText(ar: "النموذج المرسل أكبر من الحد المسموح.", en: "The submitted form is larger than allowed."))
            }
            let token = request.headers[.init("X-CSRF-Token")!] ?? form["_csrf"]
            guard Tokens.equal(token, visitor.session.csrfToken) else { throw AdminError.csrf }
            return try await handler(visitor, form)
        }
    }

    func handle(_ request: Request, visitor: Visitor, _ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let error as AdminError {
            return errorPage(error, language: visitor.language, visitor: visitor)
        } catch let error as ValidationError {
            return errorPage(.badRequest(error.errors.first?.message ?? LocalizedText(ar: "طلب غير صالح.", en: "Bad request.")),
                language: visitor.language, visitor: visitor)
        } catch let error as ContentStoreError {
            if case .notFound = error { return errorPage(.notFound, language: visitor.language, visitor: visitor) }
            return errorPage(.badRequest(error.fieldError.message), language: visitor.language, visitor: visitor)
        } catch {
            logger.error("admin \(request.method) \(request.uri.path) failed: \(error)")
            return htmlResponse(
                status: .internalServerError,
                render("error", view: frame(visitor, title: AdminStrings.text("error", visitor.language), extra: [
                    "message": LocalizedText(ar: "حدث خطأ غير متوقع؛ لم يكتمل الإجراء. أعد المحاولة.", en: "Something unexpected went wrong; the action did not complete. Try again.")
                        .text(for: visitor.language),
                ])))
        }
    }

    // MARK: Responses

    func errorPage(_ error: AdminError, language: String, visitor: Visitor?) -> Response {
        let status: HTTPResponse.Status
        let message: LocalizedText
        switch error {
        case .forbidden(let text):
            status = .forbidden
            message = text
        case .csrf:
            status = .forbidden
            message = LocalizedText(
                ar: "رمز الحماية في النموذج مفقود أو غير صالح، فلم يُحفظ شيء. أعد تحميل الصفحة ثم أعد المحاولة.",
                en: "The form's security token is missing or invalid, so nothing was saved. Reload the page and try again.")
        case .notFound:
            status = .notFound
            message = LocalizedText(ar: "العنصر المطلوب غير موجود.", en: "The requested item does not exist.")
        case .badRequest(let text):
            status = .badRequest
            message = text
        }
        var view: [String: Any] = [
            "lang": language, "dir": language == "en" ? "ltr" : "rtl", "t": AdminStrings.table(language),
            "title": AdminStrings.text("error", language), "message": message.text(for: language),
        ]
        if let visitor { view = frame(visitor, title: AdminStrings.text("error", language), extra: ["message": message.text(for: language)]) }
        return htmlResponse(status: status, render("error", view: view))
    }

    func redirect(_ location: String, cookies: [String] = []) -> Response {
        var headers: HTTPFields = [.location: location, .cacheControl: "no-store"]
        for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return Response(status: .seeOther, headers: headers)
    }

    static let securityHeaders: HTTPFields = [
        .xContentTypeOptions: "nosniff",
        .referrerPolicy: "same-origin",
        .cacheControl: "no-store",
        // No inline script or style can run in the admin, whatever an article contains.
        .contentSecurityPolicy:
            "default-src 'self'; img-src 'self' data: https:; style-src 'self'; script-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    ]

    func htmlResponse(status: HTTPResponse.Status = .ok, _ html: String, cookies: [String] = []) -> Response {
        var headers = Self.securityHeaders
        headers[.contentType] = "text/html; charset=utf-8"
        for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    func jsonResponse(status: HTTPResponse.Status = .ok, _ value: some Encodable) -> Response {
        var response = (try? JSONResponse.response(value, status: status)) ?? Response(status: .internalServerError)
        for field in Self.securityHeaders { response.headers[field.name] = field.value }
        return response
    }

    func render(_ template: String, view: [String: Any]) -> String {
        templates.render(Self.withoutNils(view) ?? [:], withTemplate: template) ?? ""
    }

    /// The view with absent optionals removed and present ones unwrapped, so `{{#x}}` sections
    /// hide for nil exactly as for a missing key.
    static func withoutNils(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return nil }
            return withoutNils(wrapped)
        }
        if let dictionary = value as? [String: Any] {
            return dictionary.compactMapValues { withoutNils($0) }
        }
        if let array = value as? [[String: Any]] {
            return array.map { $0.compactMapValues { withoutNils($0) } }
        }
        return value
    }

    /// The parts of every admin page: language, strings, the signed-in user, the menu, the token.
    func frame(_ visitor: Visitor, title: String, extra: [String: Any] = [:]) -> [String: Any] {
        let permissions = visitor.permissions
        var view: [String: Any] = [
            "lang": visitor.language, "dir": visitor.language == "en" ? "ltr" : "rtl",
            "t": AdminStrings.table(visitor.language), "title": title, "csrf": visitor.session.csrfToken,
            "user": ["name": visitor.user.name, "role": visitor.user.role.label.text(for: visitor.language)],
            "canManageTerms": permissions.canManageTerms, "canManageUsers": permissions.canManageUsers,
            "canManageSettings": permissions.canManageSettings, "canModerate": permissions.canOpenCommentQueue, "otherLanguage": visitor.language == "en" ? "ar" : "en",
            "otherLanguageName": visitor.language == "en" ? "العربية" : "English",
        ]
        for (key, value) in extra { view[key] = value }
        return view
    }

    var now: Date { clock() }

    /// Dates for the admin in the visitor's language (English month names in the English admin),
    /// with the site's time zone and month-name style; digits follow the site in Arabic.
    func dateFormatter(_ visitor: Visitor) -> ArabicDateFormatter {
        var formatter = site.currentSettings.dateFormatter
        formatter.language = visitor.language
        if visitor.language == "en" { formatter.digits = .latin }
        return formatter
    }
}
