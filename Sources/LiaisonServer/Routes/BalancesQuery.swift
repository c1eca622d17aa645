import Hummingbird
import Ledger
import LedgerService
import Projections

/// The query of `GET /v1/balances` and `GET /balances`, checked with the rules of
/// `liaison balances`: `year`, `asOf`, `by`, `currency`, `atSeq`.
struct BalancesQuery {
    var year: Int?
    var asOf: BusinessDate?
    var by: Balances.Grouping = .state
    var currency: String?
    var atSeq: UInt64?

    init(_ request: Request, defaultYear: Int? = nil) throws {
        let query = Query(request)
        if let text = query.text("year"), !text.isEmpty {
            guard let year = Int(text), BalancesReport.years.contains(year) else {
                throw APIError.badRequest("year=\(text) must be a year between \(BalancesReport.years.lowerBound) and \(BalancesReport.years.upperBound).")
            }
            self.year = year
        } else {
            year = defaultYear
        }
        asOf = try query.date("asOf")
        if let text = query.text("by"), !text.isEmpty {
            guard let by = Balances.Grouping(rawValue: text) else {
                throw APIError.badRequest("by=\(text) must be one of \(Balances.Grouping.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            self.by = by
        }
        if let text = query.text("currency"), !text.isEmpty {
            guard Currency(text) != nil else { throw APIError.badRequest("currency=\(text) is not in the ledger's currency table.") }
            currency = text
        }
        atSeq = try query.seq("atSeq")
    }

    /// The ledger query, at one read's seq (several reports of one page share it).
    func query(_ read: ReadContext) throws -> Balances.Query {
        Balances.Query(home: read.log.home, year: year, asOf: BalancesReport.asOf(year: year, asOf: asOf, today: today()),
                       by: by, currency: currency, knownAt: try read.knownAt(atSeq, option: "atSeq"))
    }

    func report(_ backend: LedgerBackend) async throws -> Balances.Report {
        let read = try await backend.read()
        return try await Self.run(try query(read), read)
    }

    static func run(_ query: Balances.Query, _ read: ReadContext) async throws -> Balances.Report {
        let projections = read.projections
        // The walk reads every claim synchronously: off the cooperative pool.
        return try await Offload.run { try BalancesReport.run(query, projections: projections) }
    }
}
