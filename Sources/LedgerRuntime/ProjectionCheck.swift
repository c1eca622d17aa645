import Ledger
import Projections

/// Verify's projection step: catch the live projections up, take each one's checkpoint
/// and digest in one snapshot, replay the log alone to those seqs (one pass), and
/// compare. A difference names the projection and the seq.
///
/// Why a snapshot and not "the head": other processes append and catch the projections
/// up while verify runs, so the live projections are wherever they are when read; only
/// a digest read together with its checkpoint can be compared with a replay.
public enum ProjectionCheck {
    public static func run(log: EventLog, progress: ((UInt64, UInt64) -> Void)? = nil) async throws -> [VerifyReport.Problem] {
        let live = try ProjectionSet(log: log)
        do {
            _ = try await live.catchUp()
        } catch let error as ProjectionError {
            return [VerifyReport.Problem(seq: error.seq, check: "projection:\(error.projection)", message: error.description)]
        } catch let error as LedgerError where error.isDiskFull {
            // A full disk: catching up writes, so the projections are checked as they stand.
        }
        let snapshot = try live.store.snapshot()
        var problems: [VerifyReport.Problem] = []
        do {
            _ = try Replay(log: log, to: snapshot.map(\.checkpoint).max() ?? 0, stops: snapshot.map(\.checkpoint), atStop: { seq, expected in
                for (index, projection) in snapshot.enumerated() where projection.checkpoint == seq && expected[index].digest != projection.digest {
                    problems.append(VerifyReport.Problem(seq: nil, check: "projection:\(projection.name)",
                                                         message: "the live \(projection.name) projection (digest \(projection.digest)) differs from a replay of the log to seq \(seq) (digest \(expected[index].digest))"))
                }
            }, progress: progress)
        } catch let error as ProjectionError {
            return [VerifyReport.Problem(seq: error.seq, check: "projection:\(error.projection)", message: "a replay fails: \(error.description)")]
        }
        return problems
    }
}
