import Foundation

/// "منذ ٣ ساعات": how long ago something happened, with Arabic number agreement
/// (one, two, three to ten, eleven and more take different noun forms).
public enum RelativeTime {
    /// Beyond this age a relative time says less than a date; callers show the date instead.
    public static let horizon: TimeInterval = 7 * 24 * 3600

    enum Unit {
        case minute, hour, day

        /// Singular, dual, plural (3–10), and the singular accusative used from 11 on.
        var arabic: (one: String, two: String, few: String, many: String) {
            switch self {
            case .minute: ("دقيقة", "دقيقتين", "دقائق", "دقيقة")
            case .hour: ("ساعة", "ساعتين", "ساعات", "ساعة")
            case .day: ("يوم", "يومين", "أيام", "يوماً")
            }
        }

        var english: String {
            switch self {
            case .minute: "minute"
            case .hour: "hour"
            case .day: "day"
            }
        }
    }

    /// The time from `date` to `now` in words, or nil when it is in the future or older than
    /// `horizon`.
    ///
    /// ```swift
    /// RelativeTime.string(from: threeHoursAgo, now: now, digits: .arabicIndic) // "منذ ٣ ساعات"
    /// ```
    public static func string(from date: Date, now: Date, digits: DigitStyle = .latin, language: String = "ar") -> String? {
        let seconds = now.timeIntervalSince(date)
        guard seconds >= 0, seconds < horizon else { return nil }
        let (count, unit): (Int, Unit)
        switch seconds {
        case ..<60:
            return language == "en" ? "just now" : "منذ لحظات"
        case ..<3600: (count, unit) = (Int(seconds / 60), .minute)
        case ..<86400: (count, unit) = (Int(seconds / 3600), .hour)
        default: (count, unit) = (Int(seconds / 86400), .day)
        }
        if language == "en" {
            return "\(count) \(unit.english)\(count == 1 ? "" : "s") ago"
        }
        let forms = unit.arabic
        switch count {
        case 1: return "منذ \(forms.one)"
        case 2: return "منذ \(forms.two)"
        case 3...10: return "منذ \(digits.format(count)) \(forms.few)"
        default: return "منذ \(digits.format(count)) \(forms.many)"
        }
    }
}
