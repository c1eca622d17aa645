/// A calendar date (proleptic Gregorian) as a count of days since 1970-01-01.
///
/// Integer days make comparisons, day counts (Art 6 aggregation) and month
/// arithmetic (Art 67 deadlines) exact, with no time zone and no Foundation calendar.
public struct BusinessDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let days: Int32

    public init(days: Int32) { self.days = days }

    /// The years a business date may fall in: wide enough for careers that began in the
    /// last century and postings that end decades ahead, narrow enough that every Art 67
    /// deadline and every `balances --year` stays computable.
    public static let ledgerYears = 1900...2199
    public static let ledgerRange = BusinessDate(year: 1900, month: 1, day: 1)!...BusinessDate(year: 2199, month: 12, day: 31)!

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= BusinessDate.daysInMonth(year: year, month: month) else { return nil }
        self.days = Int32(BusinessDate.daysFromCivil(year: year, month: month, day: day))
    }

    /// Parses exactly `YYYY-MM-DD` and checks it is a real calendar date.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = BusinessDate.digits(bytes, 0, 4),
              let month = BusinessDate.digits(bytes, 5, 2),
              let day = BusinessDate.digits(bytes, 8, 2) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var components: (year: Int, month: Int, day: Int) { BusinessDate.civil(fromDays: Int(days)) }
    public var year: Int { components.year }
    public var month: Int { components.month }

    public var description: String {
        let (y, m, d) = components
        return BusinessDate.pad(y, 4) + "-" + BusinessDate.pad(m, 2) + "-" + BusinessDate.pad(d, 2)
    }

    public static func < (lhs: BusinessDate, rhs: BusinessDate) -> Bool { lhs.days < rhs.days }

    public func adding(days delta: Int) -> BusinessDate { BusinessDate(days: days + Int32(delta)) }

    /// The same day `count` months later, clamped to the end of a shorter month
    /// (31 January + 1 month = 28/29 February).
    public func adding(months count: Int) -> BusinessDate {
        let (y, m, d) = components
        let total = y * 12 + (m - 1) + count
        let year = total / 12, month = total % 12 + 1
        let day = min(d, BusinessDate.daysInMonth(year: year, month: month))
        return BusinessDate(year: year, month: month, day: day) ?? self
    }

    /// Last day of the month `count` months after this date's month (count 0: this month).
    public func endOfMonth(monthsLater count: Int) -> BusinessDate {
        let (y, m, _) = components
        let total = y * 12 + (m - 1) + count
        let year = total / 12, month = total % 12 + 1
        return BusinessDate(year: year, month: month, day: BusinessDate.daysInMonth(year: year, month: month)) ?? self
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Days from civil and back: the era-based algorithm (400-year cycles of 146097 days),
    // exact for every proleptic Gregorian date.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays value: Int) -> (Int, Int, Int) {
        let z = value + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func digits(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for index in start..<(start + count) {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
