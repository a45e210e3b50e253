import Foundation
import HTTPTypes
import Hummingbird
import MinbarCore

/// Serves `/media/…`: copies whose names change with their content (a hash and the pixel
/// size), so they are cached for a year; ETag and 304, single byte ranges, the type from the
/// file's real format (Minbar wrote every one of them), `nosniff`. Nothing else is served from
/// there: originals and uploads in progress live outside the public folder.
enum MediaFiles {
    static let types: [String: String] = [
        "jpg": "image/jpeg", "png": "image/png", "webp": "image/webp", "gif": "image/gif", "avif": "image/avif",
    ]

    static func respond(_ request: Request, context: SiteRequestContext, files: any MediaStore, site: PublicSite) async -> Response {
        guard let path = request.uri.path.removingPercentEncoding, path.hasPrefix(FeaturedImage.mediaPathPrefix),
            let type = types[(path as NSString).pathExtension.lowercased()], let file = files.file(forPublicPath: path),
            let attributes = try? FileManager.default.attributesOfItem(atPath: file.path), let size = attributes[.size] as? Int
        else {
            return await site.errorResponse(.notFound, request: request)
        }
        let modified = (attributes[.modificationDate] as? Date) ?? Date(timeIntervalSince1970: 0)
        let etag = "\"\(String(size, radix: 16))-\(String(Int(modified.timeIntervalSince1970), radix: 16))\""
        var headers: HTTPFields = [
            .contentType: type, .cacheControl: "public, max-age=31536000, immutable", .eTag: etag, .acceptRanges: "bytes",
            .xContentTypeOptions: "nosniff", .lastModified: HTTPDate.string(from: modified),
            // An image is never a document: nothing in it may run, even opened on its own.
            .contentSecurityPolicy: "default-src 'none'; sandbox",
        ]
        if let match = request.headers[.ifNoneMatch], match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag || $0 == "*" }) {
            return Response(status: .notModified, headers: headers)
        }
        let fileIO = FileIO()
        do {
            if let rangeHeader = request.headers[.range], request.headers[.ifRange].map({ $0 == etag }) ?? true {
                guard let range = byteRange(rangeHeader, size: size) else {
                    headers[.contentRange] = "bytes */\(size)"
                    return Response(status: .rangeNotSatisfiable, headers: headers)
                }
                headers[.contentRange] = "bytes \(range.lowerBound)-\(range.upperBound)/\(size)"
                headers[.contentLength] = String(range.count)
                let body = try await fileIO.loadFile(path: file.path, range: range, context: context)
                return Response(status: .partialContent, headers: headers, body: body)
            }
            headers[.contentLength] = String(size)
            return Response(status: .ok, headers: headers, body: try await fileIO.loadFile(path: file.path, context: context))
        } catch {
            return await site.errorResponse(.notFound, request: request)
        }
    }

    /// `bytes=0-499`, `bytes=500-`, `bytes=-200` within a file of `size` bytes; nil when it is
    /// not one satisfiable range.
    static func byteRange(_ header: String, size: Int) -> ClosedRange<Int>? {
        guard header.hasPrefix("bytes="), size > 0 else { return nil }
        let spec = header.dropFirst("bytes=".count)
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return nil }
        let start = spec[..<dash].trimmingCharacters(in: .whitespaces)
        let end = spec[spec.index(after: dash)...].trimmingCharacters(in: .whitespaces)
        if start.isEmpty {
            guard let suffix = Int(end), suffix > 0 else { return nil }
            return max(0, size - suffix)...(size - 1)
        }
        guard let lower = Int(start), lower >= 0, lower < size else { return nil }
        if end.isEmpty { return lower...(size - 1) }
        guard let upper = Int(end), upper >= lower else { return nil }
        return lower...min(upper, size - 1)
    }
}
