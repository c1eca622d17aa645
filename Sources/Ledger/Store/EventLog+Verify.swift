import Crypto
import Foundation
import LMDB

extension EventLog {
    /// Problems beyond this many are not listed: the first ones say where to look.
    public static let verifyProblemsMax = 50
    static let verifyBatchEvents = 4096

    /// Re-reads the whole log in one snapshot and checks, in order: seqs are gapless and
    /// in their keys, every record decodes, the hash chain links, every event passes
    /// validation against the events before it, the head record matches the last event,
    /// the anchors are in the chain, and every index and decision-state database equals
    /// the one rebuilt from the log alone (in a scratch store that is then deleted).
    public func verify(anchors: [(seq: UInt64, hash: [UInt8])] = [], progress: ((UInt64, UInt64) -> Void)? = nil) throws -> VerifyReport {
        let scratchPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("liaison-verify-\(ProcessInfo.processInfo.processIdentifier)-\(EventLog.scratchCounter.next())").path
        defer { try? FileManager.default.removeItem(atPath: scratchPath) }
        var options = Environment.Options()
        options.durable = false
        let scratch = try EventLog.create(at: scratchPath, home: home, options: options)

        return try EventLog.mapped {
            try environment.read { txn in
                var problems: [VerifyReport.Problem] = []
                func problem(_ seq: UInt64?, _ check: String, _ message: String) {
                    if problems.count < EventLog.verifyProblemsMax { problems.append(.init(seq: seq, check: check, message: message)) }
                }
                let storedHead: LedgerHead
                do {
                    storedHead = try readHead(txn)
                } catch let error as LMDBError {
                    problem(nil, "storage", "the head record cannot be read: \(error.description)")
                    storedHead = .empty
                }
                var previousHash = LedgerHead.empty.hash
                var expectedSeq: UInt64 = 1
                var lastRecorded = LedgerHead.empty.lastRecorded
                var chainBroken = false
                var hashesBySeq: [UInt64: [UInt8]] = [:]
                let anchorSeqs = Set(anchors.map(\.seq))
                var pending: [ParsedLine] = []
                var pendingSeqs: [UInt64] = []

                func flush() throws {
                    guard !pending.isEmpty else { return }
                    let result = try scratch.append(pending, mode: .importStored)
                    for (index, outcome) in result.outcomes.enumerated() {
                        if case .rejected(let rejection) = outcome, !chainBroken {
                            problem(pendingSeqs[index], "validation", "the event at seq \(pendingSeqs[index]) would be rejected today: \(rejection.code.rawValue): \(rejection.message)")
                            chainBroken = true
                        }
                    }
                    pending.removeAll(keepingCapacity: true)
                    pendingSeqs.removeAll(keepingCapacity: true)
                    boundResidentMemory()
                    scratch.boundResidentMemory()
                }

                // A page that cannot be read (damaged or, in a truncated file, zeroed) ends the
                // walk at the first seq it hides, like any other break in the chain.
                func unreadable(_ error: LMDBError) {
                    problem(expectedSeq, "storage", "the event at seq \(expectedSeq) cannot be read: \(error.description)")
                    chainBroken = true
                }
                let cursor = try txn.cursor(layout.events)
                var entry: Cursor.Entry?
                do { entry = try cursor.first() } catch let error as LMDBError { unreadable(error) }
                while let (key, value) = entry, !chainBroken {
                    guard let seq = ByteReader.u64(key) else {
                        problem(expectedSeq, "sequence", "a key of the events database is not a seq (\(key.count) bytes) after seq \(expectedSeq - 1)")
                        chainBroken = true
                        break
                    }
                    if seq != expectedSeq {
                        problem(min(seq, expectedSeq), "sequence", "seq \(expectedSeq) was expected but the next stored event is seq \(seq): events are missing")
                        chainBroken = true
                        break
                    }
                    guard value.count > 32 else {
                        problem(seq, "encoding", "the event at seq \(seq) is truncated (\(value.count) bytes)")
                        chainBroken = true
                        break
                    }
                    let bytes = UnsafeRawBufferPointer(rebasing: value[32...])
                    var hasher = SHA256()
                    hasher.update(data: previousHash)
                    hasher.update(bufferPointer: bytes)
                    let computed = Array(hasher.finalize())
                    if !computed.elementsEqual(value[0..<32]) {
                        problem(seq, "chain", "the hash chain breaks at seq \(seq): the stored bytes hash to \(Hex.encode(computed)), the chain holds \(Hex.encode(value[0..<32]))")
                        chainBroken = true
                        break
                    }
                    let stored: StoredEvent
                    do {
                        stored = try StoredEvent.decode(bytes, hash: computed)
                    } catch {
                        problem(seq, "encoding", "the event at seq \(seq) cannot be decoded: \(error)")
                        chainBroken = true
                        break
                    }
                    if stored.seq != seq {
                        problem(seq, "sequence", "the event stored under seq \(seq) says it is seq \(stored.seq): events were moved")
                        chainBroken = true
                        break
                    }
                    if anchorSeqs.contains(seq) { hashesBySeq[seq] = computed }
                    previousHash = computed
                    lastRecorded = stored.recorded
                    pending.append(.submission(Submission(event: stored.event, recorded: stored.recorded, seq: seq,
                                                          caseVersion: stored.caseVersion == 0 ? nil : UInt64(stored.caseVersion),
                                                          caseVersionIsNull: stored.caseVersion == 0, hash: computed)))
                    pendingSeqs.append(seq)
                    if pending.count >= EventLog.verifyBatchEvents {
                        try flush()
                        progress?(seq, storedHead.seq)
                    }
                    expectedSeq += 1
                    do { entry = try cursor.next() } catch let error as LMDBError { unreadable(error); break }
                }
                try flush()
                let lastSeq = expectedSeq - 1
                progress?(lastSeq, storedHead.seq)

                if !chainBroken {
                    let computedHead = LedgerHead(seq: lastSeq, hash: previousHash, lastRecorded: lastRecorded)
                    if storedHead != computedHead {
                        problem(min(storedHead.seq, lastSeq) + 1, "head",
                                "the head record says seq \(storedHead.seq) (\(storedHead.hashHex)) but the log ends at seq \(lastSeq) (\(computedHead.hashHex))")
                    }
                    do {
                        try compareIndexes(txn, scratch: scratch, problem: problem)
                    } catch let error as LMDBError {
                        problem(nil, "storage", "an index cannot be read: \(error.description)")
                    }
                }
                for anchor in anchors {
                    if anchor.seq == 0 || anchor.seq > lastSeq {
                        problem(anchor.seq, "anchor", "the anchor at seq \(anchor.seq) is beyond the verified log, which ends at seq \(lastSeq): events were removed")
                    } else if let hash = hashesBySeq[anchor.seq], hash != anchor.hash {
                        problem(anchor.seq, "anchor", "the ledger's hash at seq \(anchor.seq) is \(Hex.encode(hash)), not the anchored \(Hex.encode(anchor.hash)): the history up to it was rewritten")
                    } else if hashesBySeq[anchor.seq] == nil {
                        problem(anchor.seq, "anchor", "the anchor at seq \(anchor.seq) could not be checked because the chain breaks before it")
                    }
                }
                // Report what the store holds (its head record and its event count), so an auditor
                // compares the real head with a kept anchor; the problems say where it breaks.
                let stored = UInt64((try? txn.count(layout.events)) ?? Int(lastSeq))
                let head = chainBroken || storedHead.seq != lastSeq ? storedHead : LedgerHead(seq: lastSeq, hash: previousHash, lastRecorded: lastRecorded)
                return VerifyReport(events: stored, head: head, problems: problems)
            }
        }
    }

