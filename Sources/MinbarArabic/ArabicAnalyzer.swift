import Foundation

/// A word of a text: its normalized form for searching, and where it stands in the original
/// text (for snippets and highlighting in the original spelling).
public struct SearchToken: Sendable, Hashable {
    /// The normalized word (see `ArabicAnalyzer.fold`).
    public let term: String
    /// Where the word is in the original text.
    public let range: Range<String.Index>
}

/// Arabic text analysis for search: the same at index time and at query time.
///
/// Normalization folds what spelling varies on while meaning does not: harakat and Quranic marks,
/// tatweel, the alef forms (أ إ آ ٱ → ا), ى → ي, ة → ه, ؤ → و, ئ → ي, Persian and Urdu letters
/// (ک ی ۀ ہ, and the letters names are written with: گ پ چ ژ ڤ),
/// Arabic-Indic and Eastern digits, presentation forms, Latin case.
public enum ArabicAnalyzer {
    /// The folded form of one scalar: nil to drop it (a mark inside a word), else its text.
    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x0640: return nil  // tatweel
        case 0x0610...0x061A, 0x064B...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4, 0x06E7, 0x06E8, 0x06EA...0x06ED:
            return nil  // harakat and Quranic marks
        case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673: return "\u{0627}"  // آ أ إ ٱ → ا
        case 0x0649, 0x06CC, 0x06D2: return "\u{064A}"  // ى ی ے → ي
        case 0x0629, 0x06C0, 0x06C1, 0x06C3, 0x06D5: return "\u{0647}"  // ة ۀ ہ ۃ ە → ه
        case 0x0624: return "\u{0648}"  // ؤ → و
        case 0x0626: return "\u{064A}"  // ئ → ي
        case 0x06A9, 0x06AA, 0x06AF: return "\u{0643}"  // ک گ → ك
        case 0x06A4, 0x06A5: return "\u{0641}"  // ڤ ڥ (v in names: ڤيينا) → ف
        case 0x067E: return "\u{0628}"  // پ → ب
        case 0x0686: return "\u{062C}"  // چ → ج
        case 0x0698: return "\u{0632}"  // ژ → ز
        case 0x0660...0x0669: return Unicode.Scalar(scalar.value - 0x0660 + 0x30)  // ٠-٩
        case 0x06F0...0x06F9: return Unicode.Scalar(scalar.value - 0x06F0 + 0x30)  // ۰-۹
        case 0x41...0x5A: return Unicode.Scalar(scalar.value + 0x20)  // A-Z
        default: return scalar
        }
    }

    /// Whether a scalar is part of a word (letters, digits, and the marks and tatweel inside words).
    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
        }
        switch scalar.value {
        case 0x0621...0x063A, 0x0641...0x064A: return true  // Arabic letters: most of every text
        default: break
        }
        if ArabicNormalizer.isDiacritic(scalar) || scalar == ArabicNormalizer.tatweel { return true }
        switch scalar.value {
        case 0x060C, 0x061B, 0x061F, 0x066A...0x066D, 0x06D4: return false  // Arabic punctuation
        default: break
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType == .decimal
    }

    /// The words of a text, folded, with their ranges in the original.
    ///
    /// ```swift
    /// ArabicAnalyzer.tokens(in: "وَالإرهابُ") // [SearchToken(term: "والارهاب", …)]
    /// ```
    public static func tokens(in text: String) -> [SearchToken] {
        var tokens: [SearchToken] = []
        var term = String.UnicodeScalarView()
        var start: String.Index?
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        func finish(at end: String.Index) {
            if let begin = start, !term.isEmpty { tokens.append(SearchToken(term: hundredSpelledOneWay(term), range: begin..<end)) }
            term = String.UnicodeScalarView()
            start = nil
        }
        while index < scalars.endIndex {
            let scalar = scalars[index]
            // A thousands separator inside a number (1,500, ١٬٥٠٠): the number is one word, as
            // typed without it.
            if isThousandsSeparator(scalar), !term.isEmpty, term.allSatisfy(isFoldedDigit),
                startsThreeDigitGroup(after: index, in: scalars)
            {
                index = scalars.index(after: index)
                continue
            }
            if isWordScalar(scalar) {
                // A number written against the letters after it (٢٠٢٥م, 1446هـ) is a word of its
                // own: a year is found whatever era letter follows it.
                if start != nil, isArabicLetter(scalar), !term.isEmpty, term.allSatisfy(isFoldedDigit) { finish(at: index) }
                if start == nil { start = index }
                if (0xFB50...0xFDFF).contains(scalar.value) || (0xFE70...0xFEFF).contains(scalar.value) {
                    // Presentation forms (ﻻ, ﷲ …): their compatibility decomposition, folded.
                    for part in String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars {
                        if let folded = fold(part), isWordScalar(part) { term.append(folded) }
                    }
                } else if let folded = fold(scalar) {
                    term.append(folded)
                }
            } else {
                finish(at: index)
            }
            index = scalars.index(after: index)
        }
        finish(at: scalars.endIndex)
        return tokens
    }

    /// "," and the Arabic thousands separator "٬" (not the decimal "٫", nor ".", a decimal point
    /// in most Arabic news writing).
    @inline(__always)
    static func isThousandsSeparator(_ scalar: Unicode.Scalar) -> Bool { scalar == "," || scalar == "\u{066C}" }

    @inline(__always)
    static func isFoldedDigit(_ scalar: Unicode.Scalar) -> Bool { (0x30...0x39).contains(scalar.value) }

    /// A letter of the Arabic alphabet proper (not a mark, tatweel or digit).
    @inline(__always)
    static func isArabicLetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x0621...0x063A).contains(scalar.value) || (0x0641...0x064A).contains(scalar.value)
    }

    /// A digit in any of the scripts folded to 0–9.
    @inline(__always)
    static func isDigit(_ value: UInt32) -> Bool {
        (0x30...0x39).contains(value) || (0x0660...0x0669).contains(value) || (0x06F0...0x06F9).contains(value)
    }

    /// Whether exactly three digits follow `index` (and then no fourth): a separator between
    /// thousands, not a comma between numbers (2,5 written for 2.5; 2019,2020).
    static func startsThreeDigitGroup(after index: String.UnicodeScalarView.Index, in scalars: String.UnicodeScalarView) -> Bool {
        var position = scalars.index(after: index)
        for _ in 0..<3 {
            guard position < scalars.endIndex, isDigit(scalars[position].value) else { return false }
            position = scalars.index(after: position)
        }
        return position == scalars.endIndex || !isDigit(scalars[position].value)
    }

    /// Whether a text writes a number against a letter after it (٢٠٢٥م): a quick look for texts
    /// to index again.
    public static func mayHaveNumberBeforeALetter(_ text: String) -> Bool {
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            if isDigit(previous.value), isArabicLetter(scalar) { return true }
            previous = scalar
        }
        return false
    }

    /// Whether a text may write a number with a thousands separator (a digit, "," or "٬", a
    /// digit): a quick look for texts to index again.
    public static func mayHaveThousandsSeparator(_ text: String) -> Bool {
        var previous: (Unicode.Scalar, Unicode.Scalar) = (" ", " ")
        for scalar in text.unicodeScalars {
            if isThousandsSeparator(previous.1), isDigit(previous.0.value), isDigit(scalar.value) { return true }
            previous = (previous.1, scalar)
        }
        return false
    }

    /// The ranges of `count` words of a text starting at word number `first` (counted as
    /// `tokens(in:)` counts them), without folding any word: snippets of long articles need the
    /// place of a few words whose number the index already knows.
    public static func wordRanges(in text: String, from first: Int, count: Int) -> [Range<String.Index>] {
        guard count > 0 else { return [] }
        // Over UTF-8 bytes, decoding scalars by hand (Arabic letters without a lookup): snippets
        // of every search hit walk their article's text this way.
        var text = text
        var found: [Range<Int>] = []
        text.withUTF8 { bytes in
            var number = 0
            var start = -1
            var hasLetter = false
            /// Whether the word so far is digits only (a thousands separator may follow).
            var onlyDigits = true
            var index = 0
            func scalar(at offset: Int) -> (value: UInt32, length: Int) {
                let lead = bytes[offset]
                let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                var value = UInt32(lead)
                if length > 1 {
                    value &= length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07
                    for extra in 1..<min(length, bytes.count - offset) { value = value << 6 | UInt32(bytes[offset + extra] & 0x3F) }
                }
                return (value, length)
            }
            /// As `startsThreeDigitGroup`, over the bytes after the separator at `offset`.
            func threeDigitsFollow(_ offset: Int) -> Bool {
                var position = offset
                for _ in 0..<3 {
                    guard position < bytes.count else { return false }
                    let next = scalar(at: position)
                    guard isDigit(next.value) else { return false }
                    position += next.length
                }
                return position >= bytes.count || !isDigit(scalar(at: position).value)
            }
            func finish(at end: Int) {
                if start >= 0, hasLetter {
                    if number >= first { found.append(start..<end) }
                    number += 1
                }
                start = -1
                hasLetter = false
                onlyDigits = true
            }
            while index < bytes.count, found.count < count {
                let (value, length) = scalar(at: index)
                if start >= 0, onlyDigits, value == 0x2C || value == 0x066C, threeDigitsFollow(index + length) {
                    index += length
                    continue
                }
                let isWord: Bool
                let isLetter: Bool
                switch value {
                case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x0621...0x063A, 0x0641...0x064A:
                    isWord = true
                    isLetter = true
                default:
                    let scalar = Unicode.Scalar(value) ?? " "
                    isWord = isWordScalar(scalar)
                    isLetter = isWord && addsToTerm(scalar)
                }
                if isWord {
                    if start >= 0, hasLetter, onlyDigits, (0x0621...0x063A).contains(value) || (0x0641...0x064A).contains(value) {
                        finish(at: index)
                    }
                    if start < 0 { start = index }
                    if isLetter { hasLetter = true }
                    if !isDigit(value), isLetter { onlyDigits = false }
                } else {
                    finish(at: index)
                }
                index += length
            }
            if found.count < count { finish(at: bytes.count) }
        }
        let utf8 = text.utf8
        return found.map { utf8.index(utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound) }
    }

    /// "Hundred" is spelled مائة and مئة (مائتان/مئتان, ثلاثمائة/ثلاثمئة, بالمائة/بالمئة): the
    /// folded word with the older spelling's alef dropped. Only the number itself, behind a
    /// conjunction, preposition, the article or a unit (حماية ends the same way and stays).
    static func hundredSpelledOneWay(_ term: String.UnicodeScalarView) -> String {
        // Most words have no م ا ي run: found without making a String.
        var previous: (Unicode.Scalar, Unicode.Scalar) = (" ", " ")
        var hasRun = false
        for scalar in term {
            if previous.0 == "\u{0645}", previous.1 == "\u{0627}", scalar == "\u{064A}" {
                hasRun = true
                break
            }
            previous = (previous.1, scalar)
        }
        let word = String(term)
        guard hasRun, let range = word.range(of: "ماي") else { return word }
        let ending = word[range.upperBound...]
        guard ["ه", "تان", "تين", "تي", "تا"].contains(String(ending)) else { return word }
        var front = Substring(word[..<range.lowerBound])
        if let first = front.first, "وفبلك".contains(first) { front = front.dropFirst() }
        for article in ["ال", "ل"] where front.hasPrefix(article) {
            front = front.dropFirst(article.count)
            break
        }
        guard front.isEmpty || units.contains(String(front)) else { return word }
        return String(word[..<range.lowerBound]) + "مي" + ending
    }

    /// The units that join مائة in one word (ثلاثمائة … تسعمائة), folded.
    static let units: Set<String> = ["ثلاث", "اربع", "خمس", "ست", "سبع", "ثمان", "ثماني", "تسع"]

    /// Whether a word scalar leaves something in the folded word (a mark or tatweel does not; a
    /// presentation form does when its decomposition holds a letter).
    static func addsToTerm(_ scalar: Unicode.Scalar) -> Bool {
        if (0xFB50...0xFDFF).contains(scalar.value) || (0xFE70...0xFEFF).contains(scalar.value) {
            return String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars.contains { fold($0) != nil && isWordScalar($0) }
        }
        return fold(scalar) != nil
    }

    /// The folded words of a text, space-separated: what the index stores.
    public static func foldedText(_ text: String) -> String {
        tokens(in: text).map(\.term).joined(separator: " ")
    }

    /// One word folded (harakat dropped, letters unified).
    public static func fold(word: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            if let folded = fold(scalar) { result.append(folded) }
        }
        return String(result)
    }
}
