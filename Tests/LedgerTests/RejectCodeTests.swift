import Testing
@testable import Ledger

/// Every error code of SPEC §3 is produced by at least one input, and its message names the field.
struct RejectCodeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let code: RejectCode
        let field: String?
        let setup: [String]
        let line: String
        var testDescription: String { "\(code.rawValue) on \(field ?? "the line")" }
    }

    static let opened = [Line.open()]
    static let claimed = [Line.claim()]

    static let cases: [Case] = [
        Case(code: .malformedJSON, field: nil, setup: [], line: "{\"id\":\"x\","),
        Case(code: .malformedJSON, field: nil, setup: [], line: "[1,2]"),
        Case(code: .tooLarge, field: nil, setup: [], line: Line.open(case: "C9").replacingOccurrences(of: "p-1", with: String(repeating: "p", count: 70_000))),
        Case(code: .missingField, field: "id", setup: [], line: "{\"type\":\"CaseClosed\",\"occurred\":\"2024-01-01\",\"actor\":\"u\",\"case\":\"C1\",\"data\":{\"reason\":\"r\"}}"),
        Case(code: .missingField, field: "data.person", setup: [], line: Line.event("o", "CaseOpened", "2024-01-01", case: "C2", "\"framework\":\"EU883\",\"sector\":\"pension\",\"counterparty\":\"DE\"")),
        Case(code: .missingField, field: "case", setup: [], line: Line.event("o", "CaseClosed", "2024-01-01", "\"reason\":\"r\"")),
        Case(code: .unknownField, field: "data.colour", setup: opened, line: Line.event("c", "CaseClosed", "2024-02-01", case: "C1", "\"reason\":\"r\",\"colour\":\"red\"")),
        Case(code: .unknownField, field: "recorded", setup: opened, line: Line.event("c", "CaseClosed", "2024-02-01", case: "C1", extra: ",\"recorded\":\"2024-02-01T00:00:00.000Z\"", "\"reason\":\"r\"")),
        Case(code: .unknownType, field: "type", setup: [], line: Line.event("t", "CaseExploded", "2024-01-01", case: "C1", "")),
        Case(code: .invalidValue, field: "occurred", setup: [], line: Line.open(on: "2023-02-29")),
        Case(code: .invalidValue, field: "data.amount", setup: [], line: Line.claim(amount: "12.345")),
        Case(code: .invalidValue, field: "data.amount", setup: [], line: Line.claim(amount: "0")),
        Case(code: .invalidValue, field: "data.amount", setup: [], line: Line.claim().replacingOccurrences(of: "\"1000.00\"", with: "1000.00")),
        Case(code: .invalidValue, field: "data.counterparty", setup: [], line: Line.open(framework: "EU883", counterparty: "US")),
        Case(code: .invalidValue, field: "data.counterparty", setup: [], line: Line.open(framework: "bilateral:TN", counterparty: "MA")),
        Case(code: .invalidValue, field: "data.currency", setup: [], line: Line.claim(currency: "XXX")),
        Case(code: .invalidValue, field: "id", setup: [], line: Line.open(id: "bad id with spaces")),
        Case(code: .unknownCase, field: "case", setup: [], line: Line.event("c", "CaseClosed", "2024-02-01", case: "C404", "\"reason\":\"r\"")),
        Case(code: .caseExists, field: "case", setup: opened, line: Line.open(id: "open-2")),
        Case(code: .caseClosed, field: "case", setup: opened + [Line.event("c", "CaseClosed", "2024-02-01", case: "C1", "\"reason\":\"r\"")],
             line: Line.event("d", "DocumentReceived", "2024-02-02", case: "C1", "\"document\":\"P5000\",\"documentId\":\"d1\",\"from\":\"DE\",\"institution\":\"DRV\"")),
        Case(code: .versionConflict, field: "expectedVersion", setup: opened, line: Line.event("c", "CaseClosed", "2024-02-01", case: "C1", extra: ",\"expectedVersion\":5", "\"reason\":\"r\"")),
        Case(code: .idConflict, field: "id", setup: opened, line: Line.open(id: "open-1", case: "C2")),
        Case(code: .unknownClaim, field: "data.claim", setup: [], line: Line.event("p", "PaymentRecorded", "2025-04-01", "\"claim\":\"K404\",\"amount\":\"1.00\",\"currency\":\"EUR\",\"kind\":\"payment\"")),
        Case(code: .claimExists, field: "data.claim", setup: claimed, line: Line.claim(id: "claim-ev-2")),
        Case(code: .notHome, field: "data.creditor", setup: [], line: Line.claim(creditor: "DE", debtor: "IT")),
        Case(code: .amountExceeds, field: "data.amount", setup: claimed, line: Line.event("p", "PaymentRecorded", "2025-04-01", "\"claim\":\"K1\",\"amount\":\"1000.01\",\"currency\":\"EUR\",\"kind\":\"payment\"")),
        Case(code: .amountExceeds, field: "data.amount", setup: claimed, line: Line.event("x", "ClaimContested", "2025-04-01", "\"claim\":\"K1\",\"amount\":\"1000.01\",\"reason\":\"r\"")),
        Case(code: .currencyMismatch, field: "data.currency", setup: claimed, line: Line.event("p", "PaymentRecorded", "2025-04-01", "\"claim\":\"K1\",\"amount\":\"10.00\",\"currency\":\"CHF\",\"kind\":\"payment\"")),
        Case(code: .invalidPeriod, field: "data.to", setup: opened, line: Line.event("pc", "PeriodCertified", "2024-02-01", case: "C1", "\"state\":\"DE\",\"kind\":\"employment\",\"from\":\"2010-01-01\",\"to\":\"2009-12-31\"")),
        Case(code: .invalidPeriod, field: "data.to", setup: opened, line: Line.event("l", "LegislationDetermined", "2024-02-01", case: "C1", "\"state\":\"DE\",\"article\":\"12(1)\",\"from\":\"2024-01-01\",\"to\":\"2026-01-01\",\"provisional\":false")),
        Case(code: .overlap, field: "data.from", setup: opened + [Line.event("l1", "LegislationDetermined", "2024-02-01", case: "C1", "\"state\":\"DE\",\"article\":\"13(1)(a)\",\"from\":\"2024-01-01\",\"provisional\":false")],
             line: Line.event("l2", "LegislationDetermined", "2024-02-02", case: "C1", "\"state\":\"FR\",\"article\":\"11(3)(a)\",\"from\":\"2025-06-01\",\"to\":\"2025-12-31\",\"provisional\":false")),
        Case(code: .unknownReference, field: "data.period", setup: opened, line: Line.event("w", "PeriodWithdrawn", "2024-02-01", case: "C1", "\"period\":\"nope\",\"reason\":\"r\"")),
        Case(code: .unknownReference, field: "data.replyTo", setup: opened, line: Line.event("d", "DocumentSent", "2024-02-01", case: "C1", "\"document\":\"P5000\",\"documentId\":\"d2\",\"to\":\"DE\",\"institution\":\"DRV\",\"replyTo\":\"d404\"")),
    ]

    @Test(arguments: cases)
    func codeIsProducedWithItsField(_ testCase: Case) throws {
        let store = try TestStore()
        let setup = try store.append(testCase.setup)
        let accepted = setup.allSatisfy { $0.isAppended }
        #expect(accepted, "setup lines must be accepted: \(setup)")
        let outcome = try #require(try store.append([testCase.line]).first)
        let rejection = try #require(outcome.rejection, "expected \(testCase.code.rawValue), got \(outcome)")
        #expect(rejection.code == testCase.code, "\(rejection.message)")
        #expect(rejection.field == testCase.field)
        if let field = testCase.field { #expect(rejection.message.hasPrefix(field + ": ")) }
        let stored = try store.ids()
        #expect(stored.count == testCase.setup.count, "a rejected line appends nothing")
    }

    @Test func everyCodeIsCovered() {
        let covered = Set(Self.cases.map(\.code.rawValue))
        // forbidden-actor comes from the server's authorisation (Tests/LiaisonServerTests), not the ledger.
        let all = Set(RejectCode.allCases.filter { $0 != .forbiddenActor }.map(\.rawValue))
        #expect(covered == all, "missing: \(all.subtracting(covered).sorted())")
    }
}
