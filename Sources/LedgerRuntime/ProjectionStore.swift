import Crypto
import Foundation
import LMDB
import Ledger
import Projections

/// The projections' state and checkpoints, in named databases of the store's own LMDB
/// environment: `proj_cases`, `proj_claims`, `proj_audit` and `proj_checkpoints`.
///
/// Exactly-once folding: each catch-up batch reads the events after the checkpoint,
/// folds them, writes the new states *and* the new checkpoint in one write transaction.
/// A crash before the commit leaves state and checkpoint as they were; after it, both
/// moved together. Nothing is folded twice and nothing is skipped.
public final class ProjectionStore: Sendable {
    public let log: EventLog
    let environment: Environment
    let databases: [Database]
    let checkpoints: Database

    /// Events folded per transaction: short enough that appends from other processes
    /// wait at most a few milliseconds for the writer lock.
    public static let batchEvents = 2048

    public convenience init(log: EventLog) throws {
        try self.init(log: log, environment: log.environment)
    }

    /// Projection databases in `environment` (the store's own, or a scratch one for replay).
    init(log: EventLog, environment: Environment) throws {
        self.log = log
        self.environment = environment
        databases = try Projections.all.map { try environment.database("proj_" + $0.name) }
        checkpoints = try environment.database("proj_checkpoints")
    }

    public func database(_ name: String) -> Database {
        databases[Projections.names.firstIndex(of: name)!]
    }

    public func checkpoint(_ name: String) throws -> UInt64 {
        try environment.read { txn in try readCheckpoint(name, txn) }
    }

    func readCheckpoint(_ name: String, _ txn: some Transaction) throws -> UInt64 {
        try txn.get(checkpoints, key: Array(name.utf8)).flatMap { ByteReader.u64($0) } ?? 0
    }

    /// Folds one batch of the log after `name`'s checkpoint (at most `batchEvents`, not
    /// beyond `to`) and returns the new checkpoint. Synchronous: the transaction never
    /// spans an `await`.
    func catchUpBatch(_ index: Int, to limit: UInt64) throws -> UInt64 {
        let projection = Projections.all[index]
        var stopped: ProjectionError?
        // Mapped like the log's own writes: a full disk is exit 74 with a sentence.
        let reached: UInt64 = try EventLog.mapped { try environment.write { txn in
            stopped = nil
            let from = try readCheckpoint(projection.name, txn)
            guard from < limit else { return from }
            var events: [StoredEvent] = []
            try log.forEachEvent(in: txn, from: from + 1, to: min(limit, from + UInt64(ProjectionStore.batchEvents))) { events.append($0); return true }
            let result = try ProjectionStore.fold(events, projection: projection, database: databases[index], txn: txn)
            stopped = result.stopped
            // Commit what folded cleanly: the projection stays at the seq before a failing event.
            try txn.put(checkpoints, key: Array(projection.name.utf8), value: ByteWriter.u64(result.reached ?? from))
            return result.reached ?? from
        } }
        if let stopped { throw stopped }
        log.boundResidentMemory()
        return reached
    }

    /// Applies events in order. A fold failure stops the batch: the result names the
    /// failing event and the last seq folded before it.
    static func fold(_ events: [StoredEvent], projection: any Projection, database: Database,
                     txn: WriteTransaction) throws -> (reached: UInt64?, stopped: ProjectionError?) {
        var batch = TransactionBatch(txn: txn, database: database)
        let result = try projection.fold(events, into: &batch)
        let stopped = result.failed.map { failed in
            ProjectionError(projection: projection.name, seq: failed.event.seq, id: failed.event.event.id, reason: "\(failed.error)")
        }
        return (result.reached, stopped)
    }

    /// SHA-256 over the projection's canonical serialisation: its items' canonical JSON,
    /// one per line (`\n`-terminated), in key order. `sha256sum` of the snapshot file of
    /// the same items gives the same digest.
    public func digest(_ name: String) throws -> String {
        try environment.read { txn in try digest(name, txn) }
    }

    func digest(_ name: String, _ txn: some Transaction) throws -> String {
        var hasher = SHA256()
        try forEachItem(name, txn) { value in
            hasher.update(bufferPointer: value)
            hasher.update(data: [0x0A])
        }
        return Hex.encode(hasher.finalize())
    }

    /// Every projection's checkpoint and digest, in one snapshot: other processes move
    /// the projections on meanwhile, and a digest is only meaningful with the seq it is
    /// at. Projections commit separately, so their checkpoints may differ.
    public func snapshot() throws -> [(name: String, checkpoint: UInt64, digest: String)] {
        try environment.read { txn in
            try Projections.names.map { name in (name, try readCheckpoint(name, txn), try digest(name, txn)) }
        }
    }

    func forEachItem(_ name: String, _ txn: some Transaction, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let cursor = try txn.cursor(database(name))
        var entry = try cursor.first()
        var count = 0
        while let (_, value) = entry {
            try body(value)
            count += 1
            // A full walk touches every page of the projection: keep the resident set bounded.
            if count % 1024 == 0 { environment.releaseMappedPages(ifResidentAbove: EventLog.mappedBytesMax) }
            entry = try cursor.next()
        }
    }

    /// Writes the projection's canonical serialisation (JSON Lines) to `path`.
    public func dump(_ name: String, to path: String) throws {
        var bytes: [UInt8] = []
        try environment.read { txn in
            try forEachItem(name, txn) { value in
                bytes.append(contentsOf: value)
                bytes.append(0x0A)
            }
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { throw LedgerError.io("Cannot write \(path).") }
    }

    /// Reads one item (a case, a claim) as canonical JSON bytes.
    public func item(_ name: String, key: String) throws -> [UInt8]? {
        try environment.read { txn in try txn.get(database(name), key: Array(key.utf8)) }
    }

    /// Reads one item and the projection's checkpoint in one snapshot, so a reader can tell
    /// whether the item is exactly as of the seq it wants (a server's projections move on
    /// while it reads).
    public func itemWithCheckpoint(_ name: String, key: String) throws -> (checkpoint: UInt64, bytes: [UInt8]?) {
        try environment.read { txn in (try readCheckpoint(name, txn), try txn.get(database(name), key: Array(key.utf8))) }
    }

    /// Calls `body` with every item of a projection, in key order, in one snapshot.
    public func forEachItem(_ name: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        try environment.read { txn in try forEachItem(name, txn, body) }
    }
}

/// A projection stopped: its fold failed on one event. It stays at the seq before it.
public struct ProjectionError: Error, Sendable, CustomStringConvertible {
    public let projection: String
    public let seq: UInt64
    public let id: String
    public let reason: String
    public var description: String { "Projection \(projection) stopped at seq \(seq) (event \(id)): \(reason)" }
}

/// The fold batch over a write transaction: reads see the transaction's own writes.
struct TransactionBatch: ProjectionBatch {
    let txn: WriteTransaction
    let database: Database

    func get(_ key: [UInt8]) throws -> [UInt8]? { try txn.get(database, key: key) }
    mutating func put(_ key: [UInt8], _ value: [UInt8]) throws { try txn.put(database, key: key, value: value) }
    mutating func put(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) throws { try txn.put(database, key: key, value: value) }
}
