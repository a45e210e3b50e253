/// Line ends as one character: browsers send a textarea's lines with CRLF, and a Swift
/// `Character` holds "\r\n" as one grapheme, so text split on "\n" never splits such lines.
extension String {
    /// The text with every CRLF and lone CR written as LF.
    public var withUnixLineEnds: String {
        guard utf8.contains(13) else { return self }
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count)
        var previousWasCR = false
        for byte in utf8 {
            if byte == 13 {
                output.append(10)
                previousWasCR = true
                continue
            }
            if byte == 10 && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            output.append(byte)
        }
        return String(decoding: output, as: UTF8.self)
    }
}
