/// The event catalogue, schema version 1 (SPEC §2).
///
/// The raw value is the type's code in the stored encoding: never renumber a case.
public enum EventType: UInt8, Sendable, CaseIterable, Comparable {
    case caseOpened = 1
    case documentReceived = 2
    case documentSent = 3
    case legislationDetermined = 4
    case periodCertified = 5
    case periodWithdrawn = 6
    case benefitAwarded = 7
    case benefitEnded = 8
    case caseClosed = 9
    case caseReopened = 10
    case claimIntroduced = 20
    case claimContested = 21
    case contestationResolved = 22
    case creditNoteIssued = 23
    case paymentRecorded = 24
    case claimWithdrawn = 25

    public static func < (lhs: EventType, rhs: EventType) -> Bool { lhs.rawValue < rhs.rawValue }

    public var name: String {
        switch self {
        case .caseOpened: return "CaseOpened"
        case .documentReceived: return "DocumentReceived"
        case .documentSent: return "DocumentSent"
        case .legislationDetermined: return "LegislationDetermined"
        case .periodCertified: return "PeriodCertified"
        case .periodWithdrawn: return "PeriodWithdrawn"
        case .benefitAwarded: return "BenefitAwarded"
        case .benefitEnded: return "BenefitEnded"
        case .caseClosed: return "CaseClosed"
        case .caseReopened: return "CaseReopened"
        case .claimIntroduced: return "ClaimIntroduced"
        case .claimContested: return "ClaimContested"
        case .contestationResolved: return "ContestationResolved"
        case .creditNoteIssued: return "CreditNoteIssued"
        case .paymentRecorded: return "PaymentRecorded"
        case .claimWithdrawn: return "ClaimWithdrawn"
        }
    }

    public init?(name: String) {
        guard let match = EventType.allCases.first(where: { $0.name == name }) else { return nil }
        self = match
    }

    /// Claim events move a reimbursement claim; every other event belongs to a case.
    public var isClaimEvent: Bool { rawValue >= 20 }

    public var schema: [FieldSpec] { EventType.schemas[Int(rawValue)] }

    public func fieldIndex(_ name: String) -> Int? { schema.firstIndex(where: { $0.name == name }) }

    private static let reasonText = FieldKind.text(maxScalars: 512)

    // Indexed by raw value so the hot path finds a schema without hashing.
    private static let schemas: [[FieldSpec]] = {
        var table = [[FieldSpec]](repeating: [], count: 26)
        let state = FieldKind.state, date = FieldKind.date
        let ref = FieldKind.identifier(maxScalars: 128)
        table[1] = [
            .init("framework", .framework), .init("sector", .choice(["legislation", "sickness", "pension", "unemployment", "family", "accident", "recovery", "horizontal"])),
            .init("counterparty", state), .init("person", .person), .init("buc", .text(maxScalars: 64), required: false),
        ]
        let institution = FieldKind.text(maxScalars: 128)
        table[2] = [
            .init("document", .documentCode), .init("documentId", ref), .init("from", state),
            .init("institution", institution), .init("replyTo", ref, required: false),
        ]
        table[3] = [
            .init("document", .documentCode), .init("documentId", ref), .init("to", state),
            .init("institution", institution), .init("replyTo", ref, required: false),
        ]
        table[4] = [
            .init("state", state), .init("article", .text(maxScalars: 32)), .init("from", date),
            .init("to", date, required: false), .init("provisional", .bool),
        ]
        table[5] = [
            .init("state", state), .init("kind", .choice(["employment", "self-employment", "insurance", "residence"])),
            .init("from", date), .init("to", date),
            .init("compulsory", .bool, defaultValue: .bool(true)), .init("equivalent", .bool, defaultValue: .bool(false)),
        ]
        table[6] = [.init("period", ref), .init("reason", reasonText)]
        table[7] = [
            .init("benefit", .choice(["pension", "sickness-in-kind", "sickness-cash", "unemployment", "family", "accident", "planned-treatment"])),
            .init("state", state), .init("from", date), .init("to", date, required: false),
            .init("amount", .amount(allowZero: false), required: false), .init("currency", .currency, required: false),
            .init("frequency", .choice(["once", "monthly", "quarterly", "yearly"]), required: false),
        ]
        table[8] = [.init("benefit", ref), .init("on", date), .init("reason", reasonText)]
        table[9] = [.init("reason", reasonText)]
        table[10] = [.init("reason", reasonText)]
        let positive = FieldKind.amount(allowZero: false)
        table[20] = [
            .init("claim", ref), .init("creditor", state), .init("debtor", state),
            .init("basis", .choice(["actual", "fixed"])),
            .init("category", .choice(["urgent", "planned", "residence", "accident", "unemployment", "admin"])),
            .init("period", .claimPeriod), .init("amount", positive), .init("currency", .currency),
            .init("fees", positive, required: false), .init("costsPublished", .yearMonth, required: false),
        ]
        table[21] = [.init("claim", ref), .init("amount", positive), .init("reason", reasonText)]
        table[22] = [.init("claim", ref), .init("upheld", .amount(allowZero: true)), .init("rejected", .amount(allowZero: true))]
        table[23] = [.init("claim", ref), .init("amount", positive), .init("reason", reasonText)]
        table[24] = [.init("claim", ref), .init("amount", positive), .init("currency", .currency), .init("kind", .choice(["advance", "payment"]))]
        table[25] = [.init("claim", ref), .init("reason", .choice(["withdrawn", "waived"]))]
        return table
    }()
}
