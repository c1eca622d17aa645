import Ledger

/// The time rules of 987/2009 Art 67 that the ledger can compute from business dates.
public enum ClaimRules {
    /// Art 67(5): payment is due by the last day of the 18th month after the month of introduction.
    public static func dueDate(introduced: BusinessDate) -> BusinessDate {
        introduced.endOfMonth(monthsLater: 18)
    }

    /// The last day a claim may be introduced, or nil when no deadline applies.
    /// Art 67(1): an actual-expenditure claim, within 12 months after the end of its half-year.
    /// Art 67(2): a fixed-amount claim, within 12 months after the month its average costs were published.
    public static func introductionDeadline(basis: String, period: String, costsPublished: String?) -> BusinessDate? {
        if basis == "actual", let half = ClaimPeriod(period) {
            return half.end.endOfMonth(monthsLater: 12)
        }
        if basis == "fixed", let published = costsPublished.flatMap(YearMonth.init) {
            return published.firstDay.endOfMonth(monthsLater: 12)
        }
        return nil
    }

    /// A claim introduced after its deadline is not considered (Art 67(1), 67(4)).
    public static func isTimeBarred(introduced: BusinessDate, deadline: BusinessDate?) -> Bool {
        guard let deadline else { return false }
        return introduced > deadline
    }
}
