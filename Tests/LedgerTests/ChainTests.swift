import Crypto
import LMDB
import Testing
@testable import Ledger

struct ChainTests {
    /// The chain recomputed here from the raw `events` records with swift-crypto directly,
    /// not through the ledger's own code.
    @Test func headIsTheChainOverTheStoredBytes() throws {
        let store = try TestStore()
        try store.append(Fixtures.lines(cases: 20))
        var hash = [UInt8](repeating: 0, count: 32)
        var count: UInt64 = 0
        try store.log.environment.read { txn in
            let cursor = try txn.cursor(store.log.layout.events)
            var entry = try cursor.first()
            while let (_, value) = entry {
                hash = Array(SHA256.hash(data: hash + Array(value[32...])))
                #expect(Array(value[0..<32]) == hash)
                count += 1
                entry = try cursor.next()
            }
        }
        let head = try store.log.head()
        #expect(head.seq == count && count == 100)
        #expect(head.hash == hash)
        let report = try store.log.verify()
        #expect(report.ok && report.events == 100 && report.head.hash == hash)
    }

    // MARK: - Tampering, done with raw LMDB writes behind the ledger's back

    @Test(arguments: [1, 37, 100])
    func flippedByteIsFoundAtItsSeq(_ seq: Int) throws {
        let store = try TestStore()
        try store.append(Fixtures.lines(cases: 20))
        try rewrite(store, seq: UInt64(seq)) { value in value[value.count - 3] ^= 0x01 }
        let report = try store.log.verify()
        #expect(!report.ok)
        #expect(report.firstBadSeq == UInt64(seq))
        #expect(report.problems.first?.check == "chain")
    }

    @Test func deletedEventIsFound() throws {
        let store = try TestStore()
        try store.append(Fixtures.lines(cases: 10))
        try store.log.environment.write { txn in _ = try txn.delete(store.log.layout.events, key: ByteWriter.u64(20)) }
        let report = try store.log.verify()
        #expect(report.firstBadSeq == 20)
        #expect(report.problems.first?.check == "sequence")
    }

    @Test func swappedPairIsFound() throws {
        let store = try TestStore()
        try store.append(Fixtures.lines(cases: 10))
        let layout = store.log.layout
        try store.log.environment.write { txn in
            let a = try #require(try txn.get(layout.events, key: ByteWriter.u64(11)))
            let b = try #require(try txn.get(layout.events, key: ByteWriter.u64(12)))
            try txn.put(layout.events, key: ByteWriter.u64(11), value: b)
            try txn.put(layout.events, key: ByteWriter.u64(12), value: a)
        }
        let report = try store.log.verify()
        #expect(report.firstBadSeq == 11)
    }

    @Test func rewrittenButConsistentChainIsCaughtByAnAnchor() throws {
        let original = try TestStore()
        try original.append(Fixtures.lines(cases: 10))
        let anchor = try original.log.head()
        // A forger rebuilds a store with one amount changed: its chain is internally consistent.
        let forged = try TestStore()
        var lines = Fixtures.lines(cases: 10)
        lines[3] = lines[3].replacingOccurrences(of: "\"100.25\"", with: "\"900.25\"")
        try forged.append(lines)
        #expect(try forged.log.verify().ok)
        let report = try forged.log.verify(anchors: [(anchor.seq, anchor.hash)])
        #expect(!report.ok)
        #expect(report.problems.first?.check == "anchor")
        #expect(try original.log.verify(anchors: [(anchor.seq, anchor.hash)]).ok)
        #expect(!(try original.log.verify(anchors: [(anchor.seq + 1, anchor.hash)]).ok), "an anchor beyond the head means events were removed")
    }

    @Test func tamperedIndexIsFound() throws {
        let store = try TestStore()
        try store.append(Fixtures.lines(cases: 10))
        try store.log.environment.write { txn in
            try txn.put(store.log.layout.ids, key: Array("F-o-3".utf8), value: ByteWriter.u64(5))
        }
        let report = try store.log.verify()
        #expect(report.problems.map(\.check) == ["index:ids"])
        #expect(report.firstBadSeq == 5 || report.firstBadSeq == 16)
    }

    private func rewrite(_ store: TestStore, seq: UInt64, _ change: (inout [UInt8]) -> Void) throws {
        try store.log.environment.write { txn in
            var value = try #require(try txn.get(store.log.layout.events, key: ByteWriter.u64(seq)))
            change(&value)
            try txn.put(store.log.layout.events, key: ByteWriter.u64(seq), value: value)
        }
    }
}
