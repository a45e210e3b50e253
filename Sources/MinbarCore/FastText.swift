/// Substring search and replacement on UTF-8 bytes. Foundation's `contains`, `range(of:)`,
/// `replacingOccurrences` and `components(separatedBy:)` fold character clusters on Linux and
/// cost ten times more; for ASCII markup needles (`<pre`, `</blockquote></p>`) bytes are enough,
/// and a UTF-8 needle never matches inside another character.
extension String {
    /// The byte offsets where `needle` starts, left to right, not overlapping.
    func utf8Offsets(of needle: String, limit: Int = .max) -> [Int] {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return [] }
        var offsets: [Int] = []
        var copy = self
        copy.withUTF8 { bytes in
            let count = bytes.count, length = pattern.count
            guard count >= length else { return }
            let first = pattern[0]
            var index = 0
            while index <= count - length, offsets.count < limit {
                if bytes[index] == first {
                    var same = true
                    var k = 1
                    while k < length {
                        if bytes[index + k] != pattern[k] {
                            same = false
                            break
                        }
                        k += 1
                    }
                    if same {
                        offsets.append(index)
                        index += length
                        continue
                    }
                }
                index += 1
            }
        }
        return offsets
    }

    public func utf8Contains(_ needle: String) -> Bool { !utf8Offsets(of: needle, limit: 1).isEmpty }

    public func utf8Replacing(_ needle: String, with replacement: String) -> String {
        let offsets = utf8Offsets(of: needle)
        guard !offsets.isEmpty else { return self }
        let bytes = Array(utf8)
        let length = needle.utf8.count
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + offsets.count * max(0, replacement.utf8.count - length))
        var last = 0
        for offset in offsets {
            output.append(contentsOf: bytes[last..<offset])
            output.append(contentsOf: replacement.utf8)
            last = offset + length
        }
        output.append(contentsOf: bytes[last...])
        return String(decoding: output, as: UTF8.self)
    }

    public func utf8Split(_ separator: String) -> [String] {
        let offsets = utf8Offsets(of: separator)
        guard !offsets.isEmpty else { return [self] }
        let bytes = Array(utf8)
        let length = separator.utf8.count
        var parts: [String] = []
        var last = 0
        for offset in offsets {
            parts.append(String(decoding: bytes[last..<offset], as: UTF8.self))
            last = offset + length
        }
        parts.append(String(decoding: bytes[last...], as: UTF8.self))
        return parts
    }
}
