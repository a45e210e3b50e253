#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization
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

    static func respond(
        _ request: Request, context: SiteRequestContext, files: any MediaStore, cache: MediaFileCache, site: PublicSite
    ) async -> Response {
        // The common case first: a copy read before, unchanged on disk, asked for in full.
        if request.headers[.range] == nil, let hit = cache.response(forRequestPath: request.uri.path) {
            if let match = request.headers[.ifNoneMatch], match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == hit.etag || $0 == "*" }) {
                var headers = hit.headers
                headers[.contentLength] = nil
                return Response(status: .notModified, headers: headers)
            }
            return Response(status: .ok, headers: hit.headers, body: .init(byteBuffer: hit.bytes))
        }
        guard let path = request.uri.path.removingPercentEncoding, path.hasPrefix(FeaturedImage.mediaPathPrefix),
            let type = types[(path as NSString).pathExtension.lowercased()], let file = files.localPath(forPublicPath: path),
            let (size, modified) = MediaFileCache.fileStatus(file)
        else {
            return await site.errorResponse(.notFound, request: request)
        }
        let etag = "\"\(String(size, radix: 16))-\(String(modified, radix: 16))\""
        var headers: HTTPFields = [
            .contentType: type, .cacheControl: "public, max-age=31536000, immutable", .eTag: etag, .acceptRanges: "bytes",
            .xContentTypeOptions: "nosniff", .lastModified: HTTPDate.string(from: Date(timeIntervalSince1970: TimeInterval(modified))),
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
                let body = try await fileIO.loadFile(path: file, range: range, context: context)
                return Response(status: .partialContent, headers: headers, body: body)
            }
            headers[.contentLength] = String(size)
            // A copy small enough is kept in memory with its headers: the next request for it
            // is answered without touching the disk (see `MediaFileCache`).
            if let bytes = await cache.keep(requestPath: request.uri.path, file: file, size: size, modified: modified, etag: etag, headers: headers) {
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: bytes))
            }
            return Response(status: .ok, headers: headers, body: try await fileIO.loadFile(path: file, context: context))
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

/// The media copies answered lately, in memory with their headers, by request path: files up
/// to 2 MB, 64 MB in all (the oldest kept go first). An answer stands while its file keeps its
/// size and modification time, looked at once a second at most (a copy deleted or made again by
/// another process shows within that second; this process drops everything on its own changes).
public final class MediaFileCache: Sendable {
    struct Answer {
        var file: String
        var size: Int
        var modified: Int
        var etag: String
        var headers: HTTPFields
        var bytes: ByteBuffer
        var checkedAt = 0
    }
    struct State {
        var answers: [String: Answer] = [:]
        var order: [String] = []
        var total = 0
    }
    private let state = Mutex(State())
    let maximumFileBytes: Int
    let maximumBytes: Int

    public init(maximumFileBytes: Int = 2_000_000, maximumBytes: Int = 64_000_000) {
        self.maximumFileBytes = maximumFileBytes
        self.maximumBytes = maximumBytes
    }

    /// Size and modification time (seconds) of a regular file, by one `stat` call.
    static func fileStatus(_ path: String) -> (Int, Int)? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return (Int(info.st_size), Int(info.st_mtim.tv_sec))
    }

    /// Drops everything kept (after a delete or a regeneration in this process).
    public func removeAll() {
        state.withLock { $0 = State() }
    }

    /// The answer kept for a request path, while its file is unchanged.
    func response(forRequestPath path: String) -> Answer? {
        let now = Int(time(nil))
        guard let answer = state.withLock({ $0.answers[path] }) else { return nil }
        if answer.checkedAt == now { return answer }
        guard let (size, modified) = Self.fileStatus(answer.file), size == answer.size, modified == answer.modified else {
            state.withLock { state in
                if let gone = state.answers.removeValue(forKey: path) {
                    state.total -= gone.size
                    state.order.removeAll { $0 == path }
                }
            }
            return nil
        }
        state.withLock { $0.answers[path]?.checkedAt = now }
        return answer
    }

    /// Reads a file small enough to keep (off the server's threads) and keeps it as the answer
    /// for `requestPath`; nil for a larger file or one that changed while read.
    func keep(requestPath: String, file: String, size: Int, modified: Int, etag: String, headers: HTTPFields) async -> ByteBuffer? {
        guard size <= maximumFileBytes else { return nil }
        let data: Data? = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: FileManager.default.contents(atPath: file)) }
        }
        guard let data, data.count == size else { return nil }
        let bytes = ByteBuffer(bytes: data)
        state.withLock { state in
            if let old = state.answers.removeValue(forKey: requestPath) {
                state.total -= old.size
                state.order.removeAll { $0 == requestPath }
            }
            state.answers[requestPath] = Answer(file: file, size: size, modified: modified, etag: etag, headers: headers, bytes: bytes)
            state.order.append(requestPath)
            state.total += size
            while state.total > maximumBytes, !state.order.isEmpty {
                let oldest = state.order.removeFirst()
                state.total -= state.answers.removeValue(forKey: oldest)?.size ?? 0
            }
        }
        return bytes
    }
}
