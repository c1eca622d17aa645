/// Calendar arithmetic on days counted from 1970-01-01 (proleptic Gregorian),
/// with integers only, after Howard Hinnant's `days_from_civil` / `civil_from_days`.
///
/// Ledger's `BusinessDate` does the same arithmetic. SampleData keeps its own copy on
/// purpose: it depends on nothing, so the generator and the validator, written apart,
/// check each other (Tests/LedgerTests/GeneratedSampleTests.swift).
enum CivilDay {
    static func from(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The same day `months` later, clamped to the end of a shorter month.
    static func adding(months: Int, to days: Int) -> Int {
        let date = civil(days)
        let total = date.year * 12 + (date.month - 1) + months
        let year = total / 12, month = total % 12 + 1
        return from(year: year, month: month, day: min(date.day, daysIn(year: year, month: month)))
    }

    /// The last day of the month that is `months` after the month of `days`.
    static func endOfMonth(_ days: Int, plusMonths months: Int = 0) -> Int {
        let date = civil(days)
        let total = date.year * 12 + (date.month - 1) + months
        let year = total / 12, month = total % 12 + 1
        return from(year: year, month: month, day: daysIn(year: year, month: month))
    }

    /// The first day of the month of `days`.
    static func startOfMonth(_ days: Int) -> Int {
        let date = civil(days)
        return from(year: date.year, month: date.month, day: 1)
    }
}
