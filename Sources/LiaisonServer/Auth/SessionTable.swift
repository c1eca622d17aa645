import Foundation
import Ledger
import Synchronization

/// Browser sessions made by `POST /login`: a random id (the cookie) mapped to the identity
/// that logged in, server-side, so the token itself never sits in a browser.
///
/// Bounded: at most `countMax` sessions (logging in beyond that drops the oldest), each
/// expiring `lifetimeSeconds` after login. Lost on restart: people log in again.
public final class SessionTable: Sendable {
    struct Session {
        let identity: Identity
        let expiresMillis: Int64
        let createdMillis: Int64
    }

    public let countMax: Int
    public let lifetimeSeconds: Int
    private let clock: @Sendable () -> Int64
    private let sessions = Mutex<[String: Session]>([:])

    public init(countMax: Int = 1024, lifetimeSeconds: Int = 8 * 3600, clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }) {
        self.countMax = countMax
        self.lifetimeSeconds = lifetimeSeconds
        self.clock = clock
    }

    /// Opens a session and returns its id (256 random bits, hex).
    public func open(_ identity: Identity) -> String {
        var generator = SystemRandomNumberGenerator()
        let id = Hex.encode((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let now = clock()
        sessions.withLock { table in
            table = table.filter { $0.value.expiresMillis > now }
            if table.count >= countMax, let oldest = table.min(by: { $0.value.createdMillis < $1.value.createdMillis })?.key {
                table[oldest] = nil
            }
            table[id] = Session(identity: identity, expiresMillis: now + Int64(lifetimeSeconds) * 1000, createdMillis: now)
        }
        return id
    }

    public func identity(forSession id: String) -> Identity? {
        let now = clock()
        return sessions.withLock { table in
            guard let session = table[id] else { return nil }
            guard session.expiresMillis > now else { table[id] = nil; return nil }
            return session.identity
        }
    }

    /// Ends every session whose identity is not in `identities` (its token was revoked).
    public func keepOnly(_ identities: [Identity]) {
        sessions.withLock { table in table = table.filter { identities.contains($0.value.identity) } }
    }

    public func close(_ id: String) { _ = sessions.withLock { $0.removeValue(forKey: id) } }

    public var count: Int { sessions.withLock { $0.count } }
}
