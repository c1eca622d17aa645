import Ledger

/// Inter-state reimbursement balances (SPEC §6), computed from `claims` projection
/// states alone: a pure function of the claims, the home state, the business window
/// and the known-at seq. Two independent axes: the business date (`asOf`, `year`) and
/// what the ledger knew (`knownAt`).
public enum Balances {
    public enum Grouping: String, Sendable, CaseIterable {
        case state, zone, category, basis
    }

    public struct Query: Sendable {
        public var home: String
        public var year: Int?
        public var asOf: BusinessDate
        public var by: Grouping
        public var currency: String?
        public var knownAt: UInt64

        public init(home: String, year: Int?, asOf: BusinessDate, by: Grouping, currency: String?, knownAt: UInt64) {
            self.home = home
            self.year = year
            self.asOf = asOf
            self.by = by
            self.currency = currency
            self.knownAt = knownAt
        }
    }

    /// All figures in minor units of `currency`.
    public struct Row: Sendable, Equatable {
        public var key: String
        public var zone: String?
        public var currency: String
        public var scale: Int
        public var claimsIntroduced: Int64 = 0
        public var debtsIntroduced: Int64 = 0
        public var claimsPaid: Int64 = 0
        public var debtsPaid: Int64 = 0
        public var receivable: Int64 = 0
        public var payable: Int64 = 0
        public var contestedReceivable: Int64 = 0
        public var contestedPayable: Int64 = 0
        public var overdueReceivable: Int64 = 0
        public var overduePayable: Int64 = 0
        public var timeBarredReceivable: Int64 = 0
        public var timeBarredPayable: Int64 = 0

        public var introducedBalance: Int64 { claimsIntroduced - debtsIntroduced }
        public var paidBalance: Int64 { claimsPaid - debtsPaid }
        public var netPosition: Int64 { receivable - payable }

        /// The figures in output order, names as in SPEC §6.
        public var figures: [(name: String, units: Int64)] {
            [("claimsIntroduced", claimsIntroduced), ("debtsIntroduced", debtsIntroduced), ("introducedBalance", introducedBalance),
             ("claimsPaid", claimsPaid), ("debtsPaid", debtsPaid), ("paidBalance", paidBalance),
             ("receivable", receivable), ("payable", payable), ("netPosition", netPosition),
             ("contestedReceivable", contestedReceivable), ("contestedPayable", contestedPayable),
             ("overdueReceivable", overdueReceivable), ("overduePayable", overduePayable),
             ("timeBarredReceivable", timeBarredReceivable), ("timeBarredPayable", timeBarredPayable)]
        }

        mutating func add(_ other: Row) {
            claimsIntroduced += other.claimsIntroduced; debtsIntroduced += other.debtsIntroduced
            claimsPaid += other.claimsPaid; debtsPaid += other.debtsPaid
            receivable += other.receivable; payable += other.payable
            contestedReceivable += other.contestedReceivable; contestedPayable += other.contestedPayable
            overdueReceivable += other.overdueReceivable; overduePayable += other.overduePayable
            timeBarredReceivable += other.timeBarredReceivable; timeBarredPayable += other.timeBarredPayable
        }
    }

    public struct Report: Sendable {
        public var query: Query
        public var rows: [Row]
        public var totals: [Row]
    }

    /// Accumulates claims one at a time (bounded memory: one row per group and currency).
    public struct Accumulator {
        public let query: Query
        private var groups: [String: Row] = [:]
        private var zoneTotals: [String: Row] = [:]

        public init(query: Query) { self.query = query }

        public mutating func add(_ claim: ClaimState) {
            guard claim.creditor == query.home || claim.debtor == query.home else { return }
            if let currency = query.currency, claim.currency != currency { return }
            guard let stock = claim.figures(asOf: query.asOf, knownAt: query.knownAt) else { return }
            let isClaim = claim.creditor == query.home
            let partner = isClaim ? claim.debtor : claim.creditor
            let zone = StateCode(partner)?.zone.rawValue ?? "non-EU"
            let windowStart = query.year.flatMap { BusinessDate(year: $0, month: 1, day: 1) } ?? BusinessDate(days: Int32.min)
            let windowEnd = min(query.year.flatMap { BusinessDate(year: $0, month: 12, day: 31) } ?? query.asOf, query.asOf)
            let inWindow = { (date: BusinessDate) in date >= windowStart && date <= windowEnd }

            var row = Row(key: "", zone: nil, currency: claim.currency, scale: claim.scale)
            if inWindow(claim.introduced) {
                if isClaim { row.claimsIntroduced = claim.amount } else { row.debtsIntroduced = claim.amount }
            }
            for movement in claim.movements where movement.type == .paymentRecorded && movement.seq <= query.knownAt && inWindow(movement.occurred) {
                if isClaim { row.claimsPaid += movement.amount } else { row.debtsPaid += movement.amount }
            }
            if claim.timeBarred {
                // Art 67(1): a late claim is not considered; it is shown apart, never as receivable or payable.
                if isClaim { row.timeBarredReceivable = stock.outstanding } else { row.timeBarredPayable = stock.outstanding }
            } else if isClaim {
                row.receivable = stock.outstanding
                row.contestedReceivable = stock.contested
                row.overdueReceivable = stock.overdue
            } else {
                row.payable = stock.outstanding
                row.contestedPayable = stock.contested
                row.overduePayable = stock.overdue
            }

            let key: String
            var rowZone: String?
            switch query.by {
            case .state: key = partner; rowZone = zone
            case .zone: key = zone; rowZone = zone
            case .category: key = claim.category
            case .basis: key = claim.basis
            }
            let groupKey = key + "\u{0}" + claim.currency
            groups[groupKey, default: Row(key: key, zone: rowZone, currency: claim.currency, scale: claim.scale)].add(row)
            zoneTotals[zone + "\u{0}" + claim.currency, default: Row(key: zone, zone: zone, currency: claim.currency, scale: claim.scale)].add(row)
        }

        /// Rows sorted by key then currency; totals per zone present, then `all`, per currency.
        public func report() -> Report {
            let order = { (a: Row, b: Row) in a.key != b.key ? a.key.utf8.lexicographicallyPrecedes(b.key.utf8) : a.currency < b.currency }
            let rows = groups.values.sorted(by: order)
            var totals = zoneTotals.values.sorted(by: order)
            var all: [String: Row] = [:]
            for total in totals { all[total.currency, default: Row(key: "all", zone: nil, currency: total.currency, scale: total.scale)].add(total) }
            totals += all.values.sorted(by: order)
            return Report(query: query, rows: rows, totals: totals)
        }
    }
}
