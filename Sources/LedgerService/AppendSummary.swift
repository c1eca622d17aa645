import Ledger

/// The counts of one append or import run and its one-line JSON summary (SPEC §3):
/// `{"appended":…,"duplicates":…,"rejected":…,"firstSeq":…,"lastSeq":…,"head":"…"}`.
/// The CLI and `POST /v1/events` both build it, so both say exactly the same thing.
public struct AppendSummary: Sendable, Equatable {
    public var linesRead = 0
    public var appended = 0
    public var duplicates = 0
    public var rejected = 0
    public var firstSeq: UInt64?
    public var lastSeq: UInt64?

    public init() {}

    /// Counts one line's outcome; returns its rejection, if it was rejected, for the report.
    @discardableResult
    public mutating func count(_ outcome: LineOutcome) -> Rejection? {
        switch outcome {
        case .appended(let seq):
            appended += 1
            if firstSeq == nil { firstSeq = seq }
            lastSeq = seq
        case .duplicate:
            duplicates += 1
        case .notAppended:
            break
        case .rejected(let rejection):
            rejected += 1
            return rejection
        }
        return nil
    }

    public func json(head: LedgerHead) -> String {
        var writer = JSONWriter()
        write(to: &writer, head: head)
        return writer.text
    }

    /// Writes the summary object; `extra` adds members after `head` (the server's `rejections`).
    public func write(to writer: inout JSONWriter, head: LedgerHead, extra: ((inout JSONWriter) -> Void)? = nil) {
        writer.beginObject()
        writer.field("appended", appended)
        writer.field("duplicates", duplicates)
        writer.field("rejected", rejected)
        writer.key("firstSeq")
        if let firstSeq { writer.int(firstSeq) } else { writer.null() }
        writer.key("lastSeq")
        if let lastSeq { writer.int(lastSeq) } else { writer.null() }
        writer.field("head", head.hashHex)
        extra?(&writer)
        writer.endObject()
    }
}
