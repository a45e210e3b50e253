import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import MinbarCore

/// A submitted `application/x-www-form-urlencoded` form: every value of every field, in order.
struct FormData: Sendable {
    private(set) var values: [String: [String]] = [:]

    init(_ body: String) {
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            values[key, default: []].append(value)
        }
    }

    init(values: [String: [String]]) {
        self.values = values
    }

    /// A field's value as typed: percent-decoded, with a textarea's CRLF line ends as LF.
    static func decode(_ part: Substring) -> String {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        return (spaced.removingPercentEncoding ?? spaced).withUnixLineEnds
    }

    /// The first value of a field; "" when absent.
    subscript(_ name: String) -> String { values[name]?.first ?? "" }

    func all(_ name: String) -> [String] { values[name] ?? [] }

    func has(_ name: String) -> Bool { values[name] != nil }

    /// The ids a multi-value field names; unreadable ones are reported by name.
    func ids(_ name: String) -> (ids: [Int64], bad: [String]) {
        var ids: [Int64] = []
        var bad: [String] = []
        for value in all(name) where !value.isEmpty {
            if let id = Int64(value) { ids.append(id) } else { bad.append(value) }
        }
        return (ids, bad)
    }

    /// The largest form body read, in bytes: an article just over its 1 MB limit, percent-encoded
    /// (Arabic letters take 6 bytes each), still reads, so the editor can say what is wrong.
    static let maximumBytes = 8_000_000

    /// Reads a request's form body; nil when it is larger than `maximumBytes`.
    static func read(_ request: Request) async throws -> FormData? {
        var request = request
        guard let buffer = try? await request.collectBody(upTo: maximumBytes) else { return nil }
        return FormData(String(buffer: buffer))
    }
}

/// Random tokens and their hashes for sessions and CSRF.
enum Tokens {
    /// 32 random bytes, URL-safe base64.
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// SHA-256 of a token, hex: what the store keeps instead of the token.
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares two tokens in time independent of where they differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}

/// Cookies read from and written to admin responses.
enum Cookies {
    static let session = "minbar_session"
    /// The CSRF token of a browser not signed in yet (the sign-in form), double-submitted.
    static let signInCSRF = "minbar_csrf"
    static let language = "minbar_admin_lang"

    static func value(_ name: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for part in header.split(separator: ";") {
                let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                if pair.count == 2, pair[0] == name { return String(pair[1]) }
            }
        }
        return nil
    }

    /// A `Set-Cookie` value: HttpOnly, SameSite=Lax, Secure over HTTPS.
    static func header(_ name: String, value: String, maxAge: Int?, secure: Bool, httpOnly: Bool = true) -> String {
        var parts = ["\(name)=\(value)", "Path=/", "SameSite=Lax"]
        if let maxAge { parts.append("Max-Age=\(maxAge)") }
        if httpOnly { parts.append("HttpOnly") }
        if secure { parts.append("Secure") }
        return parts.joined(separator: "; ")
    }
}

extension Request {
    /// Whether the browser reached the site over HTTPS (directly, or through a trusted proxy that says so).
    func isHTTPS(trustProxy: Bool) -> Bool {
        head.scheme == "https" || (trustProxy && headers[.init("X-Forwarded-Proto")!]?.lowercased() == "https")
    }

    /// The client's address: as a trusted proxy reports it, else as connected.
    func clientAddress(context: SiteRequestContext, trustProxy: Bool) -> String {
        if trustProxy, let forwarded = headers[.init("X-Forwarded-For")!]?.split(separator: ",").first {
            return forwarded.trimmingCharacters(in: .whitespaces)
        }
        return context.remoteAddress?.ipAddress ?? "unknown"
    }
}
