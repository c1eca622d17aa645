import Testing
@testable import Ledger
@testable import Projections

struct CaseViewTests {
    static let opened = L.event("o", "CaseOpened", "2024-01-03", case: "P1", "\"framework\":\"EU883\",\"sector\":\"pension\",\"counterparty\":\"DE\",\"person\":\"p-88213\"")

    static func period(_ id: String, _ state: String, _ from: String, _ to: String, extra: String = "") -> String {
        L.event(id, "PeriodCertified", "2024-02-01", case: "P1", "\"state\":\"\(state)\",\"kind\":\"employment\",\"from\":\"\(from)\",\"to\":\"\(to)\"\(extra)")
    }

    @Test func overlappingDaysCountOncePerStateAndOnceInTotal() throws {
        let store = try ProjectionTestStore()
        try store.append([
            Self.opened,
            Self.period("de1", "DE", "2001-01-01", "2001-12-31"),            // 365
            Self.period("de2", "DE", "2001-07-01", "2002-06-30"),            // overlaps de1 by 184 days: DE = 546
            Self.period("fr1", "FR", "2002-01-01", "2002-12-31"),            // 365; overlaps DE by 181 (Jan-Jun 2002)
            Self.period("it1", "IT", "2010-02-01", "2010-02-28", extra: ",\"compulsory\":false,\"equivalent\":true"), // 28
            Self.period("it2", "IT", "2011-01-01", "2011-01-31"),            // withdrawn below
            L.event("w", "PeriodWithdrawn", "2024-03-01", case: "P1", "\"period\":\"it2\",\"reason\":\"certified twice\""),
        ])
        let state = try #require(try store.caseState("P1"))
        let days = state.periodDays
        // Independent counts: calendar arithmetic done by hand above.
        #expect(days.byState.map(\.state) == ["DE", "FR", "IT"])
        #expect(days.byState.map(\.days) == [365 + 181, 365, 28])
        #expect(days.total == 365 + 181 + (365 - 181) + 28) // 2001-01-01…2002-12-31 = 730, plus 28
        #expect(state.periods.first { $0.id == "it2" }?.withdrawn == true)
        #expect(state.periods.count == 5)
    }

    @Test func finalDeterminationSupersedesTheProvisionalOnesItOverlaps() throws {
        let store = try ProjectionTestStore()
        let determination = { (id: String, state: String, article: String, from: String, to: String?, provisional: Bool) in
            L.event(id, "LegislationDetermined", "2024-02-01", case: "P1",
                    "\"state\":\"\(state)\",\"article\":\"\(article)\",\"from\":\"\(from)\"" + (to.map { ",\"to\":\"\($0)\"" } ?? "") + ",\"provisional\":\(provisional)")
        }
        try store.append([
            Self.opened,
            determination("a", "FR", "12(1)", "2024-01-01", "2024-12-31", true),
            determination("b", "DE", "13(1)(a)", "2026-01-01", nil, true),
            determination("c", "FR", "12(1)", "2024-01-01", "2025-06-30", false),
        ])
        let state = try #require(try store.caseState("P1"))
        #expect(state.currentLegislation.map(\.id) == ["b", "c"])
        #expect(state.determinations.count == 3)
    }

    @Test func documentsKnowTheirDirectionAndReplies() throws {
        let store = try ProjectionTestStore()
        try store.append([
            Self.opened,
            L.event("d1", "DocumentReceived", "2024-02-11", case: "P1", "\"document\":\"P2000\",\"documentId\":\"sed-1\",\"from\":\"DE\",\"institution\":\"DRV Bund\""),
            L.event("d2", "DocumentSent", "2024-02-20", case: "P1", "\"document\":\"P5000\",\"documentId\":\"sed-2\",\"to\":\"DE\",\"institution\":\"CNAV\",\"replyTo\":\"sed-1\""),
            L.event("d3", "DocumentSent", "2024-03-01", case: "P1", "\"document\":\"P6000\",\"documentId\":\"sed-3\",\"to\":\"DE\",\"institution\":\"CNAV\",\"replyTo\":\"sed-1\""),
        ])
        let state = try #require(try store.caseState("P1"))
        #expect(state.documents.map(\.direction) == ["in", "out", "out"])
        #expect(state.documents[0].replies == ["sed-2", "sed-3"])
        #expect(state.documents[1].replyTo == "sed-1")
        #expect(state.version == 4)
    }

    @Test func closingAndReopeningShowInTheStatus() throws {
        let store = try ProjectionTestStore()
        try store.append([
            Self.opened,
            L.event("c1", "CaseClosed", "2024-05-01", case: "P1", "\"reason\":\"pension awarded\""),
        ])
        var state = try #require(try store.caseState("P1"))
        #expect(state.closed && state.closedOn?.description == "2024-05-01")
        try store.append([L.event("r1", "CaseReopened", "2024-06-01", case: "P1", "\"reason\":\"appeal\"")])
        state = try #require(try store.caseState("P1"))
        #expect(!state.closed && state.closedOn == nil && state.version == 3)
        let json = String(decoding: state.canonicalJSON, as: UTF8.self)
        #expect(json.contains("\"status\":\"open\""))
    }
}
