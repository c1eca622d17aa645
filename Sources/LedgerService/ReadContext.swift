import Ledger
import LedgerRuntime
import Projections

/// A read of the ledger: the log, its projections caught up to `head`, and the one read
/// path for case and claim state that `case show`, `claim show` and the server share.
public struct ReadContext: Sendable {
    public let log: EventLog
    public let projections: ProjectionSet
    public let head: UInt64

    public init(log: EventLog, projections: ProjectionSet, head: UInt64) {
        self.log = log
        self.projections = projections
        self.head = head
    }

    /// Opens the projections of `log` and catches them up (reads see everything appended before them).
    public static func open(_ log: EventLog, progress: (@Sendable (String, UInt64, UInt64) -> Void)? = nil) async throws -> ReadContext {
        try await caughtUp(log: log, projections: try ProjectionSet(log: log), progress: progress)
    }

    /// Catches existing projections up (a server keeps one `ProjectionSet` for its life).
    public static func caughtUp(log: EventLog, projections: ProjectionSet,
                                progress: (@Sendable (String, UInt64, UInt64) -> Void)? = nil) async throws -> ReadContext {
        let head: UInt64
        do {
            head = try await projections.catchUp(progress: progress)
        } catch let error as ProjectionError {
            throw LedgerError.corrupt(error.description + ". Run `liaison verify`.")
        } catch let error as LedgerError where error.isDiskFull {
            // Catching up writes; a full disk refuses it. Reads still see the whole log:
            // case and claim state fold their streams when the projection is behind, and
            // balances fold the claims moved since the checkpoint.
            head = try log.head().seq
        }
        return ReadContext(log: log, projections: projections, head: head)
    }

    /// One case's state as known at `knownAt`: the live projection when it stands exactly
    /// there, else the case's stream folded up to that seq (the same pure fold, so both agree).
    public func caseState(_ id: String, knownAt: UInt64) throws -> CaseState? {
        try state(projection: "cases", id: id, knownAt: knownAt, decode: CaseState.init(json:),
                  stream: { try log.caseStream(id, atSeq: knownAt) }, fold: CaseFold.apply)
    }

    public func claimState(_ id: String, knownAt: UInt64) throws -> ClaimState? {
        try state(projection: "claims", id: id, knownAt: knownAt, decode: ClaimState.init(json:),
                  stream: { try log.claimStream(id, atSeq: knownAt) }, fold: ClaimFold.apply)
    }

    private func state<State>(projection: String, id: String, knownAt: UInt64, decode: (JSONReader) throws -> State,
                              stream: () throws -> [StoredEvent], fold: (State?, StoredEvent) throws -> State) throws -> State? {
        if knownAt == head {
            // Item and checkpoint from one snapshot: another reader (or the server's follower)
            // may have moved the projection past `head` since the catch-up.
            let (checkpoint, bytes) = try projections.store.itemWithCheckpoint(projection, key: id)
            if checkpoint == knownAt {
                return try bytes.map { bytes in try bytes.withUnsafeBytes { try decode(JSONReader(bytes: $0)) } }
            }
        }
        return try stream().reduce(nil) { try fold($0, $1) }
    }

    /// The seq a read is known at: `atSeq`, which may not lie beyond the head.
    public func knownAt(_ atSeq: UInt64?, option: String = "--at-seq") throws -> UInt64 {
        guard let atSeq else { return head }
        guard atSeq <= head else { throw LedgerError.usage("\(option) \(atSeq) is beyond the head of the ledger (seq \(head)).") }
        return atSeq
    }
}
