@testable import LiaisonServer
import Testing

/// Verify's long work leaves the cooperative pool: it runs on the offload queue.
struct OffloadTests {
    @Test func asyncBodyRunsOnTheOffloadQueue() async throws {
        #expect(!QueueExecutor.isCurrent)
        let here = try await Offload.run(async: { () async throws -> [Bool] in
            let before = QueueExecutor.isCurrent
            await Task.yield()
            return [before, QueueExecutor.isCurrent]  // still there after a suspension
        })
        #expect(here == [true, true])
    }
}
