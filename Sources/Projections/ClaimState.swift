import Ledger

/// One reimbursement claim as the `claims` projection holds it: its terms, the Art 67
/// dates, and every movement with its business date and seq, so that the figures can
/// be computed at any business date *and* as the ledger knew them at any seq.
public struct ClaimState: Sendable, Equatable {
    public struct Movement: Sendable, Equatable {
        public var seq: UInt64
        public var id: String
        public var type: EventType
        public var occurred: BusinessDate
        /// The amount moved (contested, credited, paid; for a resolution, the upheld part).
        public var amount: Int64
        /// For a resolution, the rejected part (back to undisputed).
        public var rejected: Int64
        /// Payment kind (`advance`, `payment`) or withdrawal reason (`withdrawn`, `waived`).
        public var kind: String?
    }

    public var claim: String
    public var creditor: String
    public var debtor: String
    public var basis: String
    public var category: String
    public var period: String
    public var currency: String
    public var scale: Int
    public var amount: Int64
    public var fees: Int64?
    public var costsPublished: String?
    public var caseID: String?
    public var introduced: BusinessDate
    public var introducedSeq: UInt64
    public var dueDate: BusinessDate
    public var introductionDeadline: BusinessDate?
    public var timeBarred: Bool
    public var movements: [Movement]

    /// The claim's figures at a business date, as known at a seq (nil when not yet known or introduced).
    public struct Figures: Sendable, Equatable {
        public var outstanding: Int64
        public var contested: Int64
        public var credited: Int64
        public var upheld: Int64
        public var paid: Int64
        public var cancelled: Int64
        public var withdrawn: Bool
        public var overdue: Int64
    }

    public func figures(asOf date: BusinessDate, knownAt seq: UInt64 = .max) -> Figures? {
        guard introducedSeq <= seq, introduced <= date else { return nil }
        var figures = Figures(outstanding: amount, contested: 0, credited: 0, upheld: 0, paid: 0, cancelled: 0, withdrawn: false, overdue: 0)
        // Movements in seq order: the order in which the ledger validated them.
        for movement in movements where movement.seq <= seq && movement.occurred <= date {
            switch movement.type {
            case .claimContested: figures.contested += movement.amount
            case .contestationResolved:
                figures.contested -= movement.amount + movement.rejected
                figures.upheld += movement.amount
                figures.outstanding -= movement.amount
            case .creditNoteIssued:
                figures.credited += movement.amount
                figures.outstanding -= movement.amount
            case .paymentRecorded:
                figures.paid += movement.amount
                figures.outstanding -= movement.amount
                // As validation does: nothing stays contested beyond what is still owed.
                figures.contested = min(figures.contested, max(figures.outstanding, 0))
            case .claimWithdrawn:
                figures.withdrawn = true
                figures.cancelled = figures.outstanding
                figures.outstanding = 0
                figures.contested = 0
            default:
                break
            }
        }
        figures.outstanding = max(figures.outstanding, 0)
        figures.contested = max(min(figures.contested, figures.outstanding), 0)
        figures.overdue = date > dueDate ? figures.outstanding : 0
        return figures
    }

    func money(_ units: Int64) -> String { Money(minorUnits: units, scale: scale).formatted }
}
