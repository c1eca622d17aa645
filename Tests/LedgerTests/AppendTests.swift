import Testing
@testable import Ledger

struct AppendTests {
    // MARK: - Idempotency

    @Test func sameInputTwiceStoresEachEventOnce() throws {
        let store = try TestStore()
        let lines = [Line.open(), Line.claim(), Line.event("c", "CaseClosed", "2024-03-01", case: "C1", "\"reason\":\"done\"")]
        let first = try store.append(lines)
        #expect(first == [.appended(seq: 1), .appended(seq: 2), .appended(seq: 3)])
        let head = try store.log.head()
        let second = try store.append(lines, clock: 1_800_000_000_000)
        #expect(second == [.duplicate(seq: 1), .duplicate(seq: 2), .duplicate(seq: 3)])
        #expect(try store.log.head() == head)
    }

    @Test func duplicateInsideOneBatchIsRecognised() throws {
        let store = try TestStore()
        let outcomes = try store.append([Line.open(), Line.open()])
        #expect(outcomes == [.appended(seq: 1), .duplicate(seq: 1)])
    }

    @Test func sameAmountSpelledDifferentlyIsTheSameContent() throws {
        let store = try TestStore()
        try store.append([Line.claim(amount: "1000.00")])
        #expect(try store.append([Line.claim(amount: "1000")]) == [.duplicate(seq: 1)])
        #expect(try store.append([Line.claim(amount: "1000.01")]).first?.rejection?.code == .idConflict)
    }

    @Test func mixedInputAppendsExactlyTheValidLines() throws {
        let store = try TestStore()
        let lines = [
            Line.open(),
            "garbage",
            Line.event("d1", "DocumentReceived", "2024-02-01", case: "C1", "\"document\":\"P5000\",\"documentId\":\"doc-1\",\"from\":\"DE\",\"institution\":\"DRV Bund\""),
            Line.event("d2", "DocumentSent", "2024-02-02", case: "C404", "\"document\":\"P5000\",\"documentId\":\"doc-2\",\"to\":\"DE\",\"institution\":\"CNAV\""),
            Line.event("d3", "DocumentSent", "2024-02-03", case: "C1", "\"document\":\"P6000\",\"documentId\":\"doc-3\",\"to\":\"DE\",\"institution\":\"CNAV\",\"replyTo\":\"doc-1\""),
        ]
        let outcomes = try store.append(lines)
        #expect(outcomes.map(\.isAppended) == [true, false, true, false, true])
        #expect(try store.ids() == ["open-1", "d1", "d3"])
        let stream = try store.log.caseStream("C1")
        #expect(stream.map(\.caseVersion) == [1, 2, 3])
    }

    @Test func atomicInputIsAllOrNothing() throws {
        let store = try TestStore()
        let outcomes = try store.append([Line.open(), Line.claim(), "oops"], atomic: true)
        #expect(outcomes[0] == .notAppended && outcomes[1] == .notAppended)
        #expect(outcomes[2].rejection?.code == .malformedJSON)
        #expect(try store.log.head().seq == 0)
        #expect(try store.append([Line.open(), Line.claim()], atomic: true) == [.appended(seq: 1), .appended(seq: 2)])
    }

    // MARK: - Rules

    @Test func postingMayLastTwentyFourMonthsAndNoMore() throws {
        let store = try TestStore()
        try store.append([Line.open()])
        let posting = { (id: String, to: String) in
            Line.event(id, "LegislationDetermined", "2024-02-01", case: "C1", "\"state\":\"FR\",\"article\":\"12(1)\",\"from\":\"2024-03-01\",\"to\":\"\(to)\",\"provisional\":true")
        }
        let outcomes = try store.append([posting("p1", "2026-03-01"), posting("p2", "2026-02-28")])
        #expect(outcomes[0].rejection?.code == .invalidPeriod)
        #expect(outcomes[1].isAppended)
    }

    @Test func provisionalDeterminationsMayOverlapFinalOnesMayNot() throws {
        let store = try TestStore()
        let determination = { (id: String, state: String, from: String, to: String?, provisional: Bool) in
            let toPart = to.map { ",\"to\":\"\($0)\"" } ?? ""
            return Line.event(id, "LegislationDetermined", "2024-02-01", case: "C1", "\"state\":\"\(state)\",\"article\":\"13(1)(a)\",\"from\":\"\(from)\"\(toPart),\"provisional\":\(provisional)")
        }
        let outcomes = try store.append([
            Line.open(),
            determination("a", "DE", "2024-01-01", nil, true),
            determination("b", "FR", "2024-01-01", "2024-06-30", false),
            determination("c", "DE", "2024-07-01", nil, false),
            determination("d", "FR", "2025-01-01", "2025-01-31", false),
            determination("e", "DE", "2024-03-01", "2024-04-30", false),
            determination("f", "FR", "2024-06-30", "2024-06-30", false),
        ])
        #expect(outcomes.map(\.isAppended) == [true, true, true, true, false, false, true])
        #expect(outcomes[4].rejection?.code == .overlap)
        #expect(outcomes[5].rejection?.code == .overlap)
    }

