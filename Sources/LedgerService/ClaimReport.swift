import Ledger
import Projections

/// What `liaison claim show` and `GET /v1/claims/{id}` say about one claim.
public enum ClaimReport {
    /// The claim's figures at a business date as known at a seq. A time-barred claim is
    /// never overdue (Art 67(1), 67(4): it is not considered).
    public static func figures(_ state: ClaimState, asOf: BusinessDate, knownAt: UInt64) -> ClaimState.Figures? {
        var figures = state.figures(asOf: asOf, knownAt: knownAt)
        if state.timeBarred { figures?.overdue = 0 }
        return figures
    }

    public static func status(_ state: ClaimState, _ figures: ClaimState.Figures?) -> String {
        guard let figures else { return "not yet introduced" }
        if figures.withdrawn { return "withdrawn" }
        // Art 67(1), 67(4): a late claim is not considered; it is never open, never overdue.
        if state.timeBarred { return "time-barred" }
        return figures.outstanding == 0 ? "settled" : "open"
    }

    public static func json(_ state: ClaimState, figures: ClaimState.Figures?, asOf: BusinessDate, knownAt: UInt64) -> String {
        let money = { (units: Int64) in Money(minorUnits: units, scale: state.scale).formatted }
        var object = CanonicalObject()
        object.set("claim", object: CanonicalObject(raw: state.canonicalJSON))
        object.set("asOf", asOf)
        object.set("knownAt", knownAt)
        object.set("status", status(state, figures))
        object.set("outstanding", money(figures?.outstanding ?? 0))
        object.set("contested", money(figures?.contested ?? 0))
        object.set("credited", money(figures?.credited ?? 0))
        object.set("upheld", money(figures?.upheld ?? 0))
        object.set("paid", money(figures?.paid ?? 0))
        object.set("cancelled", money(figures?.cancelled ?? 0))
        object.set("overdue", money(figures?.overdue ?? 0))
        object.set("isOverdue", (figures?.overdue ?? 0) > 0)
        object.set("dueDate", state.dueDate)
        object.set("timeBarred", state.timeBarred)
        return String(decoding: object.bytes, as: UTF8.self)
    }
}
