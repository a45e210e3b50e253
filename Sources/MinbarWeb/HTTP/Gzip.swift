import CompressNIO
import NIOCore

/// Gzip for responses that are compressed once and served many times (cached pages, assets).
enum Gzip {
    /// The gzip form of the bytes, or nil when compression fails or does not make them smaller.
    static func compress(_ buffer: ByteBuffer) -> ByteBuffer? {
        var input = buffer
        guard let compressed = try? input.compress(with: CompressionAlgorithm.gzip(configuration: ZlibConfiguration(compressionLevel: 9))),
            compressed.readableBytes < buffer.readableBytes
        else { return nil }
        return compressed
    }

    /// Whether an Accept-Encoding header value accepts gzip (and does not refuse it with q=0).
    static func isAccepted(by acceptEncoding: String?) -> Bool {
        guard let acceptEncoding else { return false }
        for part in acceptEncoding.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let coding = pieces.first, coding == "gzip" || coding == "x-gzip" || coding == "*" else { continue }
            let quality = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return quality > 0
        }
        return false
    }
}
