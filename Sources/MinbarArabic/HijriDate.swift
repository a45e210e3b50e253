/// A date in the Umm al-Qura Hijri calendar, the official calendar of Saudi Arabia.
///
/// Conversion uses the published month-start table (1343–1500 AH, 1924–2077 CE), so a date
/// is exactly what the Umm al-Qura calendar says, not an arithmetic approximation.
public struct HijriDate: Sendable, Hashable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Arabic month names, Muharram first.
    public static let arabicMonthNames = [
        "محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
        "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة",
    ]

    /// English transliterations of the month names, Muharram first.
    public static let englishMonthNames = [
        "Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Ula", "Jumada al-Akhirah",
        "Rajab", "Shaban", "Ramadan", "Shawwal", "Dhu al-Qadah", "Dhu al-Hijjah",
    ]

    /// The Hijri date of a Gregorian calendar day, or nil outside 1924-08-01…2077-11-16.
    ///
    /// ```swift
    /// HijriDate(gregorianYear: 2015, month: 12, day: 21) // 1437-03-10
    /// ```
    public init?(gregorianYear year: Int, month: Int, day: Int) {
        let reducedJulianDay = GregorianDay.julianDayNumber(year: year, month: month, day: day) - 2_400_000
        let starts = UmmAlQuraTable.monthStarts
        guard let first = starts.first, let last = starts.last,
            reducedJulianDay >= Int(first), reducedJulianDay < Int(last)
        else { return nil }
        // Binary search for the last month starting on or before the day.
        var low = 0
        var high = starts.count - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if Int(starts[middle]) <= reducedJulianDay { low = middle } else { high = middle }
        }
        let months = low + UmmAlQuraTable.monthOffset
        self.year = months / 12 + 1
        self.month = months % 12 + 1
        self.day = reducedJulianDay - Int(starts[low]) + 1
    }

    /// A Hijri date from its parts, or nil when that day does not exist in the table.
    public init?(year: Int, month: Int, day: Int) {
        guard year >= UmmAlQuraTable.firstYear, year <= UmmAlQuraTable.lastYear, (1...12).contains(month), day >= 1 else {
            return nil
        }
        let index = (year - 1) * 12 + month - 1 - UmmAlQuraTable.monthOffset
        let length = Int(UmmAlQuraTable.monthStarts[index + 1] - UmmAlQuraTable.monthStarts[index])
        guard day <= length else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The Gregorian day this Hijri date falls on.
    public var gregorian: GregorianDay {
        let index = (year - 1) * 12 + month - 1 - UmmAlQuraTable.monthOffset
        let julianDay = Int(UmmAlQuraTable.monthStarts[index]) + day - 1 + 2_400_000
        return GregorianDay(julianDayNumber: julianDay)
    }

    /// ISO-like `YYYY-MM-DD` form.
    public var description: String {
        ZeroPadded.four(year) + "-" + ZeroPadded.two(month) + "-" + ZeroPadded.two(day)
    }
}

/// A day of the proleptic Gregorian calendar, without time or zone.
public struct GregorianDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day with the given Julian Day Number.
    public init(julianDayNumber jdn: Int) {
        // Richards' algorithm (Explanatory Supplement to the Astronomical Almanac).
        let f = jdn + 1401 + (((4 * jdn + 274_277) / 146_097) * 3) / 4 - 38
        let e = 4 * f + 3
        let g = (e % 1461) / 4
        let h = 5 * g + 2
        let month = ((h / 153 + 2) % 12) + 1
        self.day = (h % 153) / 5 + 1
        self.month = month
        self.year = e / 1461 - 4716 + (12 + 2 - month) / 12
    }

    /// Julian Day Number of a Gregorian date.
    public static func julianDayNumber(year: Int, month: Int, day: Int) -> Int {
        let a = (14 - month) / 12
        let y = year + 4800 - a
        let m = month + 12 * a - 3
        return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
    }

    /// Julian Day Number of this day.
    public var julianDayNumber: Int { Self.julianDayNumber(year: year, month: month, day: day) }

    /// Day of the week, 1 = Sunday … 7 = Saturday.
    public var weekday: Int { (julianDayNumber + 1) % 7 + 1 }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var description: String {
        ZeroPadded.four(year) + "-" + ZeroPadded.two(month) + "-" + ZeroPadded.two(day)
    }
}

/// Zero-padded decimal numbers for ISO dates.
enum ZeroPadded {
    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    static func four(_ value: Int) -> String {
        let digits = "\(value)"
        return digits.count >= 4 ? digits : String(repeating: "0", count: 4 - digits.count) + digits
    }
}
