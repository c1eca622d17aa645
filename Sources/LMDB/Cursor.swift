import CLMDB

/// A position in one database, valid until its transaction ends (it is closed then;
/// later calls throw `MDB_BAD_TXN`). Every move returns the entry it lands on, or nil
/// when there is none; the buffers point into the map and live as long as the transaction.
public final class Cursor {
    public typealias Entry = (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)

    private var handle: OpaquePointer?
    private let database: Database
    private let maxKeySizeBytes: Int

    init(handle: OpaquePointer, database: Database, maxKeySizeBytes: Int) {
        self.handle = handle
        self.database = database
        self.maxKeySizeBytes = maxKeySizeBytes
    }

    func close() {
        if let handle { mdb_cursor_close(handle) }
        handle = nil
    }

    public func first() throws -> Entry? { try move(MDB_FIRST) }
    public func last() throws -> Entry? { try move(MDB_LAST) }
    public func next() throws -> Entry? { try move(MDB_NEXT) }
    public func prev() throws -> Entry? { try move(MDB_PREV) }
    public func current() throws -> Entry? { try move(MDB_GET_CURRENT) }

    /// The first entry whose key is >= `key`.
    public func seek(_ key: UnsafeRawBufferPointer) throws -> Entry? { try move(MDB_SET_RANGE, key: key) }
    public func seek(_ key: [UInt8]) throws -> Entry? { try key.withUnsafeBytes { try seek($0) } }

    /// The entry with exactly `key` (its first duplicate in a dupSort database).
    public func seekExact(_ key: UnsafeRawBufferPointer) throws -> Entry? { try move(MDB_SET_KEY, key: key) }
    public func seekExact(_ key: [UInt8]) throws -> Entry? { try key.withUnsafeBytes { try seekExact($0) } }

    // dupSort databases: moves among the values of the current key.
    public func firstDup() throws -> Entry? { try move(MDB_FIRST_DUP) }
    public func lastDup() throws -> Entry? { try move(MDB_LAST_DUP) }
    public func nextDup() throws -> Entry? { try move(MDB_NEXT_DUP) }
    public func prevDup() throws -> Entry? { try move(MDB_PREV_DUP) }
    /// The first value of the next key, skipping the current key's remaining duplicates.
    public func nextKey() throws -> Entry? { try move(MDB_NEXT_NODUP) }

    /// How many values the current key has (1 outside dupSort databases).
    public func duplicateCount() throws -> Int {
        var count = 0
        try check(mdb_cursor_count(try live(), &count), "mdb_cursor_count")
        return count
    }

    /// Visits entries in key order from the first key >= `startKey` (or the first entry)
    /// for as long as `shouldContinue` accepts the key.
    public func forEach(
        from startKey: [UInt8]? = nil,
        while shouldContinue: (UnsafeRawBufferPointer) throws -> Bool = { _ in true },
        _ body: (Entry) throws -> Void
    ) throws {
        var entry = try startKey.map { try seek($0) } ?? first()
        while let current = entry, try shouldContinue(current.key) {
            try body(current)
            entry = try next()
        }
    }

    private func move(_ op: MDB_cursor_op, key: UnsafeRawBufferPointer? = nil) throws -> Entry? {
        let cursor = try live()
        var k = MDB_val()
        if let key {
            try LMDBError.validate(key: key, maxBytes: maxKeySizeBytes, "mdb_cursor_get")
            k = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        }
        var v = MDB_val()
        var rc = mdb_cursor_get(cursor, &k, &v, op)
        // Some moves (FIRST_DUP, LAST_DUP) leave the key unset; ask for the whole entry.
        if rc == MDB_SUCCESS, k.mv_data == nil { rc = mdb_cursor_get(cursor, &k, &v, MDB_GET_CURRENT) }
        if rc == MDB_NOTFOUND { return nil }
        try check(rc, "mdb_cursor_get")
        return (UnsafeRawBufferPointer(start: k.mv_data, count: k.mv_size),
                UnsafeRawBufferPointer(start: v.mv_data, count: v.mv_size))
    }

    private func live() throws -> OpaquePointer {
        guard let handle else {
            throw LMDBError(code: MDB_BAD_TXN, operation: "cursor", context: "cursor used after its transaction ended")
        }
        return handle
    }

    private func check(_ rc: Int32, _ operation: String) throws {
        guard rc != MDB_SUCCESS else { return }
        throw LMDBError(code: rc, operation: operation, context: "database '\(database.name)'")
    }
}
