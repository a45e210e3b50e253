import Foundation
import HTTPTypes
import Hummingbird
import MinbarCore

/// `GET /api/search?q=QUERY&limit=N&page=P`: search results as JSON.
///
/// ```json
/// {"total": 3, "results": [{"slug": "…", "title": "…", "url": "https://…", "snippet": "…<mark>…</mark>…",
///   "score": 12.3, "published": "2015-12-21T12:00:00+02:00"}]}
/// // plus "more": true when more articles match than `total` (the best or newest are listed)
/// ```
enum SearchAPI {
    struct Result: Encodable {
        var slug: String
        var title: String
        var url: String
        var snippet: String
        var score: Double
        var published: String
    }

    struct Answer: Encodable {
        var total: Int
        /// Present (true) when more articles match than `total` can page through.
        var more: Bool?
        var page: Int
        var results: [Result]
        var suggestion: String?

        /// The answer as `JSONEncoder` with sorted keys and unescaped slashes writes it, written
        /// directly as bytes: Foundation's encoder was a tenth of a search's time.
        var json: [UInt8] {
            var out = JSONText()
            out.raw(more.map { "{\"more\":\($0)," } ?? "{")
            out.raw("\"page\":\(page),\"results\":[")
            for (index, result) in results.enumerated() {
                out.raw(index > 0 ? ",{\"published\":" : "{\"published\":")
                out.string(result.published)
                out.raw(",\"score\":" + JSONText.number(result.score) + ",\"slug\":")
                out.string(result.slug)
                out.raw(",\"snippet\":")
                out.string(result.snippet)
                out.raw(",\"title\":")
                out.string(result.title)
                out.raw(",\"url\":")
                out.string(result.url)
                out.raw("}")
            }
            out.raw("]")
            if let suggestion {
                out.raw(",\"suggestion\":")
                out.string(suggestion)
            }
            out.raw(",\"total\":\(total)}")
            return out.bytes
        }
    }

    static let maximumLimit = 100

    static func respond(to request: Request, site: PublicSite) async -> Response {
        let parameters: [String: String]
        switch QueryString.parse(request.uri.query) {
        case .success(let values): parameters = values
        case .failure(let problem):
            return APIError.response(.badRequest, field: "q", ar: problem.text.ar, en: problem.text.en)
        }
        let text = parameters["q"] ?? ""
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return APIError.response(
                .badRequest, field: "q", ar: "أضف نص البحث في المعامل q، مثل ?q=وزير الدفاع.",
                en: "Give the search text in the q parameter, e.g. ?q=minister.")
        }
        guard text.count <= SiteRoute.maximumQueryLength else {
            return APIError.response(
                .badRequest, field: "q", ar: "نص البحث أطول من \(SiteRoute.maximumQueryLength) حرف.",
                en: "The search text is longer than \(SiteRoute.maximumQueryLength) characters.")
        }
        var limit = 10
        if let raw = parameters["limit"] {
            guard let value = Int(raw), (1...maximumLimit).contains(value) else {
                return APIError.response(
                    .badRequest, field: "limit", ar: "limit عدد صحيح بين 1 و\(maximumLimit).",
                    en: "limit is a whole number from 1 to \(maximumLimit).")
            }
            limit = value
        }
        var page = 1
        if let raw = parameters["page"] {
            guard let value = Int(raw), value >= 1, value <= 100_000 else {
                return APIError.response(.badRequest, field: "page", ar: "page عدد صحيح موجب.", en: "page is a positive whole number.")
            }
            page = value
        }
        guard let index = site.searchIndex else {
            return APIError.response(.serviceUnavailable, field: "q", ar: "البحث غير متاح.", en: "Search is not available.")
        }
        let now = site.clock()
        let key = "\(limit) \(page) \(text)"
        if site.configuration.pageCacheEnabled, let cached = site.searchAnswers.page(for: key, now: now) {
            return cached.response(to: request)
        }
        do {
            // Taken before anything is read: an answer read before a change is not kept.
            let generation = site.searchAnswers.generation
            let snapshot = try await site.snapshot(at: now)
            let builder = site.pageBuilder(snapshot, now: now)
            let results = try await index.search(SearchQuery(text: text, page: page, perPage: limit), now: now)
            let answer = Answer(
                total: results.total, more: results.hasMore ? true : nil, page: page,
                results: results.hits.map { hit in
                    Result(
                        slug: hit.article.slug, title: hit.article.title, url: builder.absolute(builder.articleEncodedPath(hit.article)),
                        snippet: hit.snippetHTML, score: (hit.score * 1000).rounded() / 1000,
                        published: builder.formatter.iso8601(hit.article.publishedAt ?? hit.article.createdAt))
                },
                suggestion: results.suggestion)
            // Kept until content changes, or until it changes by itself (a scheduled article).
            var validUntil = now.addingTimeInterval(site.configuration.maximumPageAge)
            if let change = snapshot.nextContentChange, change < validUntil { validUntil = change }
            let cached = CachedPage(
                body: ByteBuffer(bytes: answer.json), lastModified: nil, validUntil: validUntil,
                contentType: JSONResponse.contentType, cacheControl: "no-cache", compress: false,
                extraHeaders: [.xContentTypeOptions: "nosniff"])
            if site.configuration.pageCacheEnabled { site.searchAnswers.store(cached, for: key, renderedSince: generation) }
            return cached.response(to: request)
        } catch {
            site.logger.error("search failed: \(error)")
            return APIError.response(.internalServerError, field: "q", ar: "تعذر البحث الآن.", en: "Search failed; try again.")
        }
    }
}

