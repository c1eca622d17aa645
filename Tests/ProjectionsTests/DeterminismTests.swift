import Testing
@testable import Ledger
@testable import LedgerRuntime
@testable import Projections

struct DeterminismTests {
    static func filled() throws -> ProjectionTestStore {
        let store = try ProjectionTestStore()
        try store.append(CaseViewTests.fixture + ClaimScenario(seed: 7, claims: 150, years: 2022...2024).lines)
        return store
    }

    @Test func liveProjectionsEqualAReplay() async throws {
        let store = try Self.filled()
        let live = try ProjectionSet(log: store.log)
        let seq = try await live.catchUp()
        #expect(seq == (try store.log.head().seq))
        let replay = try Replay(log: store.log)
        #expect(try live.digests().map(\.digest) == replay.digests().map(\.digest))
        #expect(try replay.digests().map(\.digest) == Replay(log: store.log).digests().map(\.digest), "two replays agree")
    }

    @Test func replayToKEqualsAStoreHoldingOnlyTheFirstKEvents() throws {
        let store = try Self.filled()
        let k: UInt64 = 211
        let partial = try ProjectionTestStore()
        let parser = EventParser(mode: .import)
        _ = try partial.log.append(try store.exportLines(to: k).map { parser.parse($0) }, mode: .importStored)
        #expect(try partial.log.head().seq == k)
        #expect(try Replay(log: store.log, to: k).digests().map(\.digest) == Replay(log: partial.log).digests().map(\.digest))
        #expect(try Replay(log: store.log, to: k).digests().map(\.digest) != Replay(log: store.log).digests().map(\.digest))
    }

    @Test func exportThenImportGivesTheSameDigests() throws {
        let store = try Self.filled()
        let copy = try ProjectionTestStore()
        let parser = EventParser(mode: .import)
        _ = try copy.log.append(try store.exportLines().map { parser.parse($0) }, mode: .importStored)
        #expect(try Replay(log: store.log).digests().map(\.digest) == Replay(log: copy.log).digests().map(\.digest))
    }

    @Test func anInterruptedCatchUpResumesFromItsCheckpoint() async throws {
        let store = try Self.filled()
        // A first runner folds only part of the log, as if killed mid-catch-up.
        let first = try ProjectionSet(log: store.log)
        try await first.catchUp(to: 123)
        #expect(try first.store.checkpoint("cases") == 123)
        // A new process resumes from the checkpoint and ends equal to a replay.
        let second = try ProjectionSet(log: store.log)
        try await second.catchUp()
        #expect(try second.store.checkpoint("claims") == store.log.head().seq)
        #expect(try second.digests().map(\.digest) == Replay(log: store.log).digests().map(\.digest))
    }

    @Test func aFailingFoldStopsAtItsSeqAndSaysSo() throws {
        let store = try ProjectionTestStore()
        try store.append([CaseViewTests.opened])
        // A state the fold cannot read, planted behind the projection's back.
        let projections = try ProjectionStore(log: store.log)
        try store.log.environment.write { txn in
            try txn.put(projections.database("cases"), key: Array("P1".utf8), value: Array("{}".utf8))
        }
        try store.append([L.event("c", "CaseClosed", "2024-02-01", case: "P1", "\"reason\":\"r\"")])
        try store.log.environment.write { txn in
            try txn.put(projections.checkpoints, key: Array("cases".utf8), value: ByteWriter.u64(1))
        }
        #expect(throws: ProjectionError.self) { _ = try projections.catchUpBatch(0, to: .max) }
        do {
            _ = try projections.catchUpBatch(0, to: .max)
        } catch let error as ProjectionError {
            #expect(error.seq == 2 && error.projection == "cases" && error.id == "c")
        }
        #expect(try projections.checkpoint("cases") == 1)
    }
}

extension CaseViewTests {
    static let fixture: [String] = [
        opened,
        period("de1", "DE", "2001-01-01", "2001-12-31"),
        period("fr1", "FR", "2002-01-01", "2002-12-31"),
        L.event("d1", "DocumentReceived", "2024-02-11", case: "P1", "\"document\":\"P2000\",\"documentId\":\"sed-1\",\"from\":\"DE\",\"institution\":\"DRV Bund\""),
    ]
}
