import Ledger
import LedgerRuntime
import Projections

/// `liaison balances` and `GET /v1/balances`, `GET /balances`: one walk of the `claims`
/// projection into a `Balances.Report` (its JSON, CSV and table are in Projections).
public enum BalancesReport {
    /// The as-of date a query defaults to: 31 December of the year, else `today`.
    public static func asOf(year: Int?, asOf: BusinessDate?, today: BusinessDate) -> BusinessDate {
        asOf ?? year.flatMap { BusinessDate(year: $0, month: 12, day: 31) } ?? today
    }

    public static func run(_ query: Balances.Query, projections: ProjectionSet) throws -> Balances.Report {
        var accumulator = Balances.Accumulator(query: query)
        // One snapshot, right at `knownAt` even if the projection lags (a full disk);
        // the walk keeps its resident set bounded by itself (ProjectionStore.forEachItem).
        try projections.store.forEachClaim(knownAt: query.knownAt) { accumulator.add($0) }
        return accumulator.report()
    }

    /// Years accepted by `--year` and `year=`.
    public static let years = 1900...2200
}
