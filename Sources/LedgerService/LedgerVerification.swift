import Dispatch
import Ledger
import LedgerRuntime

/// `liaison verify` and `GET /v1/verify`: the chain, every event, every index, every
/// anchor, then (when all that holds) the live projections against a replay.
public enum LedgerVerification {
    public static func run(_ log: EventLog, anchors: [(seq: UInt64, hash: [UInt8])],
                           progress: (@Sendable (String, UInt64, UInt64) -> Void)? = nil) async throws -> VerifyReport {
        // The chain, validation and index checks read the whole log synchronously: on a
        // dispatch queue, so a server's cooperative threads stay free for its requests.
        let report: VerifyReport = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try log.verify(anchors: anchors) { done, total in progress?("verify", done, total) } })
            }
        }
        guard report.ok else { return report }
        let problems = try await ProjectionCheck.run(log: log) { done, total in progress?("replay", done, total) }
        return VerifyReport(events: report.events, head: report.head, problems: problems)
    }

    /// Parses `SEQ:HEX` anchors; nil for the first one that is not a seq and a 64-digit hash.
    public static func anchor(_ text: String) -> (seq: UInt64, hash: [UInt8])? {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let seq = UInt64(parts[0]), seq > 0, let hash = Hex.decode(parts[1].lowercased()), hash.count == 32 else { return nil }
        return (seq, hash)
    }
}
