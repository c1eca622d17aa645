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
}
