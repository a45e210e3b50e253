import Crypto
import Foundation
import MinbarArabic
import MinbarCore

/// Signed values for the comment form, which is part of a cached, shared page: the form token
/// (which article, and when the form was handed out) and the commenter cookie (which pending
/// comments this browser may see). Both are HMAC-SHA256 with a secret kept in the database.
struct CommentGuard: Sendable {
    let key: SymmetricKey

    init(secret: String) {
        key = SymmetricKey(data: Data(secret.utf8))
    }

    func signature(_ text: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// A token for a comment form on `articleID`, handed out at `issued`.
    func token(articleID: Int64, issued: Date) -> String {
        let payload = "\(articleID).\(Int(issued.timeIntervalSince1970))"
        return payload + "." + signature(payload)
    }

    enum TokenCheck: Equatable {
        case valid
        case missing
        case forged
        case tooFast(secondsLeft: Int)
        case expired
    }

    static let tokenLifetime: TimeInterval = 2 * 86_400

    func check(_ token: String, articleID: Int64, now: Date, minimumSeconds: Int) -> TokenCheck {
        guard !token.isEmpty else { return .missing }
        let parts = token.split(separator: ".")
        guard parts.count == 3, let id = Int64(parts[0]), let issued = Int(parts[1]), id == articleID,
            Tokens.equal(String(parts[2]), signature("\(parts[0]).\(parts[1])"))
        else { return .forged }
        let age = now.timeIntervalSince1970 - Double(issued)
        if age < Double(minimumSeconds) { return .tooFast(secondsLeft: max(1, Int((Double(minimumSeconds) - age).rounded(.up)))) }
        if age > Self.tokenLifetime { return .expired }
        return .valid
    }

    /// The commenter cookie's value for these comment ids (newest kept).
    func cookie(ids: [Int64]) -> String {
        let payload = ids.suffix(20).map(String.init).joined(separator: "-")
        return payload + "." + signature("commenter:" + payload)
    }

    /// The comment ids of a commenter cookie, or [] when it is not ours.
    func ids(fromCookie value: String?) -> [Int64] {
        guard let value, let dot = value.lastIndex(of: ".") else { return [] }
        let payload = String(value[..<dot])
        guard Tokens.equal(String(value[value.index(after: dot)...]), signature("commenter:" + payload)) else { return [] }
        return payload.split(separator: "-").compactMap { Int64($0) }
    }
}

/// The site's blocklist: words and phrases matched after Arabic folding (harakat, tatweel and
/// letter variants cannot hide them), email and IP addresses matched whole.
struct CommentBlocklist: Sendable {
    var phrases: [String] = []
    var addresses: Set<String> = []

    init(_ text: String) {
        for line in text.split(whereSeparator: \.isNewline) {
            let entry = line.trimmingCharacters(in: .whitespaces)
            guard !entry.isEmpty, !entry.hasPrefix("#") else { continue }
            if entry.contains("@") || entry.allSatisfy({ $0.isNumber || $0 == "." || $0 == ":" }) {
                addresses.insert(entry.lowercased())
            } else {
                let folded = ArabicAnalyzer.foldedText(entry)
                if !folded.isEmpty { phrases.append(" " + folded + " ") }
            }
        }
    }

    func blocks(_ input: CommentInput) -> Bool {
        if addresses.contains(input.authorEmail.lowercased()) || addresses.contains(input.address) { return true }
        guard !phrases.isEmpty else { return false }
        let text = " " + ArabicAnalyzer.foldedText([input.authorName, input.authorEmail, input.authorURL, input.body].joined(separator: " ")) + " "
        return phrases.contains { text.contains($0) }
    }
}
