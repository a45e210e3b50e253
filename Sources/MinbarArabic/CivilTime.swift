import Foundation

/// The Gregorian day and time of day of an instant in a time zone, by arithmetic: Foundation's
/// `Calendar` costs microseconds per date, and a page or a search answer makes dozens of dates
/// and links.
///
/// ```swift
/// CivilTime(Date(timeIntervalSince1970: 1_450_684_800), timeZone: TimeZone(identifier: "Asia/Riyadh")!)
/// // 2015-12-21 11:00:00
/// ```
public struct CivilTime: Sendable, Hashable {
    public let day: GregorianDay
    public let hour: Int
    public let minute: Int
    public let second: Int

    public init(_ date: Date, timeZone: TimeZone) {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        var days = local / 86_400
        var rest = local % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        // 1970-01-01 is Julian Day Number 2,440,588.
        day = GregorianDay(julianDayNumber: 2_440_588 + days)
        hour = rest / 3_600
        minute = rest % 3_600 / 60
        second = rest % 60
    }
}
