import Foundation
import GRDB
import MinbarArabic

/// Dates as GRDB stores them (`YYYY-MM-DD HH:MM:SS.SSS`, UTC) read by arithmetic: GRDB goes
/// through `Calendar`, microseconds a date, and every article card carries three or four.
/// The result is the `Date` GRDB would give (checked in StoredDateTests); other forms go to GRDB.
enum StoredDate {
    /// The date in the row's column, or nil for NULL.
    static func read(_ row: Row, _ index: Int) -> Date? {
        enum Found { case null, date(Date), other }
        let found = (try? row.withUnsafeData(atIndex: index) { data -> Found in
            guard let data else { return .null }
            return data.withUnsafeBytes { parse($0) }.map(Found.date) ?? .other
        }) ?? .other
        switch found {
        case .null: return nil
        case .date(let date): return date
        case .other: return row[index]
        }
    }

    /// `YYYY-MM-DD HH:MM:SS` with an optional `.SSS`, or nil for any other form.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> Date? {
        guard bytes.count == 19 || bytes.count == 23 else { return nil }
        func number(_ start: Int, _ length: Int) -> Int? {
            var value = 0
            for index in start..<(start + length) {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: " "),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60
        else { return nil }
        var milliseconds = 0
        if bytes.count == 23 {
            guard bytes[19] == UInt8(ascii: "."), let value = number(20, 3) else { return nil }
            milliseconds = value
        }
        // 2001-01-01 (Foundation's reference date) is Julian Day Number 2,451,911.
        let days = GregorianDay.julianDayNumber(year: year, month: month, day: day) - 2_451_911
        // Summed as Foundation's calendar sums them (GRDB reads through it): the time of day with
        // its fraction first, then the days. Adding the fraction to the whole count of seconds
        // instead differs in the last bit now and then (2001-01-04 15:08:19.166).
        let timeOfDay = Double(hour * 3_600 + minute * 60 + second) + Double(milliseconds * 1_000_000) / 1e9
        return Date(timeIntervalSinceReferenceDate: Double(days * 86_400) + timeOfDay)
    }
}
