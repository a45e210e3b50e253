import Foundation

/// URL slugs in which Arabic stays Arabic.
///
/// Minbar stores slugs decoded (NFC, no harakat, no tatweel) and percent-encodes them only on
/// the wire, so `تحالف-فرنسي` in the database is `%D8%AA%D8%AD...` in an HTTP header and the
/// same page answers whichever form a client sends.
public enum Slug {
    /// The longest slug Minbar makes from a title, in characters (WordPress allows 200 bytes).
    public static let maximumLength = 120

    /// A slug made from a title or name: words joined by `-`, Latin lowercased, Arabic kept,
    /// punctuation dropped.
    ///
    /// ```swift
    /// Slug.make(from: "تحالف فرنسي – روسي ضد تنظيم “الدولة الإسلامية” في سوريا")
    /// // "تحالف-فرنسي-روسي-ضد-تنظيم-الدولة-الإسلامية-في-سوريا"
    /// ```
    public static func make(from title: String) -> String {
        let text = ArabicNormalizer.canonical(title).lowercased()
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        for scalar in text.unicodeScalars {
            if isSlugCharacter(scalar) {
                current.append(scalar)
            } else if scalar == "'" || scalar == "’" || scalar == "ʼ" {
                // Apostrophes join: "don't" → "dont".
                continue
            } else {
                flush()
            }
        }
        flush()
        var slug = ""
        for word in words {
            let candidate = slug.isEmpty ? word : slug + "-" + word
            if candidate.count > maximumLength {
                // A first word longer than the limit is cut, so a slug is made all the same.
                if slug.isEmpty { slug = String(word.prefix(maximumLength)) }
                break
            }
            slug = candidate
        }
        return slug
    }

    /// The slug with a number after it, for a second article of the same title: `slug-2`.
    public static func numbered(_ slug: String, _ number: Int) -> String {
        slug + "-" + String(number)
    }

    /// The stored form of a slug that came from a URL or a form: percent-decoded when it was
    /// encoded, then NFC without harakat or tatweel. Returns nil for malformed percent-encoding.
    public static func normalize(_ raw: some StringProtocol) -> String? {
        let decoded: String
        if raw.contains("%") {
            guard let value = String(raw).removingPercentEncoding else { return nil }
            decoded = value
        } else {
            decoded = String(raw)
        }
        return ArabicNormalizer.canonical(decoded).lowercased()
    }

    /// The longest slug accepted, typed or imported, in characters.
    public static let maximumTypedLength = 200

    /// Whether a stored slug is acceptable: non-empty, at most 200 characters, only letters,
    /// digits, marks and single hyphens.
    public static func isValid(_ slug: String) -> Bool {
        guard !slug.isEmpty, slug.count <= maximumTypedLength, !slug.hasPrefix("-"), !slug.hasSuffix("-"), !slug.contains("--") else {
            return false
        }
        return slug.unicodeScalars.allSatisfy { $0 == "-" || isSlugCharacter($0) }
    }

    /// The slug percent-encoded for a URL path or an HTTP header.
    public static func percentEncoded(_ slug: String) -> String {
        // Byte by byte (what `addingPercentEncoding` with the unreserved set writes): links are
        // made by the hundred per page.
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(slug.utf8.count * 3)
        for byte in slug.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(byte)
            default:
                out.append(contentsOf: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// RFC 3986 unreserved characters: everything else is percent-encoded in a path segment.
    public static let unreservedCharacters: CharacterSet = {
        var set = CharacterSet()
        set.insert(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return set
    }()

    static func isSlugCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
        }
        if ArabicNormalizer.isArabic(scalar) {
            // Arabic punctuation is not part of a word.
            switch scalar.value {
            case 0x060C, 0x061B, 0x061F, 0x066A...0x066D, 0x06D4: return false
            default: return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            }
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
    }
}
