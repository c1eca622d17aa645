import Foundation
import Testing
@testable import Ledger
@testable import LedgerRuntime
@testable import Projections

struct FollowTests {
    /// The writer's "the head moved" wakes the projection runners, which catch up by themselves.
    @Test func runnersFollowTheWriter() async throws {
        let store = try ProjectionTestStore()
        let writer = LedgerWriter(log: store.log)
        let projections = try ProjectionSet(log: store.log)
        await projections.follow(writer)
        let parser = EventParser(mode: .append)
        let result = try await writer.submit(CaseViewTests.fixture.map { parser.parse($0) })
        #expect(result.head.seq == 4)
        // Bounded wait for the background catch-up (not a timing assertion: it only has to happen).
        var checkpoints: [UInt64] = []
        for _ in 0..<500 {
            checkpoints = try Projections.names.map { try projections.store.checkpoint($0) }
            if checkpoints.allSatisfy({ $0 == 4 }) { break }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        #expect(checkpoints == [4, 4, 4])
        #expect(try projections.digests().map(\.digest) == Replay(log: store.log).digests().map(\.digest))
    }
}
