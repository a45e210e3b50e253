import Foundation
import HTTPTypes
import NIOCore

/// A rendered response kept ready to send: the body, its gzip form, and the validators that let
/// a repeat visit cost a 304.
public struct CachedPage: Sendable {
    public let status: HTTPResponse.Status
    public let body: ByteBuffer
    public let gzippedBody: ByteBuffer?
    /// Strong validator of the identity body, quoted: `"0123abcd…"`.
    public let etag: String
    public let lastModified: Date?
    /// After this instant the page may show something stale (a breaking flag expired, a
    /// scheduled article went live) and must be rendered again.
    public internal(set) var validUntil: Date
    private(set) var identityHeaders: HTTPFields
    private(set) var gzipHeaders: HTTPFields?

    /// Marks the page as one browser's own: no shared cache may keep it.
    mutating func makePrivate() {
        identityHeaders[.cacheControl] = "private, no-store"
        gzipHeaders?[.cacheControl] = "private, no-store"
    }

    public init(
        status: HTTPResponse.Status = .ok, html: String, lastModified: Date?, validUntil: Date, contentType: String = "text/html; charset=utf-8",
        cacheControl: String = "public, max-age=0, must-revalidate", compress: Bool = true, extraHeaders: HTTPFields = [:]
    ) {
        self.init(
            status: status, body: ByteBuffer(string: html), lastModified: lastModified, validUntil: validUntil, contentType: contentType,
            cacheControl: cacheControl, compress: compress, extraHeaders: extraHeaders)
    }

    /// A page whose body is already bytes (JSON written as bytes).
    init(
        status: HTTPResponse.Status = .ok, body: ByteBuffer, lastModified: Date?, validUntil: Date, contentType: String,
        cacheControl: String, compress: Bool, extraHeaders: HTTPFields
    ) {
        self.status = status
        self.body = body
        self.gzippedBody = compress ? Gzip.compress(body) : nil
        let hash = ContentHash.hex(of: body)
        self.etag = "\"\(hash)\""
        self.lastModified = lastModified
        self.validUntil = validUntil

        var headers = extraHeaders
        headers[.contentType] = contentType
        headers[.cacheControl] = cacheControl
        headers[.vary] = "Accept-Encoding"
        if let lastModified { headers[.lastModified] = HTTPDate.string(from: lastModified) }
        var identity = headers
        identity[.eTag] = etag
        identityHeaders = identity
        if gzippedBody != nil {
            var gzip = headers
            gzip[.eTag] = "\"\(hash)-gz\""
            gzip[.contentEncoding] = "gzip"
            gzipHeaders = gzip
        } else {
            gzipHeaders = nil
        }
    }

    /// Whether the client's validators show it already has this page.
    public func isNotModified(ifNoneMatch: String?, ifModifiedSince: String?) -> Bool {
        if let ifNoneMatch {
            let tag = etag.dropLast()  // `"hash` so `"hash"` and `"hash-gz"` both match
            return ifNoneMatch.split(separator: ",").contains { candidate in
                var value = candidate.trimmingCharacters(in: .whitespaces)
                if value.hasPrefix("W/") { value.removeFirst(2) }
                return value == "*" || value == etag || value == tag + "-gz\""
            }
        }
        if let ifModifiedSince, let lastModified, let since = HTTPDate.date(from: ifModifiedSince) {
            return lastModified.timeIntervalSince1970.rounded(.down) <= since.timeIntervalSince1970
        }
        return false
    }
}

/// HTTP dates (RFC 9110 IMF-fixdate): `Mon, 21 Dec 2015 09:00:00 GMT`.
enum HTTPDate {
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func string(from date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        func two(_ value: Int?) -> String { let v = value ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(weekdays[(c.weekday ?? 1) - 1]), \(two(c.day)) \(months[(c.month ?? 1) - 1]) \(c.year ?? 1970) "
            + "\(two(c.hour)):\(two(c.minute)):\(two(c.second)) GMT"
    }

    /// Parses IMF-fixdate; nil for any other or malformed form (then the header is ignored).
    static func date(from text: String) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT", let day = Int(parts[1]), let year = Int(parts[3]),
            let month = months.firstIndex(of: String(parts[2]))
        else { return nil }
        let time = parts[4].split(separator: ":").compactMap { Int($0) }
        guard time.count == 3 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar.date(from: DateComponents(year: year, month: month + 1, day: day, hour: time[0], minute: time[1], second: time[2]))
    }
}
