import CLMDB

/// What every transaction can do: read. `WriteTransaction` adds the writes.
///
/// Transactions are valid only inside the closure passed to `Environment.read` or
/// `Environment.write`; buffers they return point into the memory map and are valid
/// only until that closure returns. Do not store either.
public protocol Transaction {
    var reader: ReadTransaction { get }
}

extension Transaction {
    /// The value stored under `key`, or nil. The buffer points into the map (no copy).
    public func get(_ db: Database, key: UnsafeRawBufferPointer) throws -> UnsafeRawBufferPointer? {
        let state = reader.state
        let txn = try state.live("mdb_get")
        try state.validate(key: key, "mdb_get")
        var k = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var v = MDB_val()
        let rc = mdb_get(txn, db.handle, &k, &v)
        if rc == MDB_NOTFOUND { return nil }
        try state.check(rc, "mdb_get", "database '\(db.name)'")
        return UnsafeRawBufferPointer(start: v.mv_data, count: v.mv_size)
    }

    public func get(_ db: Database, key: [UInt8]) throws -> [UInt8]? {
        try withValue(db, key: key) { $0.map { Array($0) } }
    }

    /// Lends the stored value (nil when absent) to `body` without copying it.
    public func withValue<R>(_ db: Database, key: [UInt8], _ body: (UnsafeRawBufferPointer?) throws -> R) throws -> R {
        try key.withUnsafeBytes { try body(get(db, key: $0)) }
    }

    /// A cursor that the transaction closes when it ends.
    public func cursor(_ db: Database) throws -> Cursor {
        let state = reader.state
        let txn = try state.live("mdb_cursor_open")
        var handle: OpaquePointer?
        try state.check(mdb_cursor_open(txn, db.handle, &handle), "mdb_cursor_open", "database '\(db.name)'")
        let cursor = Cursor(handle: handle!, database: db, maxKeySizeBytes: state.maxKeySizeBytes)
        state.track(cursor)
        return cursor
    }

    /// Number of entries (key/value pairs, so duplicates count) in `db`.
    public func count(_ db: Database) throws -> Int {
        let state = reader.state
        var stat = MDB_stat()
        try state.check(mdb_stat(try state.live("mdb_stat"), db.handle, &stat), "mdb_stat", "database '\(db.name)'")
        return stat.ms_entries
    }
}
