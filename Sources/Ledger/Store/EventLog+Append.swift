import Crypto
import LMDB

extension EventLog {
    private struct AtomicAbort: Error {
        let outcomes: [LineOutcome]
    }

    /// Validates and appends a batch in one durable write transaction.
    ///
    /// Each line is checked against the ledger as it stands *including the accepted
    /// lines before it in the batch*: decision state lives in LMDB and is updated in the
    /// same transaction, and an LMDB write transaction reads its own writes. With
    /// `atomic`, one rejected line rolls back the whole batch.
    ///
    /// Synchronous on purpose: the transaction belongs to this thread and never spans
    /// an `await`. The body is re-runnable, as map growth requires.
    public func append(_ lines: [ParsedLine], mode: AppendMode, atomic: Bool = false) throws -> AppendResult {
        do {
            return try EventLog.mapped {
                try environment.write { txn in
                    let result = try appendInTransaction(lines, mode: mode, txn: txn)
                    if atomic, result.outcomes.contains(where: { if case .rejected = $0 { return true } else { return false } }) {
                        throw AtomicAbort(outcomes: result.outcomes)
                    }
                    return result
                }
            }
        } catch let abort as AtomicAbort {
            let outcomes = abort.outcomes.map { outcome -> LineOutcome in
                if case .appended = outcome { return .notAppended }
                return outcome
            }
            return AppendResult(outcomes: outcomes, head: try head())
        }
    }

    func appendInTransaction(_ lines: [ParsedLine], mode: AppendMode, txn: WriteTransaction) throws -> AppendResult {
        var head = try readHead(txn)
        let state = TransactionDecisionState(txn: txn, layout: layout)
        let validator = Validator(home: home)
        var outcomes: [LineOutcome] = []
        outcomes.reserveCapacity(lines.count)
        for line in lines {
            switch line {
            case .rejected(let rejection, _):
                outcomes.append(.rejected(rejection))
            case .submission(let submission):
                let outcome = try appendOne(submission, mode: mode, head: &head, validator: validator, state: state, txn: txn)
                outcomes.append(outcome)
            }
        }
        try txn.put(layout.meta, key: EventLog.headKey, value: head.bytes)
        return AppendResult(outcomes: outcomes, head: head)
    }

    private func appendOne(_ submission: Submission, mode: AppendMode, head: inout LedgerHead, validator: Validator,
                           state: TransactionDecisionState, txn: WriteTransaction) throws -> LineOutcome {
        var event = submission.event
        let idKey = Array(event.id.utf8)
        if let stored = try txn.get(layout.ids, key: idKey) {
            guard let seq = ByteReader.u64(stored) else { throw LedgerError.corrupt("The id index entry for \(event.id) is damaged.") }
            return try duplicateOutcome(&event, submission: submission, mode: mode, seq: seq, state: state, txn: txn)
        }

        let recorded: RecordedInstant
        switch mode {
        case .append(let clockMillis):
            recorded = RecordedInstant(millis: max(clockMillis, head.lastRecorded.millis))
        case .import(let clockMillis):
            guard let given = submission.recorded else { return .rejected(Rejection(.missingField, field: "recorded", "is required by `liaison import`")) }
            if given.millis > clockMillis + AppendMode.importSkewMillis {
                return .rejected(Rejection(.invalidValue, field: "recorded", "\(given) is in the future (the clock says \(RecordedInstant(millis: clockMillis))); an instant cannot be recorded before it happens"))
            }
            if given < head.lastRecorded {
                return .rejected(Rejection(.invalidValue, field: "recorded", "\(given) is before the store's last recorded instant \(head.lastRecorded); imported lines must be in recording order"))
            }
            recorded = given
        }

        let changes: Validator.Changes
        do {
            changes = try validator.check(&event, state: state)
        } catch let rejection as Rejection {
            return .rejected(rejection)
        }

        let seq = head.seq + 1
        let content = event.contentBytes
        let bytes = StoredEvent.encode(seq: seq, recorded: recorded, caseVersion: changes.caseVersion, content: content)
        var hasher = SHA256()
        hasher.update(data: head.hash)
        hasher.update(data: bytes)
        let hash = Array(hasher.finalize())

        if case .import = mode {
            if let given = submission.seq, given != seq {
                return .rejected(Rejection(.invalidValue, field: "seq", "is \(given) but this event would be stored at seq \(seq)"))
            }
            if let given = submission.caseVersion, given != UInt64(changes.caseVersion) || changes.caseVersion == 0 {
                return .rejected(Rejection(.invalidValue, field: "caseVersion", "is \(given) but the ledger computes \(changes.caseVersion == 0 ? "null (a claim event)" : String(changes.caseVersion))"))
            }
            if submission.caseVersionIsNull, changes.caseVersion != 0 {
                return .rejected(Rejection(.invalidValue, field: "caseVersion", "is null but the ledger computes \(changes.caseVersion)"))
            }
            if let given = submission.hash, given != hash {
                return .rejected(Rejection(.invalidValue, field: "hash", "does not match the chain: the ledger computes \(Hex.encode(hash)) at seq \(seq)"))
            }
        }

        // The append itself: log, indexes and decision state in this one transaction.
        let seqKey = ByteWriter.u64(seq)
        try txn.put(layout.events, key: seqKey, value: hash + bytes, flags: .append)
        guard try txn.put(layout.ids, key: idKey, value: seqKey, flags: .noOverwrite) else {
            throw LedgerError.corrupt("The id \(event.id) appeared in the index during its own append.")
        }
        if let caseID = event.caseID {
            var version = ByteWriter(capacity: 4)
            version.u32(changes.caseVersion)
            try txn.put(layout.caseEvents, key: StoreLayout.streamKey(caseID, seq: seq), value: version.bytes)
        }
        if let claimID = event.claimID {
            try txn.put(layout.claimEvents, key: StoreLayout.streamKey(claimID, seq: seq), value: [])
        }
        if let (caseID, record) = changes.caseRecord {
            try txn.put(layout.cases, key: Array(caseID.utf8), value: record.bytes)
        }
        if let (claimID, record) = changes.claimRecord {
            try txn.put(layout.claims, key: Array(claimID.utf8), value: record.bytes)
        }
        for ref in changes.refs {
            try txn.put(layout.caseRefs, key: ref.key, value: ref.value)
        }
        head = LedgerHead(seq: seq, hash: hash, lastRecorded: recorded)
        return .appended(seq: seq)
    }

