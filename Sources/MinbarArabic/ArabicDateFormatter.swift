import Foundation

/// How Gregorian month names are written: a site setting, since Arab countries differ.
public enum MonthNameStyle: String, Sendable, Codable, CaseIterable {
    /// يناير … ديسمبر, as in Egypt, the Gulf and most of North Africa.
    case egyptian
    /// كانون الثاني … كانون الأول, as in the Levant and Iraq.
    case levantine
    /// ديسمبر/كانون الأول: both names, as pan-Arab news sites write them.
    case both

    /// Arabic month name of month 1…12 in this style.
    public func monthName(_ month: Int) -> String {
        switch self {
        case .egyptian: return Self.egyptianNames[month - 1]
        case .levantine: return Self.levantineNames[month - 1]
        case .both: return Self.egyptianNames[month - 1] + "/" + Self.levantineNames[month - 1]
        }
    }

    static let egyptianNames = [
        "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
        "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
    ]
    static let levantineNames = [
        "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
        "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول",
    ]
}

/// Formats dates for readers: Arabic month names in the site's style, an optional Umm al-Qura
/// Hijri date, and the site's digits. English is available for English-language sites.
///
/// ```swift
/// let formatter = ArabicDateFormatter(monthStyle: .both, digits: .latin, timeZone: .gmt)
/// formatter.string(from: date) // "الاثنين 21 ديسمبر/كانون الأول 2015"
/// formatter.hijriString(from: date) // "10 ربيع الأول 1437 هـ"
/// ```
public struct ArabicDateFormatter: Sendable {
    public var monthStyle: MonthNameStyle
    public var digits: DigitStyle
    public var timeZone: TimeZone
    /// "ar" or "en": the language month and day names are written in.
    public var language: String
    public var showsWeekday: Bool

    public static let arabicWeekdays = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"]
    static let englishWeekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static let englishMonths = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    public init(
        monthStyle: MonthNameStyle = .both,
        digits: DigitStyle = .latin,
        timeZone: TimeZone = .gmt,
        language: String = "ar",
        showsWeekday: Bool = true
    ) {
        self.monthStyle = monthStyle
        self.digits = digits
        self.timeZone = timeZone
        self.language = language
        self.showsWeekday = showsWeekday
    }

    /// The calendar day of an instant in the formatter's time zone.
    public func day(of date: Date) -> GregorianDay {
        CivilTime(date, timeZone: timeZone).day
    }

    /// The Gregorian date written out, e.g. "الاثنين 21 ديسمبر/كانون الأول 2015".
    public func string(from date: Date) -> String {
        string(for: day(of: date))
    }

    /// A calendar day written out in the formatter's style.
    public func string(for day: GregorianDay) -> String {
        let text: String
        if language == "en" {
            let weekday = showsWeekday ? Self.englishWeekdays[day.weekday - 1] + ", " : ""
            text = "\(weekday)\(day.day) \(Self.englishMonths[day.month - 1]) \(day.year)"
        } else {
            let weekday = showsWeekday ? Self.arabicWeekdays[day.weekday - 1] + " " : ""
            text = "\(weekday)\(day.day) \(monthStyle.monthName(day.month)) \(day.year)"
        }
        return digits.apply(to: text)
    }

    /// A month written out, e.g. "ديسمبر/كانون الأول 2015", for archive headings.
    public func monthString(year: Int, month: Int) -> String {
        if language == "en" { return "\(Self.englishMonths[month - 1]) \(year)" }
        return digits.apply(to: "\(monthStyle.monthName(month)) \(year)")
    }

    /// The Umm al-Qura date, e.g. "10 ربيع الأول 1437 هـ", or nil outside the table's range.
    public func hijriString(from date: Date) -> String? {
        let gregorian = day(of: date)
        guard let hijri = HijriDate(gregorianYear: gregorian.year, month: gregorian.month, day: gregorian.day) else {
            return nil
        }
        if language == "en" {
            return "\(hijri.day) \(HijriDate.englishMonthNames[hijri.month - 1]) \(hijri.year) AH"
        }
        return digits.apply(to: "\(hijri.day) \(HijriDate.arabicMonthNames[hijri.month - 1]) \(hijri.year) هـ")
    }

    /// The time of day on a 24-hour clock, e.g. "14:05".
    public func time(_ date: Date) -> String {
        let time = CivilTime(date, timeZone: timeZone)
        return digits.apply(to: ZeroPadded.two(time.hour) + ":" + ZeroPadded.two(time.minute))
    }

    /// Day and time without the weekday, for admin lists: "21 ديسمبر 2015، 14:05".
    public func dateTime(_ date: Date) -> String {
        var short = self
        short.showsWeekday = false
        return short.string(from: date) + (language == "en" ? ", " : "، ") + time(date)
    }

    /// ISO 8601 with the site's UTC offset, for `<time datetime>`: "2015-12-21T09:30:00+03:00".
    public func iso8601(_ date: Date) -> String {
        let time = CivilTime(date, timeZone: timeZone)
        let offset = timeZone.secondsFromGMT(for: date)
        let zone: String
        if offset == 0 {
            zone = "Z"
        } else {
            let minutes = abs(offset) / 60
            zone = (offset < 0 ? "-" : "+") + ZeroPadded.two(minutes / 60) + ":" + ZeroPadded.two(minutes % 60)
        }
        return ZeroPadded.four(time.day.year) + "-" + ZeroPadded.two(time.day.month) + "-" + ZeroPadded.two(time.day.day)
            + "T" + ZeroPadded.two(time.hour) + ":" + ZeroPadded.two(time.minute) + ":" + ZeroPadded.two(time.second)
            + zone
    }

}