    @Test func claimAmountsFollowTheirLife() throws {
        let store = try TestStore()
        let move = { (id: String, type: String, data: String) in Line.event(id, type, "2025-04-01", "\"claim\":\"K1\"," + data) }
        let outcomes = try store.append([
            Line.claim(amount: "1000.00"),
            move("m1", "ClaimContested", "\"amount\":\"300.00\",\"reason\":\"not insured\""),
            move("m2", "CreditNoteIssued", "\"amount\":\"700.01\",\"reason\":\"x\""),          // > undisputed 700.00
            move("m3", "CreditNoteIssued", "\"amount\":\"100.00\",\"reason\":\"tariff\""),     // outstanding 900, contested 300
            move("m4", "ContestationResolved", "\"upheld\":\"200.00\",\"rejected\":\"100.01\""), // > contested
            move("m5", "ContestationResolved", "\"upheld\":\"200.00\",\"rejected\":\"0\""),      // outstanding 700, contested 100
            move("m6", "PaymentRecorded", "\"amount\":\"630.00\",\"currency\":\"EUR\",\"kind\":\"advance\""), // outstanding 70
            move("m7", "PaymentRecorded", "\"amount\":\"70.01\",\"currency\":\"EUR\",\"kind\":\"payment\""),
            move("m8", "ContestationResolved", "\"upheld\":\"0\",\"rejected\":\"0.00\""),
            move("m9", "ClaimWithdrawn", "\"reason\":\"waived\""),
            move("m10", "PaymentRecorded", "\"amount\":\"1.00\",\"currency\":\"EUR\",\"kind\":\"payment\""),
        ])
        #expect(outcomes.map(\.isAppended) == [true, true, false, true, false, true, true, false, false, true, false])
        #expect(outcomes[2].rejection?.code == .amountExceeds)
        #expect(outcomes[4].rejection?.code == .amountExceeds)
        #expect(outcomes[7].rejection?.code == .amountExceeds)
        #expect(outcomes[8].rejection?.code == .invalidValue)
        #expect(outcomes[10].rejection?.code == .invalidValue, "a withdrawn claim accepts nothing more")
        let claim = try store.log.environment.read { txn in
            try txn.withValue(store.log.layout.claims, key: Array("K1".utf8)) { try ClaimRecord($0!) }
        }
        // Independent arithmetic: 1000 − 100 credit − 200 upheld − 630 paid = 70, then withdrawn.
        #expect(claim.amount - claim.credited - claim.upheld - claim.paid == 7_000)
        // 300.00 contested − 200.00 upheld = 100.00, then the 630.00 payment leaves 70.00 owed: contested is capped at it.
        #expect(claim.contested == 7_000)
        #expect(claim.withdrawn)
    }

    @Test func nothingIsDatedBeforeWhatOpenedIt() throws {
        let store = try TestStore()
        let outcomes = try store.append([
            Line.open(on: "2024-01-10"),
            Line.event("early", "CaseClosed", "2024-01-09", case: "C1", "\"reason\":\"r\""),
            Line.claim(on: "2025-03-14"),
            Line.event("early2", "PaymentRecorded", "2025-03-13", "\"claim\":\"K1\",\"amount\":\"1.00\",\"currency\":\"EUR\",\"kind\":\"payment\""),
        ])
        #expect(outcomes[1].rejection?.field == "occurred")
        #expect(outcomes[3].rejection?.field == "occurred")
    }

    @Test func expectedVersionGuardsConcurrentEdits() throws {
        let store = try TestStore()
        let close = { (id: String, version: Int) in
            Line.event(id, "CaseClosed", "2024-03-01", case: "C1", extra: ",\"expectedVersion\":\(version)", "\"reason\":\"r\"")
        }
        let outcomes = try store.append([Line.open(), close("x", 2), close("y", 1)])
        #expect(outcomes[1].rejection?.code == .versionConflict)
        #expect(outcomes[2] == .appended(seq: 2))
    }

    @Test func recordedNeverGoesBackwards() throws {
        let store = try TestStore()
        try store.append([Line.open()], clock: 2_000_000_000_000)
        try store.append([Line.claim()], clock: 1_000_000_000_000)
        let events = try store.log.caseStream("C1") + store.log.claimStream("K1")
        #expect(events.map(\.recorded.millis) == [2_000_000_000_000, 2_000_000_000_000])
    }
}