    /// Same id: a duplicate if the content is the same, else `id-conflict`.
    /// Content is compared in its normalised stored form, so `"12.5"` and `"12.50"` EUR are the same.
    /// An imported line must also carry the stored stamps: an export that disagrees with
    /// the store is rejected, never passed off as a duplicate.
    private func duplicateOutcome(_ event: inout Event, submission: Submission, mode: AppendMode, seq: UInt64,
                                  state: TransactionDecisionState, txn: WriteTransaction) throws -> LineOutcome {
        guard let raw = try txn.get(layout.events, key: ByteWriter.u64(seq)), raw.count > 32 + StoredEvent.stampBytes else {
            throw LedgerError.corrupt("The id index points at seq \(seq), which is not in the log.")
        }
        let stored = try raw.withUnsafeBytes { try EventLog.decodeRecord($0, seq: seq) }
        if event.hasUnnormalisedAmounts {
            if let claimID = event.claimID, let record = try state.claimRecord(claimID) {
                try? event.normaliseAmounts(scale: Int(record.scale))
            }
        }
        if event.hasUnnormalisedAmounts || !event.contentBytes.elementsEqual(raw[(32 + StoredEvent.stampBytes)...]) {
            let field = EventLog.firstDifference(event, stored.event)
            return .rejected(Rejection(.idConflict, field: "id", "\(event.id) is already in the ledger (seq \(seq)) with other content (\(field) differs)"))
        }
        if case .import = mode {
            if let given = submission.seq, given != seq {
                return .rejected(Rejection(.invalidValue, field: "seq", "is \(given) but \(event.id) is stored at seq \(seq)"))
            }
            if let given = submission.recorded, given != stored.recorded {
                return .rejected(Rejection(.invalidValue, field: "recorded", "is \(given) but \(event.id) was recorded at \(stored.recorded)"))
            }
            if let given = submission.caseVersion, given != UInt64(stored.caseVersion) || stored.caseVersion == 0 {
                return .rejected(Rejection(.invalidValue, field: "caseVersion", "is \(given) but \(event.id) is stored with \(stored.caseVersion == 0 ? "null" : String(stored.caseVersion))"))
            }
            if submission.caseVersionIsNull, stored.caseVersion != 0 {
                return .rejected(Rejection(.invalidValue, field: "caseVersion", "is null but \(event.id) is stored with \(stored.caseVersion)"))
            }
            if let given = submission.hash, given != stored.hash {
                return .rejected(Rejection(.invalidValue, field: "hash", "does not match the chain: \(event.id) is stored at seq \(seq) with hash \(Hex.encode(stored.hash))"))
            }
        }
        return .duplicate(seq: seq)
    }

    /// The first field in which two events with the same id differ, for the id-conflict message.
    static func firstDifference(_ a: Event, _ b: Event) -> String {
        if a.type != b.type { return "type" }
        if a.occurred != b.occurred { return "occurred" }
        if a.actor != b.actor { return "actor" }
        if a.caseID != b.caseID { return "case" }
        if a.expectedVersion != b.expectedVersion { return "expectedVersion" }
        for (index, spec) in a.type.schema.enumerated() where a.fields[index] != b.fields[index] { return "data.\(spec.name)" }
        return "content"
    }
}

/// Decision state read through the write transaction (so it sees this batch's own writes).
struct TransactionDecisionState: DecisionState {
    let txn: WriteTransaction
    let layout: StoreLayout

    func caseRecord(_ id: String) throws -> CaseRecord? {
        try txn.withValue(layout.cases, key: Array(id.utf8)) { raw in try raw.map { try CaseRecord($0) } }
    }

    func claimRecord(_ id: String) throws -> ClaimRecord? {
        try txn.withValue(layout.claims, key: Array(id.utf8)) { raw in try raw.map { try ClaimRecord($0) } }
    }

    func ref(_ caseID: String, _ kind: UInt8, _ ref: String) throws -> [UInt8]? {
        try txn.get(layout.caseRefs, key: StoreLayout.refKey(case: caseID, kind: kind, ref: ref))
    }

    func finalDeterminations(_ caseID: String) throws -> [(state: String, from: BusinessDate, to: BusinessDate)] {
        var prefix = Array(caseID.utf8)
        prefix.append(0)
        prefix.append(Validator.RefKind.legislation)
        var found: [(state: String, from: BusinessDate, to: BusinessDate)] = []
        let cursor = try txn.cursor(layout.caseRefs)
        var entry = try cursor.seek(prefix)
        while let (key, value) = entry, key.starts(with: prefix) {
            var reader = ByteReader(value)
            let state = try reader.shortString()
            let from = BusinessDate(days: try reader.i32())
            let to = BusinessDate(days: try reader.i32())
            found.append((state, from, to))
            entry = try cursor.next()
        }
        return found
    }
}
