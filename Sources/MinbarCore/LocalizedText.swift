/// A message shown to a person, in Arabic and in English.
public struct LocalizedText: Sendable, Hashable, Codable, CustomStringConvertible {
    public var ar: String
    public var en: String

    public init(ar: String, en: String) {
        self.ar = ar
        self.en = en
    }

    /// The message in a language ("ar" or "en"); Arabic for anything else.
    public func text(for language: String) -> String {
        language.hasPrefix("en") ? en : ar
    }

    public var description: String { en }
}
