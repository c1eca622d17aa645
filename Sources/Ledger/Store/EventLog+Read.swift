import LMDB

extension EventLog {
    /// Calls `body` for each stored event with `from <= seq <= to`, in seq order, inside
    /// one read transaction (one consistent snapshot). `body` must not block or await:
    /// it runs while the snapshot is held. Return false from `body` to stop early.
    public func forEachEvent(from: UInt64 = 1, to: UInt64 = .max, _ body: (StoredEvent) throws -> Bool) throws {
        try EventLog.mapped {
            try environment.read { txn in try forEachEvent(in: txn, from: from, to: to, body) }
        }
    }

    /// The same inside a transaction the caller holds (a projection's catch-up reads the
    /// events it folds in the transaction that commits the result).
    public func forEachEvent(in txn: some Transaction, from: UInt64 = 1, to: UInt64 = .max, _ body: (StoredEvent) throws -> Bool) throws {
        let cursor = try txn.cursor(layout.events)
        var entry = try cursor.seek(ByteWriter.u64(max(from, 1)))
        while let (key, value) = entry {
            guard let seq = ByteReader.u64(key), seq <= to else { break }
            let event = try EventLog.decodeRecord(value, seq: seq)
            if try !body(event) { break }
            entry = try cursor.next()
        }
    }

    /// The event at `seq`, or nil.
    public func event(at seq: UInt64) throws -> StoredEvent? {
        try EventLog.mapped {
            try environment.read { txn in try storedEvent(seq, txn) }
        }
    }

    /// The seqs of a case's stream (its case events and linked claim events), in order, up to `atSeq`.
    public func caseStream(_ caseID: String, atSeq: UInt64 = .max) throws -> [StoredEvent] {
        try stream(layout.caseEvents, id: caseID, atSeq: atSeq)
    }

    public func claimStream(_ claimID: String, atSeq: UInt64 = .max) throws -> [StoredEvent] {
        try stream(layout.claimEvents, id: claimID, atSeq: atSeq)
    }

    private func stream(_ db: Database, id: String, atSeq: UInt64) throws -> [StoredEvent] {
        try EventLog.mapped {
            try environment.read { txn in
                var prefix = Array(id.utf8)
                prefix.append(0)
                var seqs: [UInt64] = []
                let cursor = try txn.cursor(db)
                var entry = try cursor.seek(prefix)
                while let (key, _) = entry, key.count == prefix.count + 8, key.starts(with: prefix) {
                    guard let seq = ByteReader.u64(UnsafeRawBufferPointer(rebasing: key[prefix.count...])), seq <= atSeq else { break }
                    seqs.append(seq)
                    entry = try cursor.next()
                }
                return try seqs.map { seq in
                    guard let event = try storedEvent(seq, txn) else { throw LedgerError.corrupt("The stream of \(id) points at seq \(seq), which is not in the log.") }
                    return event
                }
            }
        }
    }

    func storedEvent(_ seq: UInt64, _ txn: some Transaction) throws -> StoredEvent? {
        try txn.withValue(layout.events, key: ByteWriter.u64(seq)) { raw in
            try raw.map { try EventLog.decodeRecord($0, seq: seq) }
        }
    }

    /// A record of the `events` database: hash(n) (32 bytes) ‖ bytes(n).
    static func decodeRecord(_ value: UnsafeRawBufferPointer, seq: UInt64) throws -> StoredEvent {
        guard value.count > 32 else { throw LedgerError.corrupt("The event at seq \(seq) is truncated.") }
        do {
            return try StoredEvent.decode(UnsafeRawBufferPointer(rebasing: value[32...]), hash: Array(value[0..<32]))
        } catch let error as StoredEvent.DecodingError {
            throw LedgerError.corrupt("The event at seq \(seq) cannot be decoded: \(error.reason).")
        }
    }
}
