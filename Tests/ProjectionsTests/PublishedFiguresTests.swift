import Testing
@testable import Ledger
@testable import LedgerRuntime
@testable import Projections

/// The liaison body's published 2015 healthcare table by zone, rebuilt from events,
/// with distractors in 2014 and 2016 that must not count.
struct PublishedFiguresTests {
    static func claim(_ id: String, _ date: String, creditor: String, debtor: String, _ amount: String, period: String) -> String {
        L.event("i-\(id)", "ClaimIntroduced", date, "\"claim\":\"\(id)\",\"creditor\":\"\(creditor)\",\"debtor\":\"\(debtor)\",\"basis\":\"actual\",\"category\":\"urgent\",\"period\":\"\(period)\",\"amount\":\"\(amount)\",\"currency\":\"EUR\"")
    }

    static func pay(_ id: String, _ claim: String, _ date: String, _ amount: String, kind: String = "payment") -> String {
        L.event(id, "PaymentRecorded", date, "\"claim\":\"\(claim)\",\"amount\":\"\(amount)\",\"currency\":\"EUR\",\"kind\":\"\(kind)\"")
    }

    static let events: [String] = [
        // 2014 (distractors, except their 2015 payments)
        claim("C14-DE", "2014-03-10", creditor: "FR", debtor: "DE", "400000000.00", period: "2013-H2"),
        pay("p1", "C14-DE", "2014-09-01", "100000000.00", kind: "advance"),
        claim("D14-NL", "2014-06-01", creditor: "NL", debtor: "FR", "300000000.00", period: "2013-H2"),
        claim("C14-TN", "2014-05-05", creditor: "FR", debtor: "TN", "20000000.00", period: "2013-H2"),
        claim("D14-MA", "2014-07-07", creditor: "MA", debtor: "FR", "80000000.00", period: "2013-H2"),
        pay("p2", "D14-MA", "2014-12-01", "5000000.00"),
        // 2015: claims presented by France: EU 831.7 M, non-EU 24.6 M
        claim("C15-DE", "2015-02-15", creditor: "FR", debtor: "DE", "500000000.00", period: "2014-H2"),
        claim("C15-ES", "2015-05-20", creditor: "FR", debtor: "ES", "331700000.00", period: "2014-H2"),
        claim("C15-DZ", "2015-04-02", creditor: "FR", debtor: "DZ", "14600000.00", period: "2014-H2"),
        claim("C15-MA", "2015-06-30", creditor: "FR", debtor: "MA", "10000000.00", period: "2014-H2"),
        // 2015: debts introduced against France: EU 327.5 M, non-EU 146.4 M
        claim("D15-BE", "2015-03-03", creditor: "BE", debtor: "FR", "200000000.00", period: "2014-H2"),
        claim("D15-CH", "2015-09-09", creditor: "CH", debtor: "FR", "127500000.00", period: "2015-H1"),
        claim("D15-US", "2015-01-12", creditor: "US", debtor: "FR", "100000000.00", period: "2014-H2"),
        claim("D15-TN", "2015-11-11", creditor: "TN", debtor: "FR", "46400000.00", period: "2015-H1"),
        // 2015 payments: to France EU 743.1 (300 + 443.1), non-EU 18.8 (10 + 8.8)
        pay("p3", "C14-DE", "2015-02-01", "300000000.00"),
        pay("p4", "C15-DE", "2015-11-30", "443100000.00", kind: "advance"),
        pay("p5", "C14-TN", "2015-04-01", "10000000.00"),
        pay("p6", "C15-DZ", "2015-12-01", "8800000.00"),
        // 2015 payments by France: EU 345.8 (200 + 145.8), non-EU 164.9 (100 + 64.9)
        pay("p7", "D15-BE", "2015-08-01", "200000000.00"),
        pay("p8", "D14-NL", "2015-03-01", "145800000.00"),
        pay("p9", "D15-US", "2015-10-10", "100000000.00"),
        pay("p10", "D14-MA", "2015-01-20", "64900000.00"),
        // 2016 (distractors)
        pay("p11", "C15-ES", "2016-01-15", "100000000.00"),
        claim("C16-IT", "2016-02-02", creditor: "FR", debtor: "IT", "50000000.00", period: "2015-H2"),
        claim("D16-NL", "2016-03-03", creditor: "NL", debtor: "FR", "10000000.00", period: "2015-H2"),
        pay("p12", "D15-CH", "2016-05-05", "27500000.00"),
    ]

    @Test func balancesReproduceThe2015TableByZone() throws {
        let store = try ProjectionTestStore()
        try store.append(Self.events)
        let projections = try ProjectionStore(log: store.log)
        _ = try projections.catchUpBatch(1, to: .max)
        var accumulator = Balances.Accumulator(query: .init(home: "FR", year: 2015, asOf: BusinessDate("2015-12-31")!, by: .zone,
                                                            currency: nil, knownAt: try store.log.head().seq))
        try projections.forEachItem("claims") { accumulator.add(try ClaimState(json: JSONReader(bytes: $0))) }
        let report = accumulator.report()
        func row(_ key: String, in rows: [Balances.Row]) throws -> [String: String] {
            let row = try #require(rows.first { $0.key == key && $0.currency == "EUR" })
            return Dictionary(uniqueKeysWithValues: row.figures.map { ($0.name, Money(minorUnits: $0.units, scale: 2).formatted) })
        }
        let eu = try row("EU", in: report.rows), nonEU = try row("non-EU", in: report.rows), all = try row("all", in: report.totals)
        #expect(eu["claimsIntroduced"] == "831700000.00" && nonEU["claimsIntroduced"] == "24600000.00")
        #expect(eu["debtsIntroduced"] == "327500000.00" && nonEU["debtsIntroduced"] == "146400000.00")
        #expect(eu["claimsPaid"] == "743100000.00" && nonEU["claimsPaid"] == "18800000.00")
        #expect(eu["debtsPaid"] == "345800000.00" && nonEU["debtsPaid"] == "164900000.00")
        #expect(all["introducedBalance"] == "382400000.00")
        #expect(all["paidBalance"] == "251200000.00")
        #expect(report.rows.count == 2)
    }
}
