import Ledger
import Projections

/// Verify's projection step: catch the live projections up, replay the log alone to the
/// same seq, and compare digests. A difference names the projection and the seq.
public enum ProjectionCheck {
    public static func run(log: EventLog, progress: ((UInt64, UInt64) -> Void)? = nil) async throws -> [VerifyReport.Problem] {
        let live = try ProjectionSet(log: log)
        let seq: UInt64
        do {
            seq = try await live.catchUp()
        } catch let error as ProjectionError {
            return [VerifyReport.Problem(seq: error.seq, check: "projection:\(error.projection)", message: error.description)]
        } catch let error as LedgerError where error.isDiskFull {
            return try atCheckpoints(log: log, live: live, progress: progress)
        }
        let replay: Replay
        do {
            replay = try Replay(log: log, to: seq, progress: progress)
        } catch let error as ProjectionError {
            return [VerifyReport.Problem(seq: error.seq, check: "projection:\(error.projection)", message: "a replay fails: \(error.description)")]
        }
        var problems: [VerifyReport.Problem] = []
        for ((name, expected), (_, actual)) in zip(try replay.digests(), try live.digests()) where expected != actual {
            problems.append(VerifyReport.Problem(seq: nil, check: "projection:\(name)",
                                                 message: "the live \(name) projection (digest \(actual)) differs from a replay of the log to seq \(seq) (digest \(expected))"))
        }
        return problems
    }

    /// On a full disk the projections cannot be caught up (that writes), and verify must
    /// still work: each projection is compared, as it stands, with a replay to its own
    /// checkpoint. One replay per distinct checkpoint, in ascending order.
    static func atCheckpoints(log: EventLog, live: ProjectionSet, progress: ((UInt64, UInt64) -> Void)?) throws -> [VerifyReport.Problem] {
        let names = Projections.names
        let checkpoints = try names.map { try live.store.checkpoint($0) }
        let liveDigests = try live.digests()
        var problems: [VerifyReport.Problem] = []
        for seq in Array(Set(checkpoints)).sorted() {
            let replay = try Replay(log: log, to: seq, progress: progress)
            let expected = try replay.digests()
            for (index, name) in names.enumerated() where checkpoints[index] == seq && expected[index].digest != liveDigests[index].digest {
                problems.append(VerifyReport.Problem(seq: nil, check: "projection:\(name)",
                                                     message: "the live \(name) projection at its checkpoint seq \(seq) (digest \(liveDigests[index].digest)) differs from a replay of the log to that seq (digest \(expected[index].digest))"))
            }
        }
        return problems
    }
}
