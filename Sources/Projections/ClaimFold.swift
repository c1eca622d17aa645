import Ledger

/// The `claims` projection's fold: a pure function of the claim's previous state and
/// one event. No clock, no I/O, no hashed-collection order.
public enum ClaimFold {
    public typealias Failure = FoldFailure

    public static func apply(_ state: ClaimState?, _ stored: StoredEvent) throws -> ClaimState {
        let event = stored.event
        guard let claimID = event.claimID else { throw Failure(description: "\(event.type.name) is not a claim event") }
        if event.type == .claimIntroduced {
            guard state == nil else { throw Failure(description: "claim \(claimID) is introduced twice") }
            let amount = event.money("amount")!
            let basis = event.text("basis")!, period = event.text("period")!, costsPublished = event.text("costsPublished")
            let deadline = ClaimRules.introductionDeadline(basis: basis, period: period, costsPublished: costsPublished)
            return ClaimState(
                claim: claimID, creditor: event.text("creditor")!, debtor: event.text("debtor")!, basis: basis,
                category: event.text("category")!, period: period, currency: event.text("currency")!, scale: amount.scale,
                amount: amount.minorUnits, fees: event.money("fees")?.minorUnits, costsPublished: costsPublished,
                caseID: event.caseID, introduced: event.occurred, introducedSeq: stored.seq,
                dueDate: ClaimRules.dueDate(introduced: event.occurred), introductionDeadline: deadline,
                timeBarred: ClaimRules.isTimeBarred(introduced: event.occurred, deadline: deadline), movements: [])
        }
        guard var state else { throw Failure(description: "\(event.type.name) moves claim \(claimID), which was never introduced") }
        var movement = ClaimState.Movement(seq: stored.seq, id: event.id, type: event.type, occurred: event.occurred, amount: 0, rejected: 0, kind: nil)
        switch event.type {
        case .claimContested, .creditNoteIssued:
            movement.amount = event.money("amount")!.minorUnits
        case .paymentRecorded:
            movement.amount = event.money("amount")!.minorUnits
            movement.kind = event.text("kind")
        case .contestationResolved:
            movement.amount = event.money("upheld")!.minorUnits
            movement.rejected = event.money("rejected")!.minorUnits
        case .claimWithdrawn:
            // What the withdrawal cancels: everything outstanding at that point of the log.
            movement.amount = state.figures(asOf: BusinessDate(days: Int32.max), knownAt: stored.seq)?.outstanding ?? 0
            movement.kind = event.text("reason")
        default:
            throw Failure(description: "\(event.type.name) is not a claim movement")
        }
        state.movements.append(movement)
        return state
    }
}
