/// A line as received: the event, plus the stamps that only `liaison import` may carry
/// (and that are checked against what the store computes, never trusted).
public struct Submission: Sendable {
    public let event: Event
    public let recorded: RecordedInstant?
    public let seq: UInt64?
    public let caseVersion: UInt64?
    /// `caseVersion` was written as JSON null (a claim event in an export).
    public let caseVersionIsNull: Bool
    public let hash: [UInt8]?

    public init(event: Event, recorded: RecordedInstant? = nil, seq: UInt64? = nil, caseVersion: UInt64? = nil,
                caseVersionIsNull: Bool = false, hash: [UInt8]? = nil) {
        self.event = event
        self.recorded = recorded
        self.seq = seq
        self.caseVersion = caseVersion
        self.caseVersionIsNull = caseVersionIsNull
        self.hash = hash
    }
}

/// The outcome of parsing one input line: a submission or the reason it was refused.
public enum ParsedLine: Sendable {
    case submission(Submission)
    /// `id` is the line's id when it could be read, for the rejection report.
    case rejected(Rejection, id: String?)
}
