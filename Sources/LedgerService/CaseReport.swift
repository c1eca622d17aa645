import Ledger
import Projections

/// The JSON of `liaison case show` and `GET /v1/cases/{id}`: the case's canonical state
/// with its full history of determinations, and the seq it is known at.
public enum CaseReport {
    public static func json(_ state: CaseState, knownAt: UInt64) -> String {
        String(decoding: state.canonicalJSON(knownAt: knownAt), as: UTF8.self)
    }

    /// The JSON of `liaison case history` and `GET /v1/cases/{id}/history`:
    /// `{"case":…,"knownAt":…,"events":[…export lines…]}`.
    public static func historyJSON(caseID: String, knownAt: UInt64, events: [StoredEvent]) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("case", caseID)
        writer.field("knownAt", knownAt)
        writer.key("events")
        writer.beginArray()
        for event in events { writer.raw(event.exportJSON) }
        writer.endArray()
        writer.endObject()
        return writer.text
    }

    /// A case's events as known at `atSeq` (default the head), for its history; throws
    /// `noSuchCase` when it has none, a usage error when `atSeq` lies beyond the head.
    public static func history(_ log: EventLog, caseID: String, atSeq: UInt64?, option: String = "--at-seq") throws -> (knownAt: UInt64, events: [StoredEvent]) {
        let head = try log.head().seq
        if let atSeq, atSeq > head { throw LedgerError.usage("\(option) \(atSeq) is beyond the head of the ledger (seq \(head)).") }
        let knownAt = atSeq ?? head
        let events = try log.caseStream(caseID, atSeq: knownAt)
        guard !events.isEmpty else { throw LedgerError.noSuchCase(caseID) }
        return (knownAt, events)
    }
}
