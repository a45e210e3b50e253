/// A number with the noun it counts, as Arabic writes it: the noun's form follows the number
/// (1 and 2 are said by the noun alone, 3–10 take the plural, 11–99 the accusative singular, and
/// a round hundred or thousand — 100, 101, 102, 1000 — the genitive singular).
///
/// ```swift
/// let articles = ArabicCount.Noun(singular: "مقال", dual: "مقالان", plural: "مقالات", accusative: "مقالاً", one: "مقال واحد")
/// ArabicCount.phrase(37, articles, digits: .latin)   // "37 مقالاً"
/// ArabicCount.phrase(100, articles, digits: .latin)  // "100 مقال"
/// ```
public enum ArabicCount {
    public struct Noun: Sendable {
        public var singular: String
        public var dual: String
        public var plural: String
        public var accusative: String
        /// How exactly one is said ("مقال واحد").
        public var one: String

        public init(singular: String, dual: String, plural: String, accusative: String, one: String) {
            self.singular = singular
            self.dual = dual
            self.plural = plural
            self.accusative = accusative
            self.one = one
        }

        public static let article = Noun(singular: "مقال", dual: "مقالان", plural: "مقالات", accusative: "مقالاً", one: "مقال واحد")
        public static let day = Noun(singular: "يوم", dual: "يومان", plural: "أيام", accusative: "يوماً", one: "يوم واحد")
        public static let comment = Noun(singular: "تعليق", dual: "تعليقان", plural: "تعليقات", accusative: "تعليقاً", one: "تعليق واحد")
    }

    /// The noun's form after `count` (without the number).
    public static func form(_ count: Int, _ noun: Noun) -> String {
        switch count % 100 {
        case 3...10: return noun.plural
        case 11...99: return noun.accusative
        default: return noun.singular
        }
    }

    /// The number and its noun; 1 and 2 as the noun alone ("مقال واحد", "مقالان").
    public static func phrase(_ count: Int, _ noun: Noun, digits: DigitStyle) -> String {
        switch count {
        case 1: return noun.one
        case 2: return noun.dual
        default: return digits.format(count) + " " + form(count, noun)
        }
    }
}