    /// Compares each derived database with its rebuilt twin, entry by entry in key order.
    private func compareIndexes(_ txn: ReadTransaction, scratch: EventLog, problem: (UInt64?, String, String) -> Void) throws {
        try scratch.environment.read { rebuilt in
            var compared = 0
            for ((name, live), (_, twin)) in zip(layout.derived, scratch.layout.derived) {
                let a = try txn.cursor(live), b = try rebuilt.cursor(twin)
                var left = try a.first(), right = try b.first()
                while true {
                    switch (left, right) {
                    case (nil, nil):
                        break
                    case let (l?, r?) where l.key.elementsEqual(r.key) && l.value.elementsEqual(r.value):
                        left = try a.next()
                        right = try b.next()
                        // Both walks touch every page of both stores: keep the resident set bounded.
                        compared += 1
                        if compared % 4096 == 0 {
                            boundResidentMemory()
                            scratch.boundResidentMemory()
                        }
                        continue
                    default:
                        let key = (left ?? right)!.key
                        problem(EventLog.seqHint(name: name, left: left, right: right), "index:\(name)",
                                "the \(name) index differs from the one rebuilt from the log at key \(EventLog.printable(key))")
                    }
                    break
                }
            }
        }
    }

    /// The seq an index entry points at, when its key or value says.
    private static func seqHint(name: String, left: Cursor.Entry?, right: Cursor.Entry?) -> UInt64? {
        let entry = (right ?? left)!
        switch name {
        case "ids": return ByteReader.u64(entry.value)
        case "caseEvents", "claimEvents":
            guard entry.key.count >= 8 else { return nil }
            return ByteReader.u64(UnsafeRawBufferPointer(rebasing: entry.key[(entry.key.count - 8)...]))
        default: return nil
        }
    }

    private static func printable(_ key: UnsafeRawBufferPointer) -> String {
        let text = key.map { byte -> String in
            (0x20..<0x7F).contains(byte) ? String(UnicodeScalar(byte)) : "\\x" + Hex.encode([byte])
        }.joined()
        return "\"" + text + "\""
    }

    static let scratchCounter = Counter()
}

/// A process-wide counter for unique scratch names (never random: names must be reproducible in logs).
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func next() -> Int { lock.withLock { value += 1; return value } }
}
