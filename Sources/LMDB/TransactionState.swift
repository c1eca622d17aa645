import CLMDB

/// The live LMDB transaction behind a `ReadTransaction`/`WriteTransaction` value.
///
/// A reference so every copy of the transaction value sees it end: once `finish` ran,
/// any use throws `MDB_BAD_TXN` instead of touching freed memory.
final class TransactionState {
    private var handle: OpaquePointer?
    private var cursors: [Cursor] = []
    let maxKeySizeBytes: Int
    /// Set by the first `MDB_MAP_FULL`; LMDB poisons the transaction then, so `write`
    /// must grow and re-run even if the body swallowed the error.
    private(set) var mapFull: LMDBError?

    init(handle: OpaquePointer, maxKeySizeBytes: Int) {
        self.handle = handle
        self.maxKeySizeBytes = maxKeySizeBytes
    }

    func live(_ operation: String) throws -> OpaquePointer {
        guard let handle else {
            throw LMDBError(code: MDB_BAD_TXN, operation: operation, context: "transaction used after its closure returned")
        }
        return handle
    }

    func check(_ rc: Int32, _ operation: String, _ context: @autoclosure () -> String? = nil) throws {
        guard rc != MDB_SUCCESS else { return }
        let error = LMDBError(code: rc, operation: operation, context: context())
        if error.isMapFull, mapFull == nil { mapFull = error }
        throw error
    }

    func validate(key: UnsafeRawBufferPointer, _ operation: String) throws {
        try LMDBError.validate(key: key, maxBytes: maxKeySizeBytes, operation)
    }

    func track(_ cursor: Cursor) { cursors.append(cursor) }

    func commit() throws {
        let txn = try live("mdb_txn_commit")
        closeCursors()
        handle = nil  // LMDB frees the transaction even when commit fails.
        try check(mdb_txn_commit(txn), "mdb_txn_commit")
    }

    /// Ends the transaction if still open; read transactions always end this way.
    func abort() {
        guard let txn = handle else { return }
        closeCursors()
        handle = nil
        mdb_txn_abort(txn)
    }

    // Cursors go before their transaction: read-only cursors would leak otherwise,
    // and write cursors may not be touched after the transaction ends.
    private func closeCursors() {
        for cursor in cursors { cursor.close() }
        cursors.removeAll()
    }
}
