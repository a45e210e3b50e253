import Foundation
import Testing

@testable import MinbarArabic

@Suite struct DateTests {
    static let utcSeedDay: Date = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar.date(from: DateComponents(year: 2015, month: 12, day: 21, hour: 9, minute: 30))!
    }()

    @Test func writesTheSeedDateAsTheSeedPageDoes() {
        let formatter = ArabicDateFormatter(monthStyle: .both, digits: .latin, timeZone: .gmt)
        #expect(formatter.string(from: Self.utcSeedDay) == "الاثنين 21 ديسمبر/كانون الأول 2015")
    }

    @Test(arguments: [
        (MonthNameStyle.egyptian, DigitStyle.latin, "الاثنين 21 ديسمبر 2015"),
        (.levantine, .latin, "الاثنين 21 كانون الأول 2015"),
        (.both, .arabicIndic, "الاثنين ٢١ ديسمبر/كانون الأول ٢٠١٥"),
        (.egyptian, .arabicIndic, "الاثنين ٢١ ديسمبر ٢٠١٥"),
    ])
    func followsTheSiteStyleAndDigits(style: MonthNameStyle, digits: DigitStyle, expected: String) {
        let formatter = ArabicDateFormatter(monthStyle: style, digits: digits, timeZone: .gmt)
        #expect(formatter.string(from: Self.utcSeedDay) == expected)
    }

    @Test func writesEveryMonthInEachStyle() {
        #expect(MonthNameStyle.egyptian.monthName(1) == "يناير")
        #expect(MonthNameStyle.levantine.monthName(1) == "كانون الثاني")
        #expect(MonthNameStyle.levantine.monthName(8) == "آب")
        #expect(MonthNameStyle.both.monthName(11) == "نوفمبر/تشرين الثاني")
    }

    @Test func usesTheSiteTimeZoneForTheDay() {
        // 23:30 UTC on 20 December is already 21 December in Riyadh.
        let late = Self.utcSeedDay.addingTimeInterval(-10 * 3600)
        let riyadh = ArabicDateFormatter(monthStyle: .egyptian, timeZone: TimeZone(identifier: "Asia/Riyadh")!)
        let utc = ArabicDateFormatter(monthStyle: .egyptian, timeZone: .gmt)
        #expect(utc.string(from: late) == "الأحد 20 ديسمبر 2015")
        #expect(riyadh.string(from: late) == "الاثنين 21 ديسمبر 2015")
        #expect(riyadh.iso8601(late) == "2015-12-21T02:30:00+03:00")
        #expect(utc.iso8601(late) == "2015-12-20T23:30:00Z")
    }

    @Test func writesTheHijriDate() {
        let formatter = ArabicDateFormatter(timeZone: .gmt)
        #expect(formatter.hijriString(from: Self.utcSeedDay) == "10 ربيع الأول 1437 هـ")
        var indic = formatter
        indic.digits = .arabicIndic
        #expect(indic.hijriString(from: Self.utcSeedDay) == "١٠ ربيع الأول ١٤٣٧ هـ")
    }

    @Test func writesEnglishForEnglishSites() {
        let formatter = ArabicDateFormatter(timeZone: .gmt, language: "en")
        #expect(formatter.string(from: Self.utcSeedDay) == "Monday, 21 December 2015")
        #expect(formatter.hijriString(from: Self.utcSeedDay) == "10 Rabi al-Awwal 1437 AH")
    }

    @Test func convertsBetweenJulianDaysAndGregorianDays() {
        #expect(GregorianDay.julianDayNumber(year: 2000, month: 1, day: 1) == 2_451_545)
        let day = GregorianDay(julianDayNumber: 2_451_545)
        #expect(day == GregorianDay(year: 2000, month: 1, day: 1))
        #expect(GregorianDay(year: 2015, month: 12, day: 21).weekday == 2)  // Monday
    }

    /// Every day from 1990-01-01 to 2040-12-31 against the hijridate package's Umm al-Qura dates.
    @Test func matchesUmmAlQuraForEveryDayFrom1990To2040() throws {
        struct Fixture: Decodable { var rows: [[Value]] }
        enum Value: Decodable {
            case text(String), number(Int)
            init(from decoder: Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let number = try? container.decode(Int.self) { self = .number(number) } else { self = .text(try container.decode(String.self)) }
            }
            var int: Int { if case .number(let n) = self { return n } else { return -1 } }
            var string: String { if case .text(let s) = self { return s } else { return "" } }
        }
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/ummalqura-1990-2040.json")
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
        let anchors = fixture.rows.map { row -> (Int, HijriDate) in
            let parts = row[0].string.split(separator: "-").map { Int($0)! }
            let jdn = GregorianDay.julianDayNumber(year: parts[0], month: parts[1], day: parts[2])
            return (jdn, HijriDate(year: row[1].int, month: row[2].int, day: row[3].int)!)
        }
        var checked = 0
        for (index, anchor) in anchors.dropLast().enumerated() {
            let next = anchors[index + 1]
            for jdn in anchor.0..<next.0 {
                let day = GregorianDay(julianDayNumber: jdn)
                let hijri = HijriDate(gregorianYear: day.year, month: day.month, day: day.day)
                let expected = HijriDate(year: anchor.1.year, month: anchor.1.month, day: anchor.1.day + (jdn - anchor.0))
                #expect(hijri == expected, "\(day)")
                checked += 1
            }
        }
        let last = anchors.last!
        let lastDay = GregorianDay(julianDayNumber: last.0)
        #expect(HijriDate(gregorianYear: lastDay.year, month: lastDay.month, day: lastDay.day) == last.1)
        #expect(checked + 1 == GregorianDay.julianDayNumber(year: 2040, month: 12, day: 31) - GregorianDay.julianDayNumber(year: 1990, month: 1, day: 1) + 1)
    }

    @Test func roundTripsHijriToGregorian() {
        let hijri = HijriDate(year: 1437, month: 3, day: 10)!
        #expect(hijri.gregorian == GregorianDay(year: 2015, month: 12, day: 21))
        #expect(HijriDate(year: 1437, month: 3, day: 31) == nil)
        #expect(HijriDate(gregorianYear: 1800, month: 1, day: 1) == nil)
    }

    @Test func writesArabicIndicDigits() {
        #expect(DigitStyle.arabicIndic.format(2015) == "٢٠١٥")
        #expect(DigitStyle.latin.format(2015) == "2015")
        #expect(DigitStyle.arabicIndic.apply(to: "الصفحة 2 من 10") == "الصفحة ٢ من ١٠")
    }
}

