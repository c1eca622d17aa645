import Crypto
import Foundation
import LMDB

// A truncated data file is refused at open: touching a missing page would kill the
// process with SIGBUS. An auditor still needs to know which events survive, and the
// tree roots are usually in the lost tail (every commit rewrites them near the end of
// the file), so LMDB cannot help. Verify then salvages: it reads every surviving leaf
// page itself (DataFileScan, read-only), keeps the records shaped like events (an
// 8-byte seq key, a hash, an encoding that decodes to the same seq), and checks the
// hash chain from seq 1. The first seq that is missing or does not link is named.
extension EventLog {
    /// What is missing from the store's data file, or nil when it is whole.
    public static func truncation(at path: String, options: Environment.Options = .init()) throws -> Environment.Shortfall? {
        guard exists(at: path) else { throw LedgerError.noStore(path) }
        if let shortfall = Environment.Shortfall.metaPagesMissing(directory: path) { return shortfall }
        // Opened and closed here, before anyone else opens the store in this process.
        let environment = try mapped { try Environment(directory: path, options: options) }
        return environment.dataFileShortfall()
    }

    /// The salvage verify of a truncated store. Checks the chain and the encoding of the
    /// events that survive (not validation or indexes, whose state is lost with the
    /// tail). Memory: about 100 bytes per surviving event (1 GB for 10 million).
    public static func verifyTruncated(at path: String, shortfall: Environment.Shortfall,
                                       anchors: [(seq: UInt64, hash: [UInt8])] = []) throws -> VerifyReport {
        let scan = DataFileScan(path: path + "/" + dataFile, pageBytes: shortfall.pageBytes)
        var seqs: [UInt64] = []
        var hashes: [UInt8] = []
        var recorded: [Int64] = []

        // Pass 1: every surviving record shaped like an event, with its stored hash.
        _ = try mapped {
            try scan.forEachLeafRecord { key, value in
                guard key.count == 8, value.count > 32 + StoredEvent.stampBytes, value[32] == StoredEvent.formatVersion,
                      let seq = ByteReader.u64(key), ByteReader.u64(UnsafeRawBufferPointer(rebasing: value[33..<41])) == seq,
                      let stored = try? StoredEvent.decode(UnsafeRawBufferPointer(rebasing: value[32...]), hash: []) else { return }
                seqs.append(seq)
                hashes.append(contentsOf: value[0..<32])
                recorded.append(stored.recorded.millis)
            }
        }
        // Sorted by seq; a seq found twice (a stale copy of a page) keeps its first record.
        let order = seqs.indices.sorted { seqs[$0] != seqs[$1] ? seqs[$0] < seqs[$1] : $0 < $1 }
        var bySeq: [UInt64: Int] = [:]
        var conflicting: UInt64?
        for index in order {
            if let first = bySeq[seqs[index]] {
                if !hashes[(first * 32)..<(first * 32 + 32)].elementsEqual(hashes[(index * 32)..<(index * 32 + 32)]) {
                    conflicting = min(conflicting ?? .max, seqs[index])
                }
            } else {
                bySeq[seqs[index]] = index
            }
        }
        func hash(_ seq: UInt64) -> ArraySlice<UInt8>? {
            guard seq > 0 else { return ArraySlice(LedgerHead.empty.hash) }
            return bySeq[seq].map { hashes[($0 * 32)..<($0 * 32 + 32)] }
        }

        // Pass 2: each record links to the hash of the seq before it, in any page order.
        var chainBreaks: [UInt64] = []
        _ = try mapped {
            try scan.forEachLeafRecord { key, value in
                guard key.count == 8, value.count > 32 + StoredEvent.stampBytes, let seq = ByteReader.u64(key),
                      let index = bySeq[seq], let previous = hash(seq - 1),
                      value[0..<32].elementsEqual(hashes[(index * 32)..<(index * 32 + 32)]) else { return }
                var hasher = SHA256()
                hasher.update(data: Array(previous))
                hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: value[32...]))
                if !Array(hasher.finalize()).elementsEqual(value[0..<32]) { chainBreaks.append(seq) }
            }
        }

        // The intact prefix ends before the first seq that is missing, conflicts or breaks.
        var intact: UInt64 = 0
        while hash(intact + 1) != nil { intact += 1 }
        let firstBad = ([intact + 1] + chainBreaks + [conflicting].compactMap { $0 }).min()!
        intact = firstBad - 1
        let survivingLater = bySeq.keys.filter { $0 > firstBad }.count
        var problems: [VerifyReport.Problem] = []
        let reason: String
        if chainBreaks.contains(firstBad) {
            reason = "the event at seq \(firstBad) survives but does not link to seq \(firstBad - 1) (the chain breaks)"
        } else if conflicting == firstBad {
            reason = "two different records of seq \(firstBad) survive in the file"
        } else {
            reason = "seq \(firstBad) is not in the surviving pages"
        }
        problems.append(.init(seq: firstBad, check: "storage",
                              message: "\(shortfall). Salvaged from the surviving pages: \(intact == 0 ? "no event is intact" : "seq 1 to \(intact) are intact and chain-verified"); \(reason)\(survivingLater > 0 ? ", and \(survivingLater) later events survive but cannot be chained without it" : ""). Restore the store from a backup (docs/operations.md)"))
        for anchor in anchors {
            if anchor.seq > intact {
                problems.append(.init(seq: anchor.seq, check: "anchor", message: "the anchor at seq \(anchor.seq) is beyond the salvaged log, which ends at seq \(intact)"))
            } else if let kept = hash(anchor.seq), !kept.elementsEqual(anchor.hash) {
                problems.append(.init(seq: anchor.seq, check: "anchor", message: "the ledger's hash at seq \(anchor.seq) is \(Hex.encode(Array(kept))), not the anchored \(Hex.encode(anchor.hash)): the history up to it was rewritten"))
            }
        }
        let head = intact == 0 ? LedgerHead.empty
            : LedgerHead(seq: intact, hash: Array(hash(intact)!), lastRecorded: RecordedInstant(millis: recorded[bySeq[intact]!]))
        return VerifyReport(events: UInt64(bySeq.count), head: head, problems: problems)
    }
}