/// `GET /api/search/suggest?q=…`: titles for search-as-you-type, newest first.
enum SuggestAPI {
    struct Suggestion: Encodable {
        var title: String
        var url: String
    }

    struct Answer: Encodable {
        var suggestions: [Suggestion]
    }

    static func respond(to request: Request, site: PublicSite) async -> Response {
        guard case .success(let parameters) = QueryString.parse(request.uri.query) else {
            return APIError.response(.badRequest, field: "q", ar: "ترميز غير صالح في الرابط.", en: "Malformed percent-encoding.")
        }
        let text = String((parameters["q"] ?? "").prefix(SiteRoute.maximumQueryLength))
        guard let index = site.searchIndex, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            return (try? JSONResponse.response(Answer(suggestions: []))) ?? Response(status: .ok)
        }
        do {
            let now = site.clock()
            let snapshot = try await site.snapshot(at: now)
            let builder = site.pageBuilder(snapshot, now: now)
            let articles = try await index.suggestions(for: text, now: now, limit: 6)
            return try JSONResponse.response(Answer(suggestions: articles.map { Suggestion(title: $0.title, url: builder.articlePath($0)) }))
        } catch {
            return APIError.response(.internalServerError, field: "q", ar: "تعذر الاقتراح الآن.", en: "Suggestions failed; try again.")
        }
    }
}

/// JSON written by hand into bytes, where an answer's shape is fixed and speed matters.
struct JSONText {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(8_192) }

    /// Text that is already JSON.
    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// A JSON string: quotes, backslashes and control characters escaped, everything else (and
    /// `/`) as it is.
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A finite number as `JSONEncoder` writes it: whole numbers without a fraction.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }
}

/// JSON bodies for the API.
enum JSONResponse {
    static let contentType = "application/json; charset=utf-8"

    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        Response(
            status: status,
            headers: [.contentType: contentType, .cacheControl: "no-cache", .xContentTypeOptions: "nosniff"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encode(value))))
    }

    /// The JSON of a value, keys sorted, slashes as they are.
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return try encoder.encode(value)
    }
}

/// `{"error": {"field": "q", "message": {"ar": "…", "en": "…"}}}` with a 4xx/5xx status.
enum APIError {
    struct Body: Encodable {
        struct Detail: Encodable {
            var field: String
            var message: LocalizedText
        }
        var error: Detail
    }

    static func response(_ status: HTTPResponse.Status, field: String, ar: String, en: String) -> Response {
        let body = Body(error: .init(field: field, message: LocalizedText(ar: ar, en: en)))
        return (try? JSONResponse.response(body, status: status)) ?? Response(status: status)
    }
}
