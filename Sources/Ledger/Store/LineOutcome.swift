/// What became of one submitted line.
public enum LineOutcome: Sendable, Equatable {
    case appended(seq: UInt64)
    /// The id was already in the ledger with the same content: not appended, not an error.
    case duplicate(seq: UInt64)
    case rejected(Rejection)
    /// Valid, but not appended because `--atomic` refused the whole input.
    case notAppended
}

/// The outcomes of one batch, in input order, and the head after it.
public struct AppendResult: Sendable {
    public let outcomes: [LineOutcome]
    public let head: LedgerHead

    public init(outcomes: [LineOutcome], head: LedgerHead) {
        self.outcomes = outcomes
        self.head = head
    }
}

public enum AppendMode: Sendable {
    /// Stamp `recorded` from the clock, never earlier than the last recorded instant.
    case append(clockMillis: Int64)
    /// Keep each line's `recorded` (never later than `clockMillis` plus a minute of
    /// clock skew); check its `seq`, `caseVersion` and `hash` if present.
    case `import`(clockMillis: Int64)

    /// Import without the future check: re-validating instants the store already holds (verify).
    public static let importStored = AppendMode.import(clockMillis: Int64.max / 2)

    /// Tolerated clock skew for imported instants.
    public static let importSkewMillis: Int64 = 60_000
}