@Suite struct RelativeTimeTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    static let cases: [(Double, DigitStyle, String)] = [
        (30, .latin, "منذ لحظات"),
        (60, .latin, "منذ دقيقة"),
        (120, .latin, "منذ دقيقتين"),
        (5 * 60, .latin, "منذ 5 دقائق"),
        (25 * 60, .arabicIndic, "منذ ٢٥ دقيقة"),
        (3600, .latin, "منذ ساعة"),
        (2 * 3600, .latin, "منذ ساعتين"),
        (3 * 3600, .arabicIndic, "منذ ٣ ساعات"),
        (3 * 3600, .latin, "منذ 3 ساعات"),
        (11 * 3600, .latin, "منذ 11 ساعة"),
        (86400, .latin, "منذ يوم"),
        (2 * 86400, .latin, "منذ يومين"),
        (6 * 86400, .latin, "منذ 6 أيام"),
    ]

    @Test(arguments: cases)
    func agreesWithTheNumber(seconds: Double, digits: DigitStyle, expected: String) {
        #expect(RelativeTime.string(from: now.addingTimeInterval(-seconds), now: now, digits: digits) == expected)
    }

    @Test func givesWayToDatesForOldOrFutureTimes() {
        #expect(RelativeTime.string(from: now.addingTimeInterval(-8 * 86400), now: now) == nil)
        #expect(RelativeTime.string(from: now.addingTimeInterval(60), now: now) == nil)
        #expect(RelativeTime.string(from: now.addingTimeInterval(-3 * 3600), now: now, language: "en") == "3 hours ago")
    }
}

/// Dates and links are computed by arithmetic and byte loops; they must agree with Foundation.
@Suite struct FastFormattingTests {
    @Test(arguments: ["UTC", "Asia/Riyadh", "Africa/Cairo", "Asia/Beirut", "America/New_York", "Asia/Kolkata", "Pacific/Chatham"])
    func civilTimeIsWhatCalendarSays(zone: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var generator = SystemRandomNumberGenerator()
        let instants = [-2_208_988_800.0, -1, 0, 0.5, 951_782_400, 1_450_684_800, 4_102_444_799.9]
            + (0..<2_000).map { _ in Double.random(in: -2_208_988_800...4_102_444_800, using: &generator) }
        for instant in instants {
            let date = Date(timeIntervalSince1970: instant)
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let time = CivilTime(date, timeZone: timeZone)
            let ours: [Int] = [time.day.year, time.day.month, time.day.day, time.hour, time.minute, time.second]
            let foundation: [Int] = [parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!]
            #expect(ours == foundation, "\(instant) in \(zone)")
        }
    }

    @Test func percentEncodingIsFoundations() {
        let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        for slug in ["", "تحالف-فرنسي-روسي", "a b/c?d#e%f", "Ünited~_.-", "😀-emoji", "سوريا-2015"] {
            #expect(Slug.percentEncoded(slug) == slug.addingPercentEncoding(withAllowedCharacters: unreserved), "\(slug)")
        }
    }
}
