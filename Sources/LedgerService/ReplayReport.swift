import Ledger
import LedgerRuntime

/// `liaison replay` and `GET /v1/replay`: rebuild every projection from the log alone up
/// to a seq, and their digests: `{"seq":N,"digests":{"cases":…,"claims":…,"audit":…}}`.
public enum ReplayReport {
    public static func run(_ log: EventLog, to limit: UInt64?, option: String = "--to",
                           progress: ((UInt64, UInt64) -> Void)? = nil) throws -> (replay: Replay, digests: [(name: String, digest: String)]) {
        let head = try log.head().seq
        if let limit, limit > head { throw LedgerError.usage("\(option) \(limit) is beyond the head of the ledger (seq \(head)).") }
        let replay: Replay
        do {
            replay = try Replay(log: log, to: limit, progress: progress)
        } catch let error as ProjectionError {
            throw LedgerError.corrupt(error.description)
        }
        return (replay, try replay.digests())
    }

    public static func json(seq: UInt64, digests: [(name: String, digest: String)]) -> String {
        Replay.summaryJSON(seq: seq, digests: digests)
    }
}
