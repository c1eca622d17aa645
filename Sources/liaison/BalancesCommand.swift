import ArgumentParser
import Ledger
import LedgerRuntime
import LedgerService
import Projections

struct BalancesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "balances",
        abstract: "Inter-state reimbursement balances: flows of a year and stocks at a date, per partner, zone, category or basis.",
        discussion: """
        Flows (business dates in the year, or all time up to --as-of): claimsIntroduced \
        (home creditor), debtsIntroduced (home debtor), their balance; claimsPaid, \
        debtsPaid (every PaymentRecorded, advances included, by payment date), their balance.
        Stocks at --as-of (default 31 December of --year, else today): receivable, payable, \
        netPosition, contested, overdue (past the Art 67(5) due date), time-barred (Art 67(1): \
        late claims, shown apart and never in receivable or payable).
        One row per group and currency, then totals per zone and overall, per currency.
        --at-seq gives the figures as the ledger knew them at that seq (an independent axis).

        Examples:
          liaison balances --year 2015 --by zone
          liaison balances --as-of 2020-12-31 --at-seq 150000 --by state --format csv > fr-2020.csv
          liaison balances --year 2024 --by category --currency EUR
        """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "The home state (default: the store's).") var home: String?
    @Option(help: "Flows of this business year.") var year: Int?
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Stocks at this business date.", valueName: "YYYY-MM-DD")) var asOf: BusinessDate?
    @Option(help: "Group by state, zone, category or basis.") var by: Grouping = .state
    @Option(help: "Only this currency.") var currency: String?
    @OptionGroup var at: AtSeqOption
    @Option(name: .long, help: "Output format: json, table or csv (default: table on a terminal, json otherwise).")
    var format: BalancesFormat?

    enum Grouping: String, ExpressibleByArgument, CaseIterable { case state, zone, category, basis }
    enum BalancesFormat: String, ExpressibleByArgument, CaseIterable { case json, table, csv }

    func validate() throws {
        if let year, !BalancesReport.years.contains(year) { throw ValidationError("--year must be between 1900 and 2200.") }
        if let home, StateCode(home) == nil { throw ValidationError("--home \(home) is not a coordination state code.") }
        if let currency, Currency(currency) == nil { throw ValidationError("--currency \(currency) is not in the ledger's currency table.") }
    }

    func run() async throws {
        let resolved = format ?? (Terminal.stdoutIsTerminal ? .table : .json)
        try await runReportingErrors(format: format == .json ? .json : nil) {
            let context = try await ReadContext.open(store)
            let knownAt = try context.knownAt(at)
            let asOfDate = BalancesReport.asOf(year: year, asOf: asOf, today: today())
            let query = Balances.Query(home: home ?? context.log.home, year: year, asOf: asOfDate,
                                       by: Balances.Grouping(rawValue: by.rawValue)!, currency: currency, knownAt: knownAt)
            let report = try BalancesReport.run(query, projections: context.projections)
            switch resolved {
            case .json: Terminal.out(report.json)
            case .csv: Terminal.out(report.csv)
            case .table: Terminal.out(report.table)
            }
        }
    }
}
