import Foundation
import LMDB
import Ledger
import LedgerRuntime

// Measurements that need the ledger's insides (not a whole `liaison` process):
//   liaison-bench group-commit  DIR PRODUCERS EVENTS_EACH   64 producers through the writer actor
//   liaison-bench single-commit DIR EVENTS                  one durable commit per event
//   liaison-bench stream-reads  DIR COUNT SEED              random case streams, decoded
//   liaison-bench scan          DIR                         decode every stored event
// Each prints one JSON object. Timings come from the monotonic clock.

func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try await body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func claimLine(_ producer: Int, _ index: Int) -> String {
    "{\"id\":\"bench:\(producer):\(index)\",\"type\":\"ClaimIntroduced\",\"occurred\":\"2025-03-14\",\"actor\":\"connector:bench\",\"data\":{\"claim\":\"B-\(producer)-\(index)\",\"creditor\":\"DE\",\"debtor\":\"FR\",\"basis\":\"actual\",\"category\":\"urgent\",\"period\":\"2024-H2\",\"amount\":\"\(100 + index).25\",\"currency\":\"EUR\"}}"
}

func fresh(_ directory: String) throws -> EventLog {
    try? FileManager.default.removeItem(atPath: directory)
    return try EventLog.create(at: directory, home: "FR")
}

struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: liaison-bench group-commit|single-commit|stream-reads|scan DIR ...\n".utf8))
    exit(64)
}
let directory = arguments[2]
let parser = EventParser(mode: .append)

switch arguments[1] {
case "group-commit":
    let producers = Int(arguments[3])!, each = Int(arguments[4])!
    let log = try fresh(directory)
    let writer = LedgerWriter(log: log)
    let elapsed = try await seconds {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for producer in 0..<producers {
                group.addTask {
                    for index in 0..<each {
                        let result = try await writer.submit([parser.parse(claimLine(producer, index))])
                        guard case .appended = result.outcomes[0] else { fatalError("not appended: \(result.outcomes[0])") }
                    }
                }
            }
            try await group.waitForAll()
        }
    }
    let events = producers * each
    let commits = await writer.commits
    print("{\"producers\":\(producers),\"events\":\(events),\"commits\":\(commits),\"seconds\":\(elapsed),\"eventsPerSecond\":\(Int(Double(events) / elapsed))}")
case "single-commit":
    let events = Int(arguments[3])!
    let log = try fresh(directory)
    let elapsed = try await seconds {
        for index in 0..<events {
            let result = try log.append([parser.parse(claimLine(0, index))], mode: .append(clockMillis: SystemClock.nowMillis()))
            guard case .appended = result.outcomes[0] else { fatalError("not appended") }
        }
    }
    print("{\"events\":\(events),\"commits\":\(events),\"seconds\":\(elapsed),\"eventsPerSecond\":\(Int(Double(events) / elapsed))}")
case "stream-reads":
    let count = Int(arguments[3])!
    var random = SplitMix(state: UInt64(arguments[4])!)
    let log = try EventLog.open(at: directory)
    var cases: [String] = []
    try log.environment.read { txn in
        let cursor = try txn.cursor(log.layout.cases)
        var entry = try cursor.first()
        while let (key, _) = entry {
            cases.append(String(decoding: key, as: UTF8.self))
            entry = try cursor.next()
        }
    }
    var events = 0
    let elapsed = try await seconds {
        for _ in 0..<count {
            events += try log.caseStream(cases[Int(random.next() % UInt64(cases.count))]).count
        }
    }
    print("{\"lookups\":\(count),\"events\":\(events),\"seconds\":\(elapsed),\"lookupsPerSecond\":\(Int(Double(count) / elapsed))}")
case "scan":
    let log = try EventLog.open(at: directory)
    var events = 0
    let elapsed = try await seconds {
        try log.forEachEvent { _ in events += 1; return true }
    }
    print("{\"events\":\(events),\"seconds\":\(elapsed),\"eventsPerSecond\":\(Int(Double(events) / elapsed))}")
default:
    FileHandle.standardError.write(Data("unknown benchmark \(arguments[1])\n".utf8))
    exit(64)
}
