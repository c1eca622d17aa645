/// The rules of SPEC §2 that need the ledger's state: does the case or claim exist,
/// is it open, is the version the expected one, is a reference known, is an amount
/// still open, does a final determination overlap another.
///
/// `check` reads state and returns the changes an accepted event makes; it writes
/// nothing, so a rejected line leaves no trace. The caller applies the changes in the
/// same write transaction as the append, which keeps the decision state in step with
/// the log, including for later lines of the same input.
struct Validator {
    let home: String

    struct Changes {
        var caseVersion: UInt32 = 0
        var caseRecord: (id: String, record: CaseRecord)?
        var claimRecord: (id: String, record: ClaimRecord)?
        var refs: [(key: [UInt8], value: [UInt8])] = []
    }

    enum RefKind {
        static let document = UInt8(ascii: "D")
        static let period = UInt8(ascii: "P")
        static let benefit = UInt8(ascii: "B")
        static let legislation = UInt8(ascii: "L")
    }

    func check(_ event: inout Event, state: some DecisionState) throws -> Changes {
        var changes = Changes()
        if event.type.isClaimEvent {
            if let caseID = event.caseID {
                guard let linked = try state.caseRecord(caseID) else {
                    throw Rejection(.unknownCase, field: "case", "no case \(caseID) in the ledger (a claim may only link an opened case)")
                }
                if event.occurred < linked.opened {
                    throw Rejection(.invalidValue, field: "occurred", "\(event.occurred) is before case \(caseID) was opened (\(linked.opened)); the event would sit in its history")
                }
            }
            changes.claimRecord = try checkClaim(&event, state: state)
        } else {
            try checkCase(event, state: state, changes: &changes)
        }
        return changes
    }

    // MARK: - Cases

    private func checkCase(_ event: Event, state: some DecisionState, changes: inout Changes) throws {
        let caseID = event.caseID!
        if event.type == .caseOpened {
            if let existing = try state.caseRecord(caseID) {
                throw Rejection(.caseExists, field: "case", existing.closed
                    ? "case \(caseID) already exists and is closed; reopen it with CaseReopened"
                    : "case \(caseID) already exists and is open")
            }
            if let expected = event.expectedVersion, expected != 0 {
                throw Rejection(.versionConflict, field: "expectedVersion", "is \(expected) but case \(caseID) does not exist yet (version 0)")
            }
            let counterparty = event.text("counterparty")!
            if counterparty == home { throw Rejection(.invalidValue, field: "data.counterparty", "\(counterparty) is the home state; the counterparty is a partner state") }
            let record = CaseRecord(version: 1, closed: false, opened: event.occurred,
                                    framework: event.text("framework")!, counterparty: counterparty)
            changes.caseRecord = (caseID, record)
            changes.caseVersion = 1
            return
        }
        guard var record = try state.caseRecord(caseID) else {
            throw Rejection(.unknownCase, field: "case", "no case \(caseID) in the ledger (it must be opened by CaseOpened first)")
        }
        if let expected = event.expectedVersion, expected != UInt64(record.version) {
            throw Rejection(.versionConflict, field: "expectedVersion", "is \(expected) but case \(caseID) is at version \(record.version)")
        }
        if record.closed && event.type != .caseReopened {
            throw Rejection(.caseClosed, field: "case", "case \(caseID) is closed; it accepts only CaseReopened")
        }
        if event.occurred < record.opened {
            throw Rejection(.invalidValue, field: "occurred", "\(event.occurred) is before the case was opened (\(record.opened))")
        }
        switch event.type {
        case .documentReceived, .documentSent:
            let documentID = event.text("documentId")!
            if try state.ref(caseID, RefKind.document, documentID) != nil {
                throw Rejection(.invalidValue, field: "data.documentId", "\(documentID) is already a document of case \(caseID)")
            }
            if let replyTo = event.text("replyTo"), try state.ref(caseID, RefKind.document, replyTo) == nil {
                throw Rejection(.unknownReference, field: "data.replyTo", "\(replyTo) is not a document of case \(caseID)")
            }
            changes.refs.append((StoreLayout.refKey(case: caseID, kind: RefKind.document, ref: documentID), []))
        case .legislationDetermined:
            try checkLegislation(event, record: record, state: state, changes: &changes)
        case .periodCertified:
            changes.refs.append((StoreLayout.refKey(case: caseID, kind: RefKind.period, ref: event.id), [0]))
        case .periodWithdrawn:
            let period = event.text("period")!
            guard let value = try state.ref(caseID, RefKind.period, period) else {
                throw Rejection(.unknownReference, field: "data.period", "\(period) is not a period certified in case \(caseID)")
            }
            if value.first == 1 { throw Rejection(.invalidValue, field: "data.period", "\(period) is already withdrawn") }
            changes.refs.append((StoreLayout.refKey(case: caseID, kind: RefKind.period, ref: period), [1]))
        case .benefitAwarded:
            var writer = ByteWriter(capacity: 5)
            writer.i32(event.date("from")!.days)
            writer.u8(0)
            changes.refs.append((StoreLayout.refKey(case: caseID, kind: RefKind.benefit, ref: event.id), writer.bytes))
        case .benefitEnded:
            let benefit = event.text("benefit")!
            guard let value = try state.ref(caseID, RefKind.benefit, benefit), value.count == 5 else {
                throw Rejection(.unknownReference, field: "data.benefit", "\(benefit) is not a benefit awarded in case \(caseID)")
            }
            if value[4] == 1 { throw Rejection(.invalidValue, field: "data.benefit", "\(benefit) has already ended") }
            let from = BusinessDate(days: Int32(bitPattern: UInt32(value[0]) << 24 | UInt32(value[1]) << 16 | UInt32(value[2]) << 8 | UInt32(value[3])))
            let on = event.date("on")!
            if on < from { throw Rejection(.invalidPeriod, field: "data.on", "\(on) is before the award's start \(from)") }
            var ended = value
            ended[4] = 1
            changes.refs.append((StoreLayout.refKey(case: caseID, kind: RefKind.benefit, ref: benefit), ended))
        case .caseClosed:
            record.closed = true
        case .caseReopened:
            if !record.closed { throw Rejection(.invalidValue, field: "type", "case \(caseID) is open; only a closed case can be reopened") }
            record.closed = false
        default:
            preconditionFailure("claim events are checked by checkClaim")
        }
        record.version += 1
        changes.caseVersion = record.version
        changes.caseRecord = (caseID, record)
    }