struct ReviewFindingsTests {
    @Test func paymentSettlesContestedAmountsBeyondWhatIsOwed() throws {
        let store = try TestStore()
        let move = { (id: String, type: String, data: String) in Line.event(id, type, "2025-04-01", "\"claim\":\"K1\"," + data) }
        let outcomes = try store.append([
            Line.claim(amount: "1250.40"),
            move("c", "ClaimContested", "\"amount\":\"1250.40\",\"reason\":\"all of it\""),
            move("p", "PaymentRecorded", "\"amount\":\"1000.00\",\"currency\":\"EUR\",\"kind\":\"advance\""),
            move("r1", "ContestationResolved", "\"upheld\":\"0\",\"rejected\":\"250.41\""),   // only 250.40 can still be contested
            move("r2", "ContestationResolved", "\"upheld\":\"250.40\",\"rejected\":\"0\""),
        ])
        #expect(outcomes.map(\.isAppended) == [true, true, true, false, true])
        #expect(outcomes[3].rejection?.code == .amountExceeds)
    }

    @Test func claimLinkedToACaseIsNotDatedBeforeTheCase() throws {
        let store = try TestStore()
        let linked = Line.claim(on: "2024-01-05", period: "2023-H2").replacingOccurrences(of: "\"actor\":\"user:test\"", with: "\"actor\":\"user:test\",\"case\":\"C1\"")
        let outcomes = try store.append([Line.open(on: "2024-01-10"), linked])
        #expect(outcomes[1].rejection?.field == "occurred")
    }

    @Test func euLegislationIsOfAnEUStateUnderTitleII() throws {
        let store = try TestStore()
        let determination = { (id: String, state: String, article: String) in
            Line.event(id, "LegislationDetermined", "2024-02-01", case: "C1", "\"state\":\"\(state)\",\"article\":\"\(article)\",\"from\":\"2024-01-01\",\"provisional\":true")
        }
        let outcomes = try store.append([Line.open(), determination("a", "US", "13(1)"), determination("b", "DE", "110"), determination("c", "DE", "16"), determination("d", "DE", "11(3)(a)")])
        #expect(outcomes.map(\.isAppended) == [true, false, false, true, true])
        #expect(outcomes[1].rejection?.field == "data.state")
        #expect(outcomes[2].rejection?.field == "data.article")
    }

    @Test func optionalFieldsMayBeNull() throws {
        let store = try TestStore()
        let opened = Line.open().replacingOccurrences(of: "\"person\":\"p-1\"", with: "\"person\":\"p-1\",\"buc\":null")
        let outcomes = try store.append([opened, Line.event("l", "LegislationDetermined", "2024-02-01", case: "C1", extra: ",\"expectedVersion\":null",
                                                             "\"state\":\"DE\",\"article\":\"13(1)\",\"from\":\"2024-01-01\",\"to\":null,\"provisional\":false")])
        let accepted = outcomes.allSatisfy { $0.isAppended }
        #expect(accepted)
        let missingRequired = Line.event("x", "CaseClosed", "2024-03-01", case: "C1", "\"reason\":null")
        #expect(try store.append([missingRequired]).first?.rejection?.field == "data.reason")
    }

    @Test func datesOutsideTheLedgersYearsAndHugeVersionsAreRefusedClearly() throws {
        let store = try TestStore()
        let outcomes = try store.append([
            Line.open(on: "1899-12-31"),
            Line.open(id: "o2", case: "C2", on: "2200-01-01"),
            Line.event("c", "CaseClosed", "2024-03-01", case: "C1", extra: ",\"expectedVersion\":18446744073709551616", "\"reason\":\"r\""),
        ])
        #expect(outcomes[0].rejection?.field == "occurred")
        #expect(outcomes[1].rejection?.field == "occurred")
        #expect(outcomes[2].rejection?.message.contains("too large") == true)
    }

    @Test func idConflictSaysWhichFieldDiffers() throws {
        let store = try TestStore()
        try store.append([Line.claim(amount: "10.00")])
        #expect(try store.append([Line.claim(amount: "11.00")]).first?.rejection?.message.contains("data.amount differs") == true)
    }

    @Test func reopeningWithCaseOpenedPointsToCaseReopened() throws {
        let store = try TestStore()
        let outcomes = try store.append([Line.open(), Line.event("c", "CaseClosed", "2024-03-01", case: "C1", "\"reason\":\"r\""), Line.open(id: "again")])
        #expect(outcomes[2].rejection?.message.contains("CaseReopened") == true)
    }
}
