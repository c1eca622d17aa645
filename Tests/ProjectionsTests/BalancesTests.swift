import Testing
@testable import Ledger
@testable import LedgerRuntime
@testable import Projections

/// Balances from the projection against figures computed here, from the scenario's own
/// record of what it generated (never from `ClaimState` or `Balances`).
struct BalancesTests {
    typealias D = ClaimScenario.Date3

    struct Expected {
        var figures: [String: Int64] = [:]
        mutating func add(_ name: String, _ units: Int64) { figures[name, default: 0] += units }
    }

    static func expected(_ scenario: ClaimScenario, year: Int?, asOf: D, by: String, knownAt: UInt64) -> [String: Expected] {
        var groups: [String: Expected] = [:]
        for claim in scenario.claims where UInt64(claim.index + 1) <= knownAt && claim.introduced <= asOf {
            let isClaim = claim.creditor == "FR"
            let partner = isClaim ? claim.debtor : claim.creditor
            let zone = ["DE", "IT", "CH", "GB", "ES"].contains(partner) ? "EU" : "non-EU"
            let key: String = ["state": partner, "zone": zone, "category": claim.category, "basis": claim.basis][by]!
            let window = { (date: D) in date <= asOf && (year == nil || date.y == year!) }
            var row = groups[key + "/" + claim.currency] ?? Expected()
            row.add(isClaim ? "claimsIntroduced" : "debtsIntroduced", window(claim.introduced) ? claim.amount : 0)
            var outstanding = claim.amount, contested: Int64 = 0
            for movement in claim.movements where UInt64(movement.index + 1) <= knownAt && movement.date <= asOf {
                switch movement.type {
                case "ClaimContested": contested += movement.units
                case "ContestationResolved": contested -= movement.units + movement.rejected; outstanding -= movement.units
                case "CreditNoteIssued": outstanding -= movement.units
                case "PaymentRecorded":
                    outstanding -= movement.units
                    contested = min(contested, outstanding)   // a payment settles contested amounts beyond what is owed
                    if window(movement.date) { row.add(isClaim ? "claimsPaid" : "debtsPaid", movement.units) }
                default: outstanding = 0; contested = 0   // withdrawn
                }
            }
            contested = max(0, min(contested, outstanding))
            let timeBarred = claim.introduced > claim.deadline!
            let due = claim.introduced.endOfMonth(plus: 18)
            let side = isClaim ? "Receivable" : "Payable"
            if timeBarred {
                row.add("timeBarred" + side, outstanding)
            } else {
                row.add(isClaim ? "receivable" : "payable", outstanding)
                row.add("contested" + side, contested)
                row.add("overdue" + side, asOf > due ? outstanding : 0)
            }
            groups[key + "/" + claim.currency] = row
        }
        return groups
    }

    static let scenario = ClaimScenario(seed: 42, claims: 400, years: 2021...2024)

    static let queries: [(year: Int?, asOf: D, by: String, knownAtFraction: Int)] = [
        (2022, D(y: 2022, m: 12, d: 31), "state", 100), (2023, D(y: 2023, m: 12, d: 31), "zone", 100),
        (2024, D(y: 2024, m: 6, d: 30), "category", 100), (nil, D(y: 2025, m: 3, d: 31), "basis", 100),
        (nil, D(y: 2026, m: 12, d: 31), "state", 100), (2023, D(y: 2023, m: 12, d: 31), "state", 50),
        (nil, D(y: 2024, m: 12, d: 31), "zone", 30),
    ]

    @Test(arguments: 0..<queries.count)
    func balancesMatchAnIndependentComputation(_ index: Int) throws {
        let scenario = Self.scenario
        let store = try ProjectionTestStore()
        try store.append(scenario.lines)
        let projections = try ProjectionStore(log: store.log)
        while try projections.catchUpBatch(1, to: .max) < store.log.head().seq {}

        let query = Self.queries[index]
        let knownAt = UInt64(scenario.lines.count * query.knownAtFraction / 100)
        var accumulator = Balances.Accumulator(query: .init(home: "FR", year: query.year, asOf: BusinessDate(query.asOf.text)!,
                                                            by: Balances.Grouping(rawValue: query.by)!, currency: nil, knownAt: knownAt))
        try projections.forEachItem("claims") { accumulator.add(try ClaimState(json: JSONReader(bytes: $0))) }
        let report = accumulator.report()
        let expected = Self.expected(scenario, year: query.year, asOf: query.asOf, by: query.by, knownAt: knownAt)

        #expect(!report.rows.isEmpty)
        #expect(report.rows.map { $0.key + "/" + $0.currency }.sorted() == expected.keys.sorted())
        for row in report.rows {
            let want = try #require(expected[row.key + "/" + row.currency])
            for (name, units) in row.figures where !["introducedBalance", "paidBalance", "netPosition"].contains(name) {
                #expect(units == want.figures[name, default: 0], "\(row.key) \(row.currency) \(name)")
            }
            #expect(row.netPosition == want.figures["receivable", default: 0] - want.figures["payable", default: 0])
        }
        // Totals: per currency, the sum of the rows.
        for total in report.totals where total.key == "all" {
            let rows = report.rows.filter { $0.currency == total.currency }
            #expect(total.receivable == rows.reduce(0) { $0 + $1.receivable })
            #expect(total.claimsPaid == rows.reduce(0) { $0 + $1.claimsPaid })
        }
    }

    @Test func scenarioHasTheEdgesItClaims() {
        let claims = Self.scenario.claims
        #expect(claims.contains { $0.introduced == $0.deadline! }, "a claim introduced on the last day of the deadline month")
        #expect(claims.contains { $0.introduced > $0.deadline! }, "a time-barred claim")
        #expect(claims.contains { $0.movements.contains { $0.type == "ClaimWithdrawn" } })
        #expect(claims.contains { $0.movements.contains { $0.type == "ContestationResolved" } })
    }

    @Test func overdueStartsTheDayAfterTheDueDate() throws {
        let store = try ProjectionTestStore()
        try store.append([
            L.event("i", "ClaimIntroduced", "2025-03-14", "\"claim\":\"K\",\"creditor\":\"FR\",\"debtor\":\"DE\",\"basis\":\"actual\",\"category\":\"urgent\",\"period\":\"2024-H2\",\"amount\":\"100.00\",\"currency\":\"EUR\""),
        ])
        let state = try #require(try store.log.claimStream("K").reduce(nil) { try ClaimFold.apply($0, $1) })
        // Art 67(5): last day of the 18th month after March 2025 is 30 September 2026.
        #expect(state.dueDate.description == "2026-09-30")
        #expect(state.figures(asOf: BusinessDate("2026-09-30")!)?.overdue == 0)
        #expect(state.figures(asOf: BusinessDate("2026-10-01")!)?.overdue == 10_000)
        // Art 67(1): 2024-H2 ends in December 2024; 12 months later is 31 December 2025.
        #expect(state.introductionDeadline?.description == "2025-12-31")
        #expect(!state.timeBarred)
    }
}
