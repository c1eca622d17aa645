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
        // The walk keeps its resident set bounded by itself (ProjectionStore.forEachItem).
        try projections.store.forEachItem("claims") { bytes in
            accumulator.add(try ClaimState(json: JSONReader(bytes: bytes)))
        }
        return accumulator.report()
    }

    /// Years accepted by `--year` and `year=`.
    public static let years = 1900...2200
}
