import Foundation

/// At most `countMax` holders at once; one more is refused at once rather than queued,
/// so a burst of heavy requests costs the server nothing but a 503 each (a queue would
/// hold their memory and connections while they wait).
public final class WorkGate: @unchecked Sendable {
    public let countMax: Int
    /// The `Retry-After` a refused caller is given.
    public let retryAfterSeconds: Int
    // A lock, not an actor: entering must not suspend, so a refusal costs no hop.
    private let lock = NSLock()
    private var count = 0

    public init(countMax: Int, retryAfterSeconds: Int) {
        precondition(countMax > 0, "a gate that admits nobody")
        self.countMax = countMax
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// Takes a place if one is free; a true answer must be paired with `leave()`.
    public func tryEnter() -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard count < countMax else { return false }
        count += 1
        return true
    }

    public func leave() {
        lock.lock(); defer { lock.unlock() }
        precondition(count > 0, "WorkGate.leave without enter")
        count -= 1
    }

    /// Holders now (for tests and metrics).
    public var holders: Int { lock.lock(); defer { lock.unlock() }; return count }

    /// Runs `body` holding a place, or throws 503 `busy` (with `Retry-After`) when none is free.
    func run<T>(_ what: String, _ body: () async throws -> T) async throws -> T {
        guard tryEnter() else {
            throw APIError(.serviceUnavailable, "busy", "The server is already running \(countMax == 1 ? "one" : "\(countMax)") \(what) at once, its limit; try again later.",
                           retryAfterSeconds: retryAfterSeconds)
        }
        defer { leave() }
        return try await body()
    }
}
