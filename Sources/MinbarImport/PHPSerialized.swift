import Foundation

/// A value of PHP's `serialize()`, as WordPress stores array meta (`_wp_attachment_metadata`,
/// `_menu_item_*`, plugin settings) in exports. Read only as data: objects become their class
/// name and fields, nothing is ever run.
public indirect enum PHPValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    /// Keys in order; integer keys as their decimal text.
    case array([(key: String, value: PHPValue)])
    case object(className: String, fields: [(key: String, value: PHPValue)])

    public static func == (a: PHPValue, b: PHPValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case (.bool(let x), .bool(let y)): x == y
        case (.int(let x), .int(let y)): x == y
        case (.double(let x), .double(let y)): x == y
        case (.string(let x), .string(let y)): x == y
        case (.array(let x), .array(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.object(let c, let x), .object(let d, let y)):
            c == d && x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(value)
        case .int(let value): hasher.combine(value)
        case .double(let value): hasher.combine(value)
        case .string(let value): hasher.combine(value)
        case .array(let pairs), .object(_, let pairs):
            for pair in pairs {
                hasher.combine(pair.key)
                hasher.combine(pair.value)
            }
        }
    }

    /// The value under a key of an array or object.
    public subscript(key: String) -> PHPValue? {
        switch self {
        case .array(let pairs), .object(_, let pairs): pairs.first { $0.key == key }?.value
        default: nil
        }
    }

    public var stringValue: String? {
        switch self {
        case .string(let text): text
        case .int(let number): String(number)
        case .double(let number): String(number)
        case .bool(let flag): flag ? "1" : ""
        default: nil
        }
    }

    public var intValue: Int? {
        switch self {
        case .int(let number): number
        case .string(let text): Int(text)
        case .double(let number): Int(exactly: number.rounded(.towardZero))
        case .bool(let flag): flag ? 1 : 0
        default: nil
        }
    }
}

/// PHP's `unserialize()` for data: strict first; when string lengths are wrong (an export
/// passed through a charset conversion, or hand-edited), again with lengths found from the
/// text, as WordPress sites' repair tools do. nil when it is not serialized data at all.
public enum PHPSerialized {
    /// Whether a meta value looks serialized (WordPress's `is_serialized`, roughly).
    public static func looksSerialized(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed == "N;" { return true }
        guard trimmed.count >= 4, let first = trimmed.first, "abdiOsC".contains(first), trimmed.dropFirst().first == ":" else { return false }
        return trimmed.hasSuffix(";") || trimmed.hasSuffix("}")
    }

    public static func parse(_ text: String) -> PHPValue? {
        let bytes = Array(text.trimmingCharacters(in: .whitespacesAndNewlines).utf8)
        for lenient in [false, true] {
            var parser = Parser(bytes: bytes, lenient: lenient)
            if let value = parser.value(depth: 0), parser.index == bytes.count { return value }
        }
        return nil
    }

    struct Parser {
        let bytes: [UInt8]
        let lenient: Bool
        var index = 0

        init(bytes: [UInt8], lenient: Bool) {
            self.bytes = bytes
            self.lenient = lenient
        }

        mutating func expect(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        /// Digits (with a sign, a point and an exponent for doubles) up to `terminator`.
        mutating func number(until terminator: UInt8) -> String? {
            let start = index
            while index < bytes.count, bytes[index] != terminator { index += 1 }
            guard index < bytes.count, index > start else { return nil }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            index += 1
            return text
        }

        mutating func value(depth: Int) -> PHPValue? {
            guard depth < 64, index + 1 < bytes.count else { return nil }
            let kind = bytes[index]
            index += 1
            if kind == UInt8(ascii: "N") { return expect(UInt8(ascii: ";")) ? .null : nil }
            guard expect(UInt8(ascii: ":")) else { return nil }
            switch kind {
            case UInt8(ascii: "b"):
                guard let text = number(until: UInt8(ascii: ";")) else { return nil }
                return text == "1" ? .bool(true) : text == "0" ? .bool(false) : nil
            case UInt8(ascii: "i"):
                guard let text = number(until: UInt8(ascii: ";")), let number = Int(text) else { return nil }
                return .int(number)
            case UInt8(ascii: "d"):
                guard let text = number(until: UInt8(ascii: ";")) else { return nil }
                switch text {
                case "INF": return .double(.infinity)
                case "-INF": return .double(-.infinity)
                case "NAN": return .double(.nan)
                default: return Double(text).map(PHPValue.double)
                }
            case UInt8(ascii: "s"):
                guard let text = string() else { return nil }
                return expect(UInt8(ascii: ";")) ? .string(text) : nil
            case UInt8(ascii: "a"):
                guard let pairs = members(depth: depth) else { return nil }
                return .array(pairs)
            case UInt8(ascii: "O"):
                guard let className = string(), expect(UInt8(ascii: ":")), let pairs = members(depth: depth) else { return nil }
                return .object(className: className, fields: pairs)
            default:
                return nil
            }
        }

        /// `LEN:"…"` (the index after the closing quote).
        mutating func string() -> String? {
            guard let lengthText = number(until: UInt8(ascii: ":")), let length = Int(lengthText), length >= 0, expect(UInt8(ascii: "\"")) else {
                return nil
            }
            let start = index
            let end = start + length
            if end < bytes.count, bytes[end] == UInt8(ascii: "\""),
                end + 1 == bytes.count || bytes[end + 1] == UInt8(ascii: ";") || bytes[end + 1] == UInt8(ascii: ":")
            {
                index = end + 1
                return String(decoding: bytes[start..<end], as: UTF8.self)
            }
            guard lenient else { return nil }
            // The stated length is wrong: the string ends at the first `";` (or `":` for a class name).
            var close = start
            while close + 1 < bytes.count, !(bytes[close] == UInt8(ascii: "\"") && (bytes[close + 1] == UInt8(ascii: ";") || bytes[close + 1] == UInt8(ascii: ":"))) {
                close += 1
            }
            guard close + 1 < bytes.count else { return nil }
            index = close + 1
            return String(decoding: bytes[start..<close], as: UTF8.self)
        }

        /// `COUNT:{key value …}`.
        mutating func members(depth: Int) -> [(key: String, value: PHPValue)]? {
            guard let countText = number(until: UInt8(ascii: ":")), let count = Int(countText), count >= 0, count < 1_000_000,
                expect(UInt8(ascii: "{"))
            else { return nil }
            var pairs: [(key: String, value: PHPValue)] = []
            for _ in 0..<count {
                guard let key = value(depth: depth + 1) else { return nil }
                let keyText: String
                switch key {
                case .int(let number): keyText = String(number)
                case .string(let text): keyText = text
                default: return nil
                }
                guard let member = value(depth: depth + 1) else { return nil }
                pairs.append((keyText, member))
            }
            return expect(UInt8(ascii: "}")) ? pairs : nil
        }
    }
}
