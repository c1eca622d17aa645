import Foundation
import Hummingbird
import HummingbirdTesting
import LiaisonServer
import Testing

/// `GET /v1/balances` as CSV, against figures summed here from the fixture's amounts.
struct BalancesTests {
    /// "1000.10" → 100010 (both currencies of the fixture have 2 digits).
    static func cents(_ amount: String) -> Int {
        let parts = amount.split(separator: ".")
        return Int(parts[0])! * 100 + Int(parts[1])!
    }

    static func text(_ cents: Int) -> String {
        (cents < 0 ? "-" : "") + "\(abs(cents) / 100)." + String(format: "%02d", abs(cents) % 100)
    }

    struct Expected { var claims = 0, debts = 0, paidIn = 0, paidOut = 0, receivable = 0, payable = 0 }

    /// Per partner state and currency, from the fixture alone (home is FR; every date lies in 2025).
    static func expected() -> [String: Expected] {
        var table: [String: Expected] = [:]
        for claim in Fixture.claims {
            let partner = claim.creditor == "FR" ? claim.debtor : claim.creditor
            let key = partner + "," + claim.currency
            var row = table[key, default: Expected()]
            let paid = Fixture.payments.filter { $0.claim == claim.id }.map { cents($0.amount) }.reduce(0, +)
            if claim.creditor == "FR" {
                row.claims += cents(claim.amount); row.paidIn += paid; row.receivable += cents(claim.amount) - paid
            } else {
                row.debts += cents(claim.amount); row.paidOut += paid; row.payable += cents(claim.amount) - paid
            }
            table[key] = row
        }
        return table
    }

    @Test func csvRowsMatchTheFixtureSums() async throws {
        let server = try await TestServer()
        var headers = server.headers(.finance)
        headers[.accept] = "text/csv"
        let sent = headers
        let csv = try await server.test { client in
            try await client.execute(uri: "/v1/balances?year=2025&by=state", method: .get, headers: sent) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/csv") == true)
                return response.body.text
            }
        }
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(lines.first)
        #expect(header.prefix(4) == ["section", "key", "zone", "currency"])
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name), "no column \(name)") }
        let rows = lines.dropFirst().filter { $0.first == "row" }
        let expected = Self.expected()
        #expect(rows.count == expected.count, "one row per partner state and currency")
        for row in rows {
            let figures = try #require(expected[row[1] + "," + row[3]], "unexpected row \(row)")
            #expect(row[try column("claimsIntroduced")] == Self.text(figures.claims))
            #expect(row[try column("debtsIntroduced")] == Self.text(figures.debts))
            #expect(row[try column("claimsPaid")] == Self.text(figures.paidIn))
            #expect(row[try column("debtsPaid")] == Self.text(figures.paidOut))
            #expect(row[try column("receivable")] == Self.text(figures.receivable))
            #expect(row[try column("payable")] == Self.text(figures.payable))
            #expect(row[try column("netPosition")] == Self.text(figures.receivable - figures.payable))
        }
        // The overall EUR total is the sum of the EUR rows.
        let all = try #require(lines.first { $0.first == "total" && $0[1] == "all" && $0[3] == "EUR" })
        let eur = expected.filter { $0.key.hasSuffix(",EUR") }.values
        let eurNet: Int = eur.map { (row: Expected) -> Int in row.receivable - row.payable }.reduce(0, +)
        let netColumn = try column("netPosition")
        #expect(all[netColumn] == Self.text(eurNet))
    }

    @Test func jsonIsTheDefaultAndBadParametersAre400() async throws {
        let server = try await TestServer()
        try await server.test { client in
            try await client.execute(uri: "/v1/balances?year=2025", method: .get, headers: server.headers(.auditor)) { response in
                let json = jsonObject(response.body.text)
                #expect(json?["asOf"] as? String == "2025-12-31")
                #expect((json?["rows"] as? [Any])?.count == Self.expected().count)
            }
            for bad in ["year=20x5", "by=planet", "currency=ZZZ", "asOf=2025-02-30", "atSeq=999"] {
                try await client.execute(uri: "/v1/balances?" + bad, method: .get, headers: server.headers(.finance)) { response in
                    #expect(response.status == .badRequest, "\(bad)")
                    #expect(jsonObject(response.body.text)?["error"] as? String == "bad-request")
                }
            }
        }
    }
}
