import Foundation

/// Normalizes Arabic text for storage and comparison.
///
/// Two levels exist: `canonical` is what Minbar stores for slugs and names that people type
/// (NFC, no harakat, no tatweel, letters otherwise untouched), while later search code folds
/// letter variants on top of it. Both keep Latin text as it is apart from NFC.
public enum ArabicNormalizer {
    /// Tatweel (kashida), U+0640: a stretching mark with no meaning.
    public static let tatweel: Unicode.Scalar = "\u{0640}"

    /// Whether a scalar is an Arabic diacritic or Quranic annotation mark (harakat, tanwin,
    /// shadda, sukun, superscript alef, small high marks).
    ///
    /// Covers U+0610–061A, U+064B–065F, U+0670 and U+06D6–06ED.
    public static func isDiacritic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0610...0x061A, 0x064B...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4, 0x06E7, 0x06E8, 0x06EA...0x06ED:
            return true
        default:
            return false
        }
    }

    /// NFC text without harakat, Quranic marks or tatweel.
    ///
    /// ```swift
    /// ArabicNormalizer.canonical("عَاجِـــل") // "عاجل"
    /// ```
    public static func canonical(_ text: String) -> String {
        let composed = text.precomposedStringWithCanonicalMapping
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(composed.unicodeScalars.count)
        for scalar in composed.unicodeScalars where scalar != tatweel && !isDiacritic(scalar) {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// Whether the scalar belongs to one of the Arabic script blocks.
    public static func isArabic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF:
            return true
        default:
            return false
        }
    }
}
