import Ledger

/// The `cases` projection's fold: a pure function of the case's previous state and one
/// event of its stream (its own events, and claim events that link it).
public enum CaseFold {
    public typealias Failure = FoldFailure

    public static func apply(_ state: CaseState?, _ stored: StoredEvent) throws -> CaseState {
        let event = stored.event
        guard let caseID = event.caseID else { throw Failure(description: "\(event.type.name) has no case") }
        if event.type == .caseOpened {
            guard state == nil else { throw Failure(description: "case \(caseID) is opened twice") }
            return CaseState(caseID: caseID, closed: false, framework: event.text("framework")!, sector: event.text("sector")!,
                             counterparty: event.text("counterparty")!, person: event.text("person")!, buc: event.text("buc"),
                             version: stored.caseVersion, opened: event.occurred, closedOn: nil, lastSeq: stored.seq,
                             determinations: [], periods: [], documents: [], benefits: [], claims: [])
        }
        guard var state else { throw Failure(description: "\(event.type.name) for case \(caseID), which was never opened") }
        state.lastSeq = stored.seq
        if event.type.isClaimEvent {
            if let claim = event.claimID, !state.claims.contains(claim) { state.claims.append(claim) }
            return state
        }
        state.version = stored.caseVersion
        switch event.type {
        case .documentReceived, .documentSent:
            let incoming = event.type == .documentReceived
            let document = CaseState.Document(
                documentId: event.text("documentId")!, document: event.text("document")!, direction: incoming ? "in" : "out",
                state: event.text(incoming ? "from" : "to")!, institution: event.text("institution")!,
                replyTo: event.text("replyTo"), occurred: event.occurred, seq: stored.seq, replies: [])
            if let replyTo = document.replyTo, let index = state.documents.firstIndex(where: { $0.documentId == replyTo }) {
                state.documents[index].replies.append(document.documentId)
            }
            state.documents.append(document)
        case .legislationDetermined:
            state.determinations.append(.init(id: event.id, seq: stored.seq, state: event.text("state")!, article: event.text("article")!,
                                              from: event.date("from")!, to: event.date("to"), provisional: event.bool("provisional")!))
        case .periodCertified:
            state.periods.append(.init(id: event.id, seq: stored.seq, state: event.text("state")!, kind: event.text("kind")!,
                                       from: event.date("from")!, to: event.date("to")!, compulsory: event.bool("compulsory")!,
                                       equivalent: event.bool("equivalent")!, withdrawn: false, withdrawnReason: nil))
        case .periodWithdrawn:
            guard let index = state.periods.firstIndex(where: { $0.id == event.text("period")! }) else {
                throw Failure(description: "period \(event.text("period")!) is not in case \(caseID)")
            }
            state.periods[index].withdrawn = true
            state.periods[index].withdrawnReason = event.text("reason")
        case .benefitAwarded:
            state.benefits.append(.init(id: event.id, benefit: event.text("benefit")!, state: event.text("state")!, from: event.date("from")!,
                                        to: event.date("to"), amount: event.money("amount"), currency: event.text("currency"),
                                        frequency: event.text("frequency"), endedOn: nil, endReason: nil))
        case .benefitEnded:
            guard let index = state.benefits.firstIndex(where: { $0.id == event.text("benefit")! }) else {
                throw Failure(description: "benefit \(event.text("benefit")!) is not in case \(caseID)")
            }
            state.benefits[index].endedOn = event.date("on")
            state.benefits[index].endReason = event.text("reason")
        case .caseClosed:
            state.closed = true
            state.closedOn = event.occurred
        case .caseReopened:
            state.closed = false
            state.closedOn = nil
        default:
            throw Failure(description: "\(event.type.name) is not a case event")
        }
        return state
    }
}
