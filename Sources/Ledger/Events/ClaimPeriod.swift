/// The period a claim covers: a calendar half-year (actual expenditure) or a year (fixed amounts).
public enum ClaimPeriod: Sendable, Equatable, CustomStringConvertible {
    case halfYear(year: Int, half: Int)
    case year(Int)

    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 4 || bytes.count == 7, let year = BusinessDate.digits(bytes, 0, 4), year >= 1 else { return nil }
        if bytes.count == 4 { self = .year(year); return }
        guard bytes[4] == UInt8(ascii: "-"), bytes[5] == UInt8(ascii: "H"),
              bytes[6] == UInt8(ascii: "1") || bytes[6] == UInt8(ascii: "2") else { return nil }
        self = .halfYear(year: year, half: Int(bytes[6] - UInt8(ascii: "0")))
    }

    public var start: BusinessDate {
        switch self {
        case .halfYear(let year, let half): return BusinessDate(year: year, month: half == 1 ? 1 : 7, day: 1)!
        case .year(let year): return BusinessDate(year: year, month: 1, day: 1)!
        }
    }

    /// Last day of the period (30 June, 31 December).
    public var end: BusinessDate {
        switch self {
        case .halfYear(let year, let half): return BusinessDate(year: year, month: half == 1 ? 6 : 12, day: half == 1 ? 30 : 31)!
        case .year(let year): return BusinessDate(year: year, month: 12, day: 31)!
        }
    }

    public var description: String {
        switch self {
        case .halfYear(let year, let half): return BusinessDate.pad(year, 4) + "-H\(half)"
        case .year(let year): return BusinessDate.pad(year, 4)
        }
    }
}

/// A calendar month `YYYY-MM` (the publication month of average costs, Art 67(2)).
public struct YearMonth: Sendable, Equatable {
    public let year: Int
    public let month: Int

    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
              let year = BusinessDate.digits(bytes, 0, 4), year >= 1,
              let month = BusinessDate.digits(bytes, 5, 2), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    public var firstDay: BusinessDate { BusinessDate(year: year, month: month, day: 1)! }
}
