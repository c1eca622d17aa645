import Ledger

/// Read-your-writes access to one projection's key/value state during a fold batch.
public protocol ProjectionBatch {
    func get(_ key: [UInt8]) throws -> [UInt8]?
    mutating func put(_ key: [UInt8], _ value: [UInt8]) throws
    /// The same from borrowed bytes, valid only during the call (no arrays to allocate).
    mutating func put(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) throws
}

extension ProjectionBatch {
    public mutating func put(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) throws {
        try put(Array(key), Array(value))
    }
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

    /// Not generic over the batch: the caller's `Batch` is only known in LedgerRuntime, and
    /// a body generic over both could not be specialised for `State` anywhere, so every
    /// array access went through runtime metadata (docs/performance.md). Call it where
    /// `State` is concrete.
    func fold(_ events: [StoredEvent], get: ([UInt8]) throws -> [UInt8]?, put: ([UInt8], [UInt8]) throws -> Void) throws -> FoldResult {
        // The states live in an array and the dictionary only maps ids to slots: a
        // `[String: Int]` is specialised code, where a dictionary of the generic `State`
        // went through its value witnesses for every lookup and store (docs/performance.md).
        var slots: [String: Int] = [:]
        var states: [State] = []
        var ids: [String] = []
        var result = FoldResult()
        for event in events {
            guard let id = key(event) else { result.reached = event.seq; continue }
            if let slot = slots[id] {
                do { states[slot] = try step(states[slot], event) } catch { result.failed = (event, error); break }
            } else {
                let stored: [UInt8]?
                do { stored = try get(Array(id.utf8)) } catch { throw ProjectionBatchError(error) }
                let next: State
                do { next = try step(try stored.map(decode), event) } catch { result.failed = (event, error); break }
                slots[id] = states.count
                states.append(next)
                ids.append(id)
            }
            result.reached = event.seq
        }
        // Order of the puts does not matter: LMDB's content is the same for any order.
        for (id, state) in zip(ids, states) {
            do { try put(Array(id.utf8), encode(state)) } catch { throw ProjectionBatchError(error) }
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
        try Self.cached.fold(events, get: { try batch.get($0) }, put: { try batch.put($0, $1) })
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
        try Self.cached.fold(events, get: { try batch.get($0) }, put: { try batch.put($0, $1) })
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
        var key: [UInt8] = []
        appendKey(scope: scope, id: id, seq: seq, to: &key)
        return key
    }

    static func appendKey(scope: String, id: String, seq: UInt64, to key: inout [UInt8]) {
        key.append(contentsOf: scope.utf8)
        key.append(0)
        key.append(contentsOf: id.utf8)
        key.append(0)
        withUnsafeBytes(of: seq.bigEndian) { key.append(contentsOf: $0) }
    }

    public static func prefix(scope: String, id: String) -> [UInt8] {
        var key = Array(scope.utf8)
        key.append(0)
        key.append(contentsOf: id.utf8)
        key.append(0)
        return key
    }

    /// Folds a batch with one key buffer and one entry buffer reused for every entry, put
    /// straight from them: replay writes two or three entries per event, and allocating
    /// two arrays for each was a fifth of the audit fold's instructions (docs/performance.md).
    public func fold<Batch: ProjectionBatch>(_ events: [StoredEvent], into batch: inout Batch) throws -> FoldResult {
        var buffers = Buffers()
        var result = FoldResult()
        for stored in events {
            try put(stored, into: &batch, buffers: &buffers)
            result.reached = stored.seq
        }
        return result
    }

    public func apply<Batch: ProjectionBatch>(_ stored: StoredEvent, to batch: inout Batch) throws {
        var buffers = Buffers()
        try put(stored, into: &batch, buffers: &buffers)
    }

    private struct Buffers: ~Copyable {
        var key: [UInt8] = []
        var entry = CanonicalWriter(capacity: 512)
        init() { key.reserveCapacity(256) }
    }

    /// The event's entries under its actor, its case (if any) and its claim (if any).
    private func put<Batch: ProjectionBatch>(_ stored: StoredEvent, into batch: inout Batch, buffers: inout Buffers) throws {
        let event = stored.event
        try put(stored, scope: "actor", id: event.actor, into: &batch, buffers: &buffers)
        if let caseID = event.caseID { try put(stored, scope: "case", id: caseID, into: &batch, buffers: &buffers) }
        if let claimID = event.claimID { try put(stored, scope: "claim", id: claimID, into: &batch, buffers: &buffers) }
    }

    private func put<Batch: ProjectionBatch>(_ stored: StoredEvent, scope: String, id: String, into batch: inout Batch, buffers: inout Buffers) throws {
        buffers.key.removeAll(keepingCapacity: true)
        AuditProjection.appendKey(scope: scope, id: id, seq: stored.seq, to: &buffers.key)
        buffers.entry.reset()
        AuditProjection.writeEntry(stored, scope: scope, id: id, to: &buffers.entry)
        try buffers.key.withUnsafeBytes { key in
            try buffers.entry.withBytes { entry in try batch.put(key: key, value: entry) }
        }
    }

    /// One trail entry, members in canonical (byte) order of their keys.
    static func writeEntry(_ stored: StoredEvent, scope: String, id: String, to writer: inout CanonicalWriter) {
        let event = stored.event
        writer.beginObject()
        writer.key("actor"); writer.string(event.actor)
        writer.key("case"); writer.string(event.caseID)
        writer.key("claim"); writer.string(event.claimID)
        writer.key("id"); writer.string(event.id)
        writer.key("key"); writer.string(id)
        writer.key("occurred"); writer.date(event.occurred)
        writer.key("recorded"); writer.instant(stored.recorded)
        writer.key("scope"); writer.string(scope)
        writer.key("seq"); writer.int(stored.seq)
        writer.key("type"); writer.string(event.type.name)
        writer.endObject()
    }
}
