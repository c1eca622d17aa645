/// Why a submitted line was not appended: the error codes of SPEC §3, stable strings
/// that connectors switch on.
public enum RejectCode: String, Sendable, CaseIterable, Comparable {
    case malformedJSON = "malformed-json"
    case tooLarge = "too-large"
    case missingField = "missing-field"
    case unknownField = "unknown-field"
    case unknownType = "unknown-type"
    case invalidValue = "invalid-value"
    case unknownCase = "unknown-case"
    case caseExists = "case-exists"
    case caseClosed = "case-closed"
    case versionConflict = "version-conflict"
    case idConflict = "id-conflict"
    case unknownClaim = "unknown-claim"
    case claimExists = "claim-exists"
    case notHome = "not-home"
    case amountExceeds = "amount-exceeds"
    case currencyMismatch = "currency-mismatch"
    case invalidPeriod = "invalid-period"
    case overlap = "overlap"
    case unknownReference = "unknown-reference"
    /// Given by `liaison serve`, never by the ledger itself: a connector sent an event whose
    /// `actor` is not `connector:` followed by its own name.
    case forbiddenActor = "forbidden-actor"

    public static func < (lhs: RejectCode, rhs: RejectCode) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A rejected line's answer: the code, the field at fault (dotted path such as
/// `data.amount`), and a sentence that says what was wrong.
public struct Rejection: Error, Sendable, Equatable {
    public let code: RejectCode
    public let field: String?
    public let message: String

    public init(_ code: RejectCode, field: String?, _ message: String) {
        self.code = code
        self.field = field
        // The field leads the message so a reader sees at once where to look.
        self.message = field.map { "\($0): \(message)" } ?? message
    }
}
