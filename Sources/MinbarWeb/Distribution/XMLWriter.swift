import Foundation
import MinbarArabic
import MinbarCore

/// Small helpers for the XML Minbar writes (feeds, sitemaps): escaping and dates.
enum XMLText {
    /// Text safe in XML elements and double-quoted attributes; drops characters XML 1.0 forbids.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default:
                let value = scalar.value
                let allowed = value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
                    || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
                if allowed { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// Text inside `<![CDATA[…]]>`, split where it holds `]]>`.
    static func cdata(_ text: String) -> String {
        "<![CDATA[" + text.replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>") + "]]>"
    }
}

/// Dates as feeds and sitemaps write them, in the site's time zone.
struct FeedDates {
    let timeZone: TimeZone

    /// RFC 3339 / ISO 8601 with offset (Atom, JSON Feed, sitemaps): `2015-12-21T12:00:00+02:00`.
    func rfc3339(_ date: Date) -> String {
        ArabicDateFormatter(timeZone: timeZone).iso8601(date)
    }

    /// RFC 822 as RSS 2.0 wants it: `Mon, 21 Dec 2015 12:00:00 +0200`.
    func rfc822(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        func two(_ value: Int?) -> String { let v = value ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        let offset = timeZone.secondsFromGMT(for: date) / 60
        let zone = (offset < 0 ? "-" : "+") + two(abs(offset) / 60) + two(abs(offset) % 60)
        return "\(HTTPDate.weekdays[(c.weekday ?? 1) - 1]), \(two(c.day)) \(HTTPDate.months[(c.month ?? 1) - 1]) \(c.year ?? 1970) "
            + "\(two(c.hour)):\(two(c.minute)):\(two(c.second)) \(zone)"
    }
}
