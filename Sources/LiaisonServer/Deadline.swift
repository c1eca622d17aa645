import Foundation

/// A limit on a handler's time. Past it the client gets 503 `deadline` and its
/// connection back; the work itself cannot be stopped midway (a verify holds no
/// cancellation points, an append must reach its commit), so it finishes in the
/// background, still holding any `WorkGate` place it took.
enum Deadline {
    static func answer<T: Sendable>(within seconds: Int, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let once = ResumeOnce<T>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                once.set(continuation)
                // Unstructured on purpose: a task group would wait for the body before returning.
                let work = Task { once.resume(with: await Result(catching: { try await body() })) }
                let timer = Task {
                    try? await Task.sleep(for: .seconds(seconds))
                    if Task.isCancelled { return }
                    once.resume(with: .failure(APIError(.serviceUnavailable, "deadline",
                                                        "The request took more than \(seconds) seconds, its limit; the work may still complete (an append stays idempotent: resend it).",
                                                        retryAfterSeconds: 60)))
                }
                // The request cancelled (shutdown past its grace period): pass it on to the
                // work, which stops where it can, and stop waiting for it.
                once.onCancel { work.cancel() }
                once.onResume { timer.cancel() }
            }
        } onCancel: {
            once.cancel()
        }
    }
}

/// A continuation resumed exactly once, by whichever of the work and the timer ends first.
private final class ResumeOnce<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?
    private var done = false
    private var after: (@Sendable () -> Void)?
    private var cancelWork: (@Sendable () -> Void)?
    private var cancelled = false

    func set(_ continuation: CheckedContinuation<T, any Error>) {
        lock.lock(); self.continuation = continuation; lock.unlock()
    }

    func onResume(_ action: @escaping @Sendable () -> Void) {
        lock.lock()
        let already = done
        if !already { after = action }
        lock.unlock()
        if already { action() }
    }

    func onCancel(_ action: @escaping @Sendable () -> Void) {
        lock.lock()
        let already = cancelled
        if !already { cancelWork = action }
        lock.unlock()
        if already { action(); resume(with: .failure(CancellationError())) }
    }

    /// The waiting task was cancelled: cancel the work and answer at once.
    func cancel() {
        lock.lock()
        cancelled = true
        let action = cancelWork
        cancelWork = nil
        lock.unlock()
        guard let action else { return }  // not set up yet: `onCancel` finishes the job
        action()
        resume(with: .failure(CancellationError()))
    }

    func resume(with result: Result<T, any Error>) {
        lock.lock()
        guard !done, let continuation else { lock.unlock(); return }
        done = true
        self.continuation = nil
        let action = after
        after = nil
        lock.unlock()
        continuation.resume(with: result)
        action?()
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
