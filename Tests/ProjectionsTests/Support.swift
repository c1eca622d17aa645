import Foundation
import LMDB
@testable import Ledger
@testable import LedgerRuntime
@testable import Projections

/// A store in a temporary directory with its projections.
final class ProjectionTestStore {
    static let counter = ReplayCounter()
    let path: String
    let log: EventLog

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("liaison-ptest-\(ProcessInfo.processInfo.processIdentifier)-\(ProjectionTestStore.counter.next())").path
        try? FileManager.default.removeItem(atPath: path)
        var options = Environment.Options()
        options.durable = false
        log = try EventLog.create(at: path, home: "FR", options: options)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Appends lines in batches with a fixed clock; every line must be accepted.
    func append(_ lines: [String], clock: Int64 = 1_750_000_000_000, batch: Int = 1000) throws {
        let parser = EventParser(mode: .append)
        for start in stride(from: 0, to: lines.count, by: batch) {
            let slice = lines[start..<min(start + batch, lines.count)]
            let result = try log.append(slice.map { parser.parse($0) }, mode: .append(clockMillis: clock))
            for (offset, outcome) in result.outcomes.enumerated() {
                if case .rejected(let rejection) = outcome {
                    throw Rejection(rejection.code, field: rejection.field, "line \(start + offset + 1): \(rejection.message)\n\(slice[slice.startIndex + offset])")
                }
            }
        }
    }

    func exportLines(to seq: UInt64 = .max) throws -> [String] {
        var lines: [String] = []
        try log.forEachEvent(to: seq) { lines.append(String(decoding: $0.exportJSON, as: UTF8.self)); return true }
        return lines
    }

    func caseState(_ id: String) throws -> CaseState? {
        try log.caseStream(id).reduce(nil) { try CaseFold.apply($0, $1) }
    }
}

enum L {
    static func event(_ id: String, _ type: String, _ occurred: String, case caseID: String? = nil, _ data: String) -> String {
        let casePart = caseID.map { ",\"case\":\"\($0)\"" } ?? ""
        return "{\"id\":\"\(id)\",\"type\":\"\(type)\",\"occurred\":\"\(occurred)\",\"actor\":\"user:test\"\(casePart),\"data\":{\(data)}}"
    }
}
