import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import MinbarCore

extension AdminSite {
    func secureCookies(_ request: Request) -> Bool {
        configuration.secureCookies ?? request.isHTTPS(trustProxy: site.configuration.trustProxyHeaders)
    }

    /// GET /admin/login: the sign-in form, with a double-submitted CSRF token for a browser that
    /// has no session yet.
    func signInForm(_ request: Request, message: String? = nil, email: String = "", status: HTTPResponse.Status = .ok) async -> Response {
        if await visitor(request) != nil, message == nil { return redirect("/admin/") }
        let language = language(of: request)
        let token = Cookies.value(Cookies.signInCSRF, in: request).flatMap { $0.count >= 32 ? $0 : nil } ?? Tokens.random()
        let next = request.uri.queryParameters.get("next").flatMap(Self.safeNext) ?? "/admin/"
        let view: [String: Any] = [
            "lang": language, "dir": language == "en" ? "ltr" : "rtl", "t": AdminStrings.table(language),
            "title": AdminStrings.text("sign_in", language), "csrf": token, "message": message as Any, "email": email, "next": next,
            "otherLanguage": language == "en" ? "ar" : "en", "otherLanguageName": language == "en" ? "العربية" : "English",
        ]
        return htmlResponse(
            status: status, render("login", view: view),
            cookies: [Cookies.header(Cookies.signInCSRF, value: token, maxAge: nil, secure: secureCookies(request))])
    }

    /// Only paths inside the admin are followed after sign-in (no open redirect).
    static func safeNext(_ next: String) -> String? {
        next.hasPrefix("/admin/") && !next.hasPrefix("//") && !next.contains("\\") ? next : nil
    }

    /// POST /admin/login.
    func signIn(_ request: Request, context: SiteRequestContext) async -> Response {
        let language = language(of: request)
        guard let form = try? await FormData.read(request) else {
            return errorPage(.badRequest(LocalizedText(ar: "طلب غير صالح.", en: "Bad request.")), language: language, visitor: nil)
        }
        guard let cookieToken = Cookies.value(Cookies.signInCSRF, in: request), Tokens.equal(cookieToken, form["_csrf"]) else {
            return errorPage(.csrf, language: language, visitor: nil)
        }
        let email = form["email"].trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let address = request.clientAddress(context: context, trustProxy: site.configuration.trustProxyHeaders)
        let accountKey = "account:" + email
        let addressKey = "address:" + address
        let now = clock()
        let since = now.addingTimeInterval(-configuration.throttleWindow)
        let generic = AdminStrings.text("sign_in_failed", language)
        do {
            let account = try await store.failedSignIns(key: accountKey, since: since)
            let fromAddress = try await store.failedSignIns(key: addressKey, since: since)
            // Refused for a while: the same answer whether or not the account exists.
            if account.count >= configuration.accountFailureLimit || fromAddress.count >= configuration.addressFailureLimit {
                let latest = [account.latest, fromAddress.latest].compactMap { $0 }.max() ?? now
                let minutes = max(1, Int((latest.addingTimeInterval(configuration.throttleWindow).timeIntervalSince(now) / 60).rounded(.up)))
                let message = LocalizedText(
                    ar: "محاولات دخول فاشلة كثيرة. انتظر \(minutes) دقيقة ثم حاول مجدداً.",
                    en: "Too many failed sign-ins. Wait \(minutes) minute(s), then try again.")
                return await signInForm(request, message: message.text(for: language), email: email, status: .tooManyRequests)
            }
            if max(account.count, fromAddress.count) >= configuration.slowdownAfter {
                try? await Task.sleep(for: configuration.slowdown)
            }
            let credentials = try await store.credentials(email: email)
            let hash: String
            if let known = credentials?.passwordHash { hash = known } else { hash = await decoyHash() }
            let matches = await verifyPassword(form["password"], hash: hash)
            guard let credentials, matches else {
                try await store.recordFailedSignIn(keys: [accountKey, addressKey], at: now)
                logger.notice("failed sign-in from \(address)")
                return await signInForm(request, message: generic, email: email, status: .unauthorized)
            }
            try await store.clearFailedSignIns(key: accountKey)
            let token = Tokens.random()
            let session = AdminSession(
                tokenHash: Tokens.hash(token), userID: credentials.user.id, csrfToken: Tokens.random(), createdAt: now,
                expiresAt: now.addingTimeInterval(configuration.sessionLifetime),
                address: address + " " + (request.headers[.userAgent] ?? "").prefix(120))
            try await store.createSession(session)
            logger.info("user \(credentials.user.id) signed in")
            let secure = secureCookies(request)
            return redirect(
                Self.safeNext(form["next"]) ?? "/admin/",
                cookies: [
                    Cookies.header(Cookies.session, value: token, maxAge: Int(configuration.sessionLifetime), secure: secure),
                    Cookies.header(Cookies.signInCSRF, value: "", maxAge: 0, secure: secure),
                ])
        } catch {
            logger.error("sign-in failed: \(error)")
            return errorPage(.badRequest(LocalizedText(ar: "تعذر تسجيل الدخول الآن.", en: "Signing in is not possible right now.")), language: language, visitor: nil)
        }
    }

    /// POST /admin/logout: ends this session (the cookie alone is worthless afterwards).
    func signOut(_ request: Request) async -> Response {
        await action(request) { visitor, _ in
            try await store.revokeSession(tokenHash: visitor.session.tokenHash)
            return redirect(
                "/admin/login", cookies: [Cookies.header(Cookies.session, value: "", maxAge: 0, secure: secureCookies(request))])
        }
    }

    /// POST /admin/sessions/revoke: signs the user out on every device.
    func signOutEverywhere(_ request: Request) async -> Response {
        await action(request) { visitor, _ in
            try await store.revokeSessions(userID: visitor.user.id)
            return redirect(
                "/admin/login", cookies: [Cookies.header(Cookies.session, value: "", maxAge: 0, secure: secureCookies(request))])
        }
    }

    /// GET /admin/language/{ar|en}: the interface language, kept in a cookie.
    func switchLanguage(_ request: Request, to language: String) -> Response {
        let chosen = language == "en" ? "en" : "ar"
        let back = request.uri.queryParameters.get("back").flatMap(Self.safeNext) ?? "/admin/"
        return redirect(
            back,
            cookies: [Cookies.header(Cookies.language, value: chosen, maxAge: 365 * 86_400, secure: secureCookies(request), httpOnly: false)])
    }
}
