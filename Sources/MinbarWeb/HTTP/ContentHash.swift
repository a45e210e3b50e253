import NIOCore

/// A stable 64-bit FNV-1a hash of bytes: the same on every server, so ETags agree behind a load
/// balancer (Swift's `Hasher` is seeded per process).
enum ContentHash {
    static func hex(of buffer: ByteBuffer) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        buffer.withUnsafeReadableBytes { bytes in
            for byte in bytes {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01B3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
