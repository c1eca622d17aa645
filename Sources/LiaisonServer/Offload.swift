import Dispatch

/// Long synchronous work (a full verify or replay, a balances walk) runs off the
/// cooperative thread pool, so the threads that serve requests are never held by it.
enum Offload {
    /// A synchronous body, on a global dispatch queue.
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }

    /// An async body whose non-isolated parts (and the synchronous work they do) run on
    /// a dedicated queue: verify's projection check replays the log synchronously inside
    /// an async function, which would otherwise occupy a pool thread for minutes.
    static func run<T: Sendable>(async body: @Sendable () async throws -> T) async throws -> T {
        if #available(macOS 15.0, *) {
            return try await withTaskExecutorPreference(QueueExecutor.shared) { try await body() }
        }
        return try await body()
    }
}

/// A task executor over one serial dispatch queue, for `Offload.run(async:)`.
@available(macOS 15.0, *)
final class QueueExecutor: TaskExecutor, @unchecked Sendable {
    static let shared = QueueExecutor()
    private static let key = DispatchSpecificKey<Bool>()
    private let queue = DispatchQueue(label: "liaison.serve.offload")

    private init() { queue.setSpecific(key: QueueExecutor.key, value: true) }

    /// The caller runs on the offload queue (what the tests check).
    static var isCurrent: Bool { DispatchQueue.getSpecific(key: key) == true }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
