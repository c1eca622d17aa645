import Foundation
import LMDB
import Ledger
import Projections

/// Rebuilds every projection from the log alone, into a fresh scratch environment.
///
/// Deterministic by construction: the folds are pure, the log is read in seq order, the
/// digests hash the states in key order. Same log, same digests, in any process,
/// whatever the hash seeds.
public final class Replay {
    public let seq: UInt64
    public let projections: ProjectionStore
    private let scratchPath: String

    static let counter = ReplayCounter()
    /// Events folded per transaction. Each commit writes every dirty page with `pwrite`,
    /// the upper B-tree pages again each time: 8,192 was ~5 % faster than 4,096 at 1M
    /// events with the same peak RSS; 16,384 ~9 % faster but 60 MiB more resident
    /// (docs/performance.md).
    public static let batchEvents = 8192

    /// Replays events 1…`to` (default: the head when called).
    /// With `stops`, `atStop` gets the digests as they are at each of those seqs (≤ the
    /// target), so one pass checks projections that stand at different seqs.
    public init(log: EventLog, to limit: UInt64? = nil, stops: [UInt64] = [],
                atStop: ((UInt64, [(name: String, digest: String)]) throws -> Void)? = nil,
                progress: ((UInt64, UInt64) -> Void)? = nil) throws {
        let target = min(try limit ?? log.head().seq, try log.head().seq)
        scratchPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("liaison-replay-\(ProcessInfo.processInfo.processIdentifier)-\(Replay.counter.next())").path
        try? FileManager.default.removeItem(atPath: scratchPath)
        try FileManager.default.createDirectory(atPath: scratchPath, withIntermediateDirectories: true)
        var options = Environment.Options()
        options.durable = false
        let environment = try Environment(directory: scratchPath, options: options)
        let store = try ProjectionStore(log: log, environment: environment)
        projections = store
        var next: UInt64 = 1
        var events: [StoredEvent] = []
        events.reserveCapacity(Replay.batchEvents)
        var pendingStops = Array(Set(stops.filter { $0 <= target })).sorted()
        func reachStops(_ seq: UInt64) throws {
            while let stop = pendingStops.first, stop <= seq {
                pendingStops.removeFirst()
                try atStop?(stop, try Projections.names.map { ($0, try store.digest($0)) })
            }
        }
        try reachStops(0)
        while next <= target {
            events.removeAll(keepingCapacity: true)
            let last = min(target, next + UInt64(Replay.batchEvents) - 1, pendingStops.first ?? .max)
            try log.forEachEvent(from: next, to: last) { events.append($0); return true }
            guard events.count == Int(last - next + 1) else { throw LedgerError.corrupt("The log has a gap between seq \(next) and \(last).") }
            let projections = self.projections
            try environment.write { txn in
                for (index, projection) in Projections.all.enumerated() {
                    let result = try ProjectionStore.fold(events, projection: projection, database: projections.databases[index], txn: txn)
                    if let stopped = result.stopped { throw stopped }
                    try txn.put(projections.checkpoints, key: Array(projection.name.utf8), value: ByteWriter.u64(last))
                }
            }
            progress?(last, target)
            try reachStops(last)
            log.boundResidentMemory()
            environment.releaseMappedPages(ifResidentAbove: EventLog.mappedBytesMax)
            next = last + 1
        }
        seq = target
    }

    deinit { try? FileManager.default.removeItem(atPath: scratchPath) }

    public func digests() throws -> [(name: String, digest: String)] {
        try Projections.names.map { ($0, try projections.digest($0)) }
    }

    /// `{"seq":N,"digests":{"cases":"…","claims":"…","audit":"…"}}`
    public static func summaryJSON(seq: UInt64, digests: [(name: String, digest: String)]) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("seq", seq)
        writer.key("digests")
        writer.beginObject()
        for (name, digest) in digests { writer.field(name, digest) }
        writer.endObject()
        writer.endObject()
        return writer.text
    }
}

final class ReplayCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
}
