import Ledger
import Projections

extension ProjectionStore {
    /// Claims folded in memory beyond the projection's checkpoint, at most: a read on a
    /// store whose projections lag further than this asks for a catch-up instead.
    public static let lagEventsMax = 1_000_000

    /// Every claim as the ledger knew it at `knownAt`, in one snapshot, whatever the
    /// `claims` projection's checkpoint: claims moved by events after the checkpoint are
    /// folded forward in memory (the same pure fold), so a read is right even when the
    /// projection could not be caught up (a full disk refuses the catch-up's write).
    /// A projection already past `knownAt` needs nothing: figures filter by seq.
    public func forEachClaim(knownAt: UInt64, _ body: (ClaimState) throws -> Void) throws {
        try EventLog.mapped {
            try environment.read { txn in
                let checkpoint = try readCheckpoint("claims", txn)
                var later: [String: [StoredEvent]] = [:]
                if checkpoint < knownAt {
                    guard knownAt - checkpoint <= UInt64(ProjectionStore.lagEventsMax) else {
                        throw LedgerError.io("The claims projection is \(knownAt - checkpoint) events behind the log and cannot be caught up here; run the read again where the store's disk has room.")
                    }
                    let collect: (StoredEvent) -> Bool = { event in
                        if let claim = event.event.claimID { later[claim, default: []].append(event) }
                        return true
                    }
                    // The live projections share the log's environment: read in this snapshot.
                    if environment === log.environment {
                        try log.forEachEvent(in: txn, from: checkpoint + 1, to: knownAt, collect)
                    } else {
                        try log.forEachEvent(from: checkpoint + 1, to: knownAt, collect)
                    }
                }
                func forward(_ state: ClaimState?, _ events: [StoredEvent]) throws -> ClaimState? {
                    do {
                        return try events.reduce(state) { try ClaimFold.apply($0, $1) }
                    } catch {
                        throw LedgerError.corrupt("Folding claim events after the projection's checkpoint failed: \(error). Run `liaison verify`.")
                    }
                }
                try forEachItem("claims", txn) { bytes in
                    var state = try ClaimState(json: JSONReader(bytes: bytes))
                    if let events = later.removeValue(forKey: state.claim), let moved = try forward(state, events) { state = moved }
                    try body(state)
                }
                // Claims introduced after the checkpoint, in id order (never hash order).
                for claim in later.keys.sorted() {
                    if let state = try forward(nil, later[claim]!) { try body(state) }
                }
            }
        }
    }
}
