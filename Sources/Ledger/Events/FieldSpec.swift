/// What one `data` field of an event type accepts.
public struct FieldSpec: Sendable {
    public let name: String
    public let kind: FieldKind
    public let required: Bool
    /// Filled in when the field is absent, so that an omitted default and the same
    /// value spelled out store (and hash, and compare as duplicates) identically.
    public let defaultValue: FieldValue?

    init(_ name: String, _ kind: FieldKind, required: Bool = true, defaultValue: FieldValue? = nil) {
        self.name = name
        self.kind = kind
        self.required = required && defaultValue == nil
        self.defaultValue = defaultValue
    }
}

public enum FieldKind: Sendable {
    /// 1…max printable Unicode scalars (no control characters).
    case text(maxScalars: Int)
    /// 1…max of `[A-Za-z0-9._:/-]`: ids and references.
    case identifier(maxScalars: Int)
    /// A document code: 1-12 of `[A-Z0-9_]`.
    case documentCode
    /// A pseudonymous person reference: 1-64 of `[A-Za-z0-9-]`.
    case person
    case state
    case currency
    /// A decimal string; made into minor units once the currency is known.
    case amount(allowZero: Bool)
    case date
    case bool
    case choice([String])
    /// `EU883`, `bilateral:XX` or `decree:PF|NC|PM`.
    case framework
    /// `YYYY-H1`, `YYYY-H2` (actual basis) or `YYYY` (fixed basis).
    case claimPeriod
    /// `YYYY-MM`.
    case yearMonth
}

/// A field's value once parsed. Amounts arrive as `.decimal` (their text) and are
/// normalised to `.money` against the currency before anything is stored.
public enum FieldValue: Sendable, Equatable {
    case text(String)
    case bool(Bool)
    case date(BusinessDate)
    case decimal(String)
    case money(Money)
}
