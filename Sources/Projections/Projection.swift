import Ledger

/// Read-your-writes access to one projection's key/value state during a fold batch.
public protocol ProjectionBatch {
    func get(_ key: [UInt8]) throws -> [UInt8]?
    mutating func put(_ key: [UInt8], _ value: [UInt8]) throws
}

/// A projection: a name and a pure fold of events into keyed canonical-JSON states.
///
/// `apply` may only read the states it touches through `batch` and write new ones: no
/// clock, no I/O of its own, nothing from a hashed collection's order. So the same log
/// always gives the same states, and the same digest, in any process.
public protocol Projection: Sendable {
    var name: String { get }
    func apply<Batch: ProjectionBatch>(_ event: StoredEvent, to batch: inout Batch) throws
    /// Folds events in order. Stops at the first event whose fold fails and reports it;
    /// everything before it is written to `batch`.
    func fold<Batch: ProjectionBatch>(_ events: [StoredEvent], into batch: inout Batch) throws -> FoldResult
}

/// How far a batch got: the last seq folded, and the event that failed, if one did.
public struct FoldResult {
    public var reached: UInt64?
    public var failed: (event: StoredEvent, error: any Error)?
}

extension Projection {
    public func fold<Batch: ProjectionBatch>(_ events: [StoredEvent], into batch: inout Batch) throws -> FoldResult {
        var result = FoldResult()
        for event in events {
            do {
                try apply(event, to: &batch)
            } catch let error as ProjectionBatchError {
                throw error.underlying
            } catch {
                result.failed = (event, error)
                return result
            }
            result.reached = event.seq
        }
        return result
    }
}

/// Storage errors raised through a batch are not fold failures: they abort the transaction.
public struct ProjectionBatchError: Error {
    public let underlying: any Error
    public init(_ underlying: any Error) { self.underlying = underlying }
}

/// Folds keyed states with the decoded states of one batch kept in memory: each state
/// touched by the batch is decoded once and encoded once, however many events it sees.
struct CachedStateFold<State>: Sendable {
    let key: @Sendable (StoredEvent) -> String?
    let decode: @Sendable ([UInt8]) throws -> State
    let encode: @Sendable (State) -> [UInt8]
    let step: @Sendable (State?, StoredEvent) throws -> State

    func fold<Batch: ProjectionBatch>(_ events: [StoredEvent], into batch: inout Batch) throws -> FoldResult {
        // Order of the final puts does not matter: LMDB's content is the same for any order.
        var cache: [String: State] = [:]
        var result = FoldResult()
        for event in events {
            guard let id = key(event) else { result.reached = event.seq; continue }
            let previous: State?
            if let cached = cache[id] {
                previous = cached
            } else {
                let stored: [UInt8]?
                do { stored = try batch.get(Array(id.utf8)) } catch { throw ProjectionBatchError(error) }
                do { previous = try stored.map(decode) } catch { result.failed = (event, error); break }
            }
            do {
                cache[id] = try step(previous, event)
            } catch {
                result.failed = (event, error)
                break
            }
            result.reached = event.seq
        }
        for (id, state) in cache {
            do { try batch.put(Array(id.utf8), encode(state)) } catch { throw ProjectionBatchError(error) }
        }
        return result
    }
}

/// The three projections of SPEC §5, in digest order.
public enum Projections {
    public static let all: [any Projection] = [CasesProjection(), ClaimsProjection(), AuditProjection()]
    public static var names: [String] { all.map(\.name) }
}

public struct CasesProjection: Projection {
    public init() {}
    public var name: String { "cases" }

    private static let cached = CachedStateFold<CaseState>(
        key: { $0.event.caseID },
        decode: { bytes in try bytes.withUnsafeBytes { try CaseState(json: JSONReader(bytes: $0)) } },
        encode: { $0.canonicalJSON },
        step: { try CaseFold.apply($0, $1) })

    public func fold<Batch: ProjectionBatch>(_ events: [StoredEvent], into batch: inout Batch) throws -> FoldResult {
        try Self.cached.fold(events, into: &batch)
    }

    public func apply<Batch: ProjectionBatch>(_ event: StoredEvent, to batch: inout Batch) throws {
        guard let caseID = event.event.caseID else { return }
        let key = Array(caseID.utf8)
        let previous = try batch.get(key).map { bytes in try bytes.withUnsafeBytes { try CaseState(json: JSONReader(bytes: $0)) } }
        try batch.put(key, try CaseFold.apply(previous, event).canonicalJSON)
    }
}

public struct ClaimsProjection: Projection {
    public init() {}
    public var name: String { "claims" }

    private static let cached = CachedStateFold<ClaimState>(
        key: { $0.event.claimID },
        decode: { bytes in try bytes.withUnsafeBytes { try ClaimState(json: JSONReader(bytes: $0)) } },
        encode: { $0.canonicalJSON },
        step: { try ClaimFold.apply($0, $1) })

    public func fold<Batch: ProjectionBatch>(_ events: [StoredEvent], into batch: inout Batch) throws -> FoldResult {
        try Self.cached.fold(events, into: &batch)
    }

    public func apply<Batch: ProjectionBatch>(_ event: StoredEvent, to batch: inout Batch) throws {
        guard let claimID = event.event.claimID else { return }
        let key = Array(claimID.utf8)
        let previous = try batch.get(key).map { bytes in try bytes.withUnsafeBytes { try ClaimState(json: JSONReader(bytes: $0)) } }
        try batch.put(key, try ClaimFold.apply(previous, event).canonicalJSON)
    }
}

/// Who did what and when: one trail entry per event under its actor, its case (if any)
/// and its claim (if any). Keys are scope ‖ 0x00 ‖ id ‖ 0x00 ‖ seq (u64 BE), so each
/// trail reads in seq order.
public struct AuditProjection: Projection {
    public init() {}
    public var name: String { "audit" }

    public static func key(scope: String, id: String, seq: UInt64) -> [UInt8] {
        var key = Array(scope.utf8)
        key.append(0)
        key.append(contentsOf: id.utf8)
        key.append(0)
        key.append(contentsOf: ByteWriter.u64(seq))
        return key
    }

    public static func prefix(scope: String, id: String) -> [UInt8] {
        var key = Array(scope.utf8)
        key.append(0)
        key.append(contentsOf: id.utf8)
        key.append(0)
        return key
    }

    public func apply<Batch: ProjectionBatch>(_ stored: StoredEvent, to batch: inout Batch) throws {
        let event = stored.event
        var scopes: [(String, String)] = [("actor", event.actor)]
        if let caseID = event.caseID { scopes.append(("case", caseID)) }
        if let claimID = event.claimID { scopes.append(("claim", claimID)) }
        for (scope, id) in scopes {
            var entry = CanonicalObject()
            entry.set("scope", scope)
            entry.set("key", id)
            entry.set("seq", stored.seq)
            entry.set("id", event.id)
            entry.set("type", event.type.name)
            entry.set("actor", event.actor)
            entry.set("case", event.caseID)
            entry.set("claim", event.claimID)
            entry.set("occurred", event.occurred)
            entry.set("recorded", stored.recorded.description)
            try batch.put(AuditProjection.key(scope: scope, id: id, seq: stored.seq), entry.bytes)
        }
    }
}
