import Dispatch
import Ledger

/// The single writer of one store in this process: every append goes through it.
///
/// Group commit: requests wait in a bounded queue while a commit runs; when it ends,
/// everything waiting (up to `batchLinesMax` lines) goes into the next single durable
/// transaction. So 64 producers appending one event each share a handful of fsyncs
/// instead of paying 64. The commit itself runs on a dedicated thread (the LMDB write
/// transaction is synchronous and must stay on one thread), so the actor keeps
/// accepting requests meanwhile and the cooperative pool is never blocked on fsync.
///
/// Several processes may each have their own writer on the same store: LMDB's writer
/// lock serialises their transactions, and each transaction reads the head afresh.
public actor LedgerWriter {
    public struct Limits: Sendable {
        /// Lines in one transaction: big enough to amortise the fsync, small enough to keep
        /// a transaction short for readers and other processes.
        public var batchLinesMax: Int = 4096
        /// Lines waiting in the queue; producers beyond it wait for room (backpressure).
        public var queueLinesMax: Int = 65_536
        public init(batchLinesMax: Int = 4096, queueLinesMax: Int = 65_536) {
            self.batchLinesMax = batchLinesMax
            self.queueLinesMax = queueLinesMax
        }
    }

    private struct Request {
        let lines: [ParsedLine]
        let mode: Mode
        let atomic: Bool
        let continuation: CheckedContinuation<AppendResult, any Error>
    }

    public enum Mode: Sendable, Equatable {
        case append
        case `import`
    }

    public let log: EventLog
    public let limits: Limits
    private let clock: @Sendable () -> Int64
    private let commitQueue = DispatchQueue(label: "liaison.writer.commit")
    private var queue: [Request] = []
    private var queuedLines = 0
    private var committing = false
    private var roomWaiters: [CheckedContinuation<Void, Never>] = []
    private var headWatchers: [@Sendable (LedgerHead) -> Void] = []

    /// Commits made and lines committed, for benchmarks and metrics.
    public private(set) var commits = 0
    public private(set) var linesCommitted = 0

    public init(log: EventLog, limits: Limits = .init(), clock: @escaping @Sendable () -> Int64 = SystemClock.nowMillis) {
        self.log = log
        self.limits = limits
        self.clock = clock
    }

    /// Called with the new head after each commit that appended something ("the head moved").
    public func onHeadMoved(_ watcher: @escaping @Sendable (LedgerHead) -> Void) {
        headWatchers.append(watcher)
    }

    /// Validates and appends `lines` (in order), sharing a transaction with other
    /// waiting requests unless `atomic`. Returns when the commit is durable.
    public func submit(_ lines: [ParsedLine], mode: Mode = .append, atomic: Bool = false) async throws -> AppendResult {
        precondition(lines.count <= limits.queueLinesMax, "a request may not exceed the queue")
        while queuedLines + lines.count > limits.queueLinesMax {
            await withCheckedContinuation { roomWaiters.append($0) }
        }
        return try await withCheckedThrowingContinuation { continuation in
            queue.append(Request(lines: lines, mode: mode, atomic: atomic, continuation: continuation))
            queuedLines += lines.count
            if !committing {
                committing = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !queue.isEmpty {
            // Let producers whose requests just completed submit their next ones first:
            // they join this transaction instead of waiting a whole commit for the next.
            await Task.yield()
            let batch = takeBatch()
            let lines = batch.flatMap(\.lines)
            queuedLines -= lines.count
            let waiters = roomWaiters
            roomWaiters.removeAll()
            for waiter in waiters { waiter.resume() }

            let mode: AppendMode = batch[0].mode == .import ? .import(clockMillis: clock()) : .append(clockMillis: clock())
            let atomic = batch[0].atomic
            let log = self.log
            let result: Result<AppendResult, any Error> = await withCheckedContinuation { done in
                commitQueue.async {
                    done.resume(returning: Result {
                        defer { log.boundResidentMemory() }
                        return try log.append(lines, mode: mode, atomic: atomic)
                    })
                }
            }
            switch result {
            case .success(let appended):
                commits += 1
                var offset = 0
                var appendedAny = false
                for request in batch {
                    let outcomes = Array(appended.outcomes[offset..<(offset + request.lines.count)])
                    offset += request.lines.count
                    appendedAny = appendedAny || outcomes.contains { if case .appended = $0 { return true } else { return false } }
                    request.continuation.resume(returning: AppendResult(outcomes: outcomes, head: appended.head))
                }
                linesCommitted += lines.count
                if appendedAny { for watcher in headWatchers { watcher(appended.head) } }
            case .failure(let error):
                for request in batch { request.continuation.resume(throwing: error) }
            }
        }
        committing = false
    }

    /// The next transaction's requests: consecutive ones of the same mode, up to the
    /// batch limit; an atomic request always goes alone (its rollback must not take
    /// other producers' lines with it).
    private func takeBatch() -> [Request] {
        var batch = [queue.removeFirst()]
        if batch[0].atomic { return batch }
        var count = batch[0].lines.count
        while let next = queue.first, !next.atomic, next.mode == batch[0].mode, count + next.lines.count <= limits.batchLinesMax {
            batch.append(queue.removeFirst())
            count += next.lines.count
        }
        return batch
    }
}
