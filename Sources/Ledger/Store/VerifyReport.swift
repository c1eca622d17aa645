/// What `liaison verify` found: the events read, the head, and the problems (empty when ok).
public struct VerifyReport: Sendable {
    public struct Problem: Sendable, Equatable {
        /// The first bad seq this problem names, when it is about one event.
        public let seq: UInt64?
        /// `chain`, `encoding`, `sequence`, `validation`, `anchor`, `head` or `index:NAME`.
        public let check: String
        public let message: String

        public init(seq: UInt64?, check: String, message: String) {
            self.seq = seq
            self.check = check
            self.message = message
        }
    }

    public let events: UInt64
    public let head: LedgerHead
    public let problems: [Problem]
    public var ok: Bool { problems.isEmpty }

    public init(events: UInt64, head: LedgerHead, problems: [Problem]) {
        self.events = events
        self.head = head
        self.problems = problems
    }

    /// The first bad seq over all problems, the figure an auditor starts from.
    public var firstBadSeq: UInt64? { problems.compactMap(\.seq).min() }

    public var json: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("ok", ok)
        writer.field("events", events)
        writer.key("head")
        writer.beginObject()
        writer.field("seq", head.seq)
        writer.field("hash", head.hashHex)
        writer.endObject()
        if let firstBadSeq { writer.field("firstBadSeq", firstBadSeq) }
        writer.key("problems")
        writer.beginArray()
        for problem in problems {
            writer.beginObject()
            writer.key("seq")
            if let seq = problem.seq { writer.int(seq) } else { writer.null() }
            writer.field("check", problem.check)
            writer.field("message", problem.message)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.text
    }
}
