import Dispatch

/// Runs long synchronous work (a full verify or replay) on a global dispatch queue, so the
/// cooperative thread pool that serves requests is never held by it.
enum Offload {
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }
}