    /// Posting limit (Art 12: at most 24 months) and no overlap of final determinations
    /// for different states (Art 11: one legislation at a time).
    private func checkLegislation(_ event: Event, record: CaseRecord, state: some DecisionState, changes: inout Changes) throws {
        let article = event.text("article")!
        let from = event.date("from")!
        let to = event.date("to")
        if record.framework == "EU883" {
            // "11(3)(a)", "12", "13(1)(b)(i)": the article number, then nothing or a non-digit.
            let bytes = Array(article.utf8)
            let isTitleII = bytes.count >= 2 && bytes[0] == UInt8(ascii: "1") && (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[1])
                && (bytes.count == 2 || !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[2]))
            guard isTitleII else {
                throw Rejection(.invalidValue, field: "data.article", "\"\(article)\" is not an article of Title II of 883/2004 (11 to 16)")
            }
            let state = event.text("state")!
            if StateCode(state)?.zone != .eu {
                throw Rejection(.invalidValue, field: "data.state", "\(state) is not a state of zone EU, whose legislation EU883 can determine")
            }
            if article.hasPrefix("12") {
                guard let to else { throw Rejection(.invalidPeriod, field: "data.to", "a posting (Art 12) needs an end date") }
                // 24 months from `from` end the day before the same date 24 months later.
                let limit = from.adding(months: 24).adding(days: -1)
                if to > limit {
                    throw Rejection(.invalidPeriod, field: "data.to", "\(to) makes the posting longer than 24 months (Art 12); the latest end is \(limit)")
                }
            }
        }
        guard event.bool("provisional") == false else { return }
        let stateCode = event.text("state")!
        let end = to ?? BusinessDate(days: Int32.max)
        for existing in try state.finalDeterminations(event.caseID!) where existing.state != stateCode {
            if existing.from <= end && from <= existing.to {
                let existingTo = existing.to.days == Int32.max ? "open-ended" : "to \(existing.to)"
                throw Rejection(.overlap, field: "data.from",
                                "the final determination for \(stateCode) overlaps the final one for \(existing.state) (from \(existing.from), \(existingTo))")
            }
        }
        var writer = ByteWriter(capacity: 10)
        writer.shortString(stateCode)
        writer.i32(from.days)
        writer.i32(end.days)
        changes.refs.append((StoreLayout.refKey(case: event.caseID!, kind: RefKind.legislation, ref: event.id), writer.bytes))
    }

    // MARK: - Claims

    private func checkClaim(_ event: inout Event, state: some DecisionState) throws -> (id: String, record: ClaimRecord) {
        let claimID = event.text("claim")!
        if event.type == .claimIntroduced {
            if try state.claimRecord(claimID) != nil { throw Rejection(.claimExists, field: "data.claim", "claim \(claimID) was already introduced") }
            if let expected = event.expectedVersion, expected != 0 {
                throw Rejection(.versionConflict, field: "expectedVersion", "is \(expected) but claim \(claimID) does not exist yet (version 0)")
            }
            let creditor = event.text("creditor")!, debtor = event.text("debtor")!
            if creditor != home && debtor != home {
                throw Rejection(.notHome, field: "data.creditor", "neither creditor \(creditor) nor debtor \(debtor) is the home state \(home)")
            }
            let currency = Currency(event.text("currency")!)!
            return (claimID, ClaimRecord(creditor: creditor, debtor: debtor, currency: currency,
                                         introduced: event.occurred, amount: event.money("amount")!.minorUnits))
        }
        guard var record = try state.claimRecord(claimID) else {
            throw Rejection(.unknownClaim, field: "data.claim", "no claim \(claimID) in the ledger (it must be introduced by ClaimIntroduced first)")
        }
        if let expected = event.expectedVersion, expected != UInt64(record.version) {
            throw Rejection(.versionConflict, field: "expectedVersion", "is \(expected) but claim \(claimID) is at version \(record.version)")
        }
        if record.withdrawn { throw Rejection(.invalidValue, field: "data.claim", "claim \(claimID) was withdrawn; it accepts no more events") }
        if event.occurred < record.introduced {
            throw Rejection(.invalidValue, field: "occurred", "\(event.occurred) is before the claim was introduced (\(record.introduced))")
        }
        if event.type == .paymentRecorded, let currency = event.text("currency"), currency != record.currency {
            throw Rejection(.currencyMismatch, field: "data.currency", "\(currency) is not the claim's currency \(record.currency)")
        }
        try event.normaliseAmounts(scale: Int(record.scale))
        let money = { (units: Int64) in Money(minorUnits: units, scale: Int(record.scale)).formatted + " " + record.currency }
        let outstanding = record.outstanding
        let undisputed = outstanding - record.contested
        switch event.type {
        case .claimContested:
            let amount = event.money("amount")!.minorUnits
            if amount > undisputed {
                throw Rejection(.amountExceeds, field: "data.amount", "\(money(amount)) exceeds the outstanding amount not already contested (\(money(max(undisputed, 0))))")
            }
            record.contested += amount
        case .contestationResolved:
            let upheld = event.money("upheld")!.minorUnits, rejected = event.money("rejected")!.minorUnits
            if upheld + rejected > record.contested {
                throw Rejection(.amountExceeds, field: "data.upheld", "upheld + rejected (\(money(upheld + rejected))) exceeds the open contested amount (\(money(record.contested)))")
            }
            if upheld > outstanding {
                throw Rejection(.amountExceeds, field: "data.upheld", "\(money(upheld)) exceeds the outstanding amount (\(money(outstanding)))")
            }
            record.contested -= upheld + rejected
            record.upheld += upheld
        case .creditNoteIssued:
            let amount = event.money("amount")!.minorUnits
            if amount > undisputed {
                throw Rejection(.amountExceeds, field: "data.amount", "\(money(amount)) exceeds the undisputed outstanding amount (\(money(max(undisputed, 0))))")
            }
            record.credited += amount
        case .paymentRecorded:
            let amount = event.money("amount")!.minorUnits
            if amount > outstanding {
                throw Rejection(.amountExceeds, field: "data.amount", "\(money(amount)) exceeds the outstanding amount (\(money(outstanding)))")
            }
            record.paid += amount
            // Nothing can stay contested beyond what is still owed.
            record.contested = min(record.contested, record.outstanding)
        case .claimWithdrawn:
            if outstanding <= 0 { throw Rejection(.invalidValue, field: "data.claim", "claim \(claimID) has nothing outstanding to withdraw") }
            record.withdrawn = true
        default:
            preconditionFailure("case events are checked by checkCase")
        }
        record.version += 1
        return (claimID, record)
    }
}

/// Read access to the decision state, inside the write transaction.
protocol DecisionState {
    func caseRecord(_ id: String) throws -> CaseRecord?
    func claimRecord(_ id: String) throws -> ClaimRecord?
    func ref(_ caseID: String, _ kind: UInt8, _ ref: String) throws -> [UInt8]?
    func finalDeterminations(_ caseID: String) throws -> [(state: String, from: BusinessDate, to: BusinessDate)]
}
