import Dispatch
import Ledger
import Projections

/// One projection's actor: it owns that projection's catch-up.
///
/// Pull-based: it reads the log from its checkpoint in batches (never a buffer of pushed
/// events), so a slow projection costs memory for one batch at most. The writer's "the
/// head moved" notification only wakes it; several notifications during a catch-up fold
/// into one more pass. The LMDB work runs on the runner's own queue, synchronously, so
/// no transaction spans an `await`.
public actor ProjectionRunner {
    public let name: String
    private let index: Int
    private let store: ProjectionStore
    private let queue: DispatchQueue
    private var running = false
    private var wanted = false
    public private(set) var lastError: ProjectionError?

    init(store: ProjectionStore, index: Int) {
        self.store = store
        self.index = index
        name = Projections.all[index].name
        queue = DispatchQueue(label: "liaison.projection.\(Projections.all[index].name)")
    }

    /// Folds everything up to `limit` (default: the head when called). Returns the checkpoint.
    @discardableResult
    public func catchUp(to limit: UInt64? = nil, progress: (@Sendable (UInt64, UInt64) -> Void)? = nil) async throws -> UInt64 {
        let store = self.store, index = self.index
        let result: Result<UInt64, any Error> = await withCheckedContinuation { done in
            queue.async {
                done.resume(returning: Result {
                    let target = try limit ?? store.log.head().seq
                    var reached = try store.checkpoint(Projections.all[index].name)
                    while reached < target {
                        let next = try store.catchUpBatch(index, to: target)
                        if next == reached { break }
                        reached = next
                        progress?(reached, target)
                    }
                    return reached
                })
            }
        }
        if case .failure(let error as ProjectionError) = result { lastError = error }
        return try result.get()
    }

    /// "The head moved": schedule a catch-up, coalescing wake-ups that arrive meanwhile.
    public func headMoved() {
        wanted = true
        guard !running else { return }
        running = true
        Task { await self.drainWakeUps() }
    }

    private func drainWakeUps() async {
        while wanted {
            wanted = false
            _ = try? await catchUp()
        }
        running = false
    }
}

/// The runners of every projection of one store.
public final class ProjectionSet: Sendable {
    public let store: ProjectionStore
    public let runners: [ProjectionRunner]

    public init(log: EventLog) throws {
        let store = try ProjectionStore(log: log)
        self.store = store
        runners = Projections.all.indices.map { ProjectionRunner(store: store, index: $0) }
    }

    /// Catches every projection up to the head (reads do this first, so a read right
    /// after an append sees it). The projections run side by side.
    @discardableResult
    public func catchUp(to limit: UInt64? = nil, progress: (@Sendable (String, UInt64, UInt64) -> Void)? = nil) async throws -> UInt64 {
        let target = try limit ?? store.log.head().seq
        return try await withThrowingTaskGroup(of: UInt64.self) { group in
            for runner in runners {
                let name = runner.name
                group.addTask { try await runner.catchUp(to: target) { done, total in progress?(name, done, total) } }
            }
            return try await group.reduce(UInt64.max) { min($0, $1) }
        }
    }

    /// Wakes every runner after each commit of `writer` that moved the head.
    public func follow(_ writer: LedgerWriter) async {
        let runners = self.runners
        await writer.onHeadMoved { _ in
            for runner in runners { Task { await runner.headMoved() } }
        }
    }

    public func digests() throws -> [(name: String, digest: String)] {
        try Projections.names.map { ($0, try store.digest($0)) }
    }
}
