/// One event as submitted and as stored, minus what the ledger stamps on it
/// (seq, recorded, caseVersion, hash: see `StoredEvent`).
public struct Event: Sendable, Equatable {
    public let type: EventType
    public let id: String
    public let occurred: BusinessDate
    public let actor: String
    public let caseID: String?
    public let expectedVersion: UInt64?
    /// Aligned with `type.schema`: `fields[i]` is the value of `type.schema[i]`, nil when absent.
    public internal(set) var fields: [FieldValue?]

    public init(type: EventType, id: String, occurred: BusinessDate, actor: String, caseID: String?,
                expectedVersion: UInt64?, fields: [FieldValue?]) {
        precondition(fields.count == type.schema.count, "fields must align with the schema of \(type.name)")
        self.type = type
        self.id = id
        self.occurred = occurred
        self.actor = actor
        self.caseID = caseID
        self.expectedVersion = expectedVersion
        self.fields = fields
    }

    public func value(_ name: String) -> FieldValue? {
        guard let index = type.fieldIndex(name) else { return nil }
        return fields[index]
    }

    public func text(_ name: String) -> String? {
        if case .text(let value)? = value(name) { return value }
        return nil
    }

    public func date(_ name: String) -> BusinessDate? {
        if case .date(let value)? = value(name) { return value }
        return nil
    }

    public func bool(_ name: String) -> Bool? {
        if case .bool(let value)? = value(name) { return value }
        return nil
    }

    public func money(_ name: String) -> Money? {
        if case .money(let value)? = value(name) { return value }
        return nil
    }

    /// The claim a claim event moves (`data.claim`).
    public var claimID: String? { type.isClaimEvent ? text("claim") : nil }

    /// Turns every `.decimal` amount into `.money` at the currency's scale.
    /// Fails with the field at fault when an amount has too many decimals or is out of range.
    public mutating func normaliseAmounts(scale: Int) throws(Rejection) {
        for (index, spec) in type.schema.enumerated() {
            guard case .decimal(let text)? = fields[index], case .amount(let allowZero) = spec.kind else { continue }
            switch Money.parse(text, scale: scale, allowZero: allowZero) {
            case .success(let money): fields[index] = .money(money)
            case .failure(let error): throw Rejection(.invalidValue, field: "data.\(spec.name)", "\"\(text)\" \(error.reason)")
            }
        }
    }

    public var hasUnnormalisedAmounts: Bool {
        fields.contains { if case .decimal? = $0 { return true } else { return false } }
    }
}

/// An event as the log holds it: the submitted event plus what the ledger stamped.
public struct StoredEvent: Sendable, Equatable {
    public let seq: UInt64
    public let recorded: RecordedInstant
    /// The case's version after this event; 0 for claim events, which do not move a case's version.
    public let caseVersion: UInt32
    public let event: Event
    /// hash(n) = SHA-256(hash(n-1) ‖ bytes(n)).
    public let hash: [UInt8]
}
