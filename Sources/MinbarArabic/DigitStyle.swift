/// Which digits numbers are written with: a site setting.
public enum DigitStyle: String, Sendable, Codable, CaseIterable {
    /// 0123456789, as most Maghreb and many Levantine and Gulf news sites write them.
    case latin
    /// ٠١٢٣٤٥٦٧٨٩ (Arabic-Indic), as many Egyptian, Gulf and Iraqi sites write them.
    case arabicIndic = "arabic-indic"

    /// The text with every ASCII digit written in this style.
    ///
    /// ```swift
    /// DigitStyle.arabicIndic.apply(to: "21 ديسمبر 2015") // "٢١ ديسمبر ٢٠١٥"
    /// ```
    public func apply(to text: String) -> String {
        guard self == .arabicIndic else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x30 && scalar.value <= 0x39 {
                scalars.append(Unicode.Scalar(scalar.value - 0x30 + 0x0660)!)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// An integer written in this style.
    public func format(_ number: Int) -> String {
        apply(to: String(number))
    }
}
