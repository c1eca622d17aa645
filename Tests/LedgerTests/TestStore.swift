import Foundation
import LMDB
@testable import Ledger

/// A store in a fresh temporary directory, removed when the test ends.
final class TestStore {
    static let counter = Counter()
    let path: String
    let log: EventLog

    init(mapSizeBytes: Int? = nil, durable: Bool = false, home: String = "FR") throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("liaison-test-\(ProcessInfo.processInfo.processIdentifier)-\(TestStore.counter.next())").path
        try? FileManager.default.removeItem(atPath: path)
        var options = Environment.Options()
        options.durable = durable
        if let mapSizeBytes { options.mapSizeBytes = mapSizeBytes }
        log = try EventLog.create(at: path, home: home, options: options)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Parses and appends lines in one batch; returns each line's outcome.
    @discardableResult
    func append(_ lines: [String], clock: Int64 = 1_700_000_000_000, atomic: Bool = false) throws -> [LineOutcome] {
        let parser = EventParser(mode: .append)
        return try log.append(lines.map { parser.parse($0) }, mode: .append(clockMillis: clock), atomic: atomic).outcomes
    }

    func ids() throws -> [String] {
        var ids: [String] = []
        try log.forEachEvent { ids.append($0.event.id); return true }
        return ids
    }
}

/// Builds event lines for tests, so each test shows only what matters to it.
enum Line {
    static func event(_ id: String, _ type: String, _ occurred: String, case caseID: String? = nil, actor: String = "user:test",
                      extra: String = "", _ data: String) -> String {
        let casePart = caseID.map { ",\"case\":\"\($0)\"" } ?? ""
        return "{\"id\":\"\(id)\",\"type\":\"\(type)\",\"occurred\":\"\(occurred)\",\"actor\":\"\(actor)\"\(casePart)\(extra),\"data\":{\(data)}}"
    }

    static func open(id: String = "open-1", case caseID: String = "C1", on date: String = "2024-01-10", framework: String = "EU883", counterparty: String = "DE") -> String {
        event(id, "CaseOpened", date, case: caseID, "\"framework\":\"\(framework)\",\"sector\":\"pension\",\"counterparty\":\"\(counterparty)\",\"person\":\"p-1\"")
    }

    static func claim(id: String = "claim-ev-1", claim: String = "K1", on date: String = "2025-03-14", creditor: String = "DE", debtor: String = "FR",
                      amount: String = "1000.00", currency: String = "EUR", basis: String = "actual", period: String = "2024-H2") -> String {
        event(id, "ClaimIntroduced", date, "\"claim\":\"\(claim)\",\"creditor\":\"\(creditor)\",\"debtor\":\"\(debtor)\",\"basis\":\"\(basis)\",\"category\":\"urgent\",\"period\":\"\(period)\",\"amount\":\"\(amount)\",\"currency\":\"\(currency)\"")
    }
}

extension LineOutcome {
    var rejection: Rejection? {
        if case .rejected(let rejection) = self { return rejection }
        return nil
    }

    var isAppended: Bool {
        if case .appended = self { return true }
        return false
    }
}
