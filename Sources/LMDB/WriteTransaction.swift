import CLMDB

/// The one write transaction of the environment; see `Environment.write`.
public struct WriteTransaction: Transaction {
    let state: TransactionState

    public var reader: ReadTransaction { ReadTransaction(state: state) }

    /// Stores `value` under `key`. Returns false, without throwing, when `.noOverwrite`
    /// or `.noDupData` found the key (or pair) already there; the old value stays.
    @discardableResult
    public func put(_ db: Database, key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer, flags: PutFlags = []) throws -> Bool {
        let txn = try state.live("mdb_put")
        try state.validate(key: key, "mdb_put")
        var k = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var v = MDB_val(mv_size: value.count, mv_data: UnsafeMutableRawPointer(mutating: value.baseAddress))
        let rc = mdb_put(txn, db.handle, &k, &v, flags.rawValue)
        if rc == MDB_KEYEXIST, !flags.isDisjoint(with: [.noOverwrite, .noDupData]) { return false }
        try state.check(rc, "mdb_put", "database '\(db.name)'")
        return true
    }

    @discardableResult
    public func put(_ db: Database, key: [UInt8], value: [UInt8], flags: PutFlags = []) throws -> Bool {
        try key.withUnsafeBytes { k in
            try value.withUnsafeBytes { v in try put(db, key: k, value: v, flags: flags) }
        }
    }

    /// Deletes `key` (all its duplicates when `value` is nil, else just that pair).
    /// Returns false when there was nothing to delete.
    @discardableResult
    public func delete(_ db: Database, key: [UInt8], value: [UInt8]? = nil) throws -> Bool {
        let txn = try state.live("mdb_del")
        return try key.withUnsafeBytes { keyBytes in
            try state.validate(key: keyBytes, "mdb_del")
            var k = MDB_val(mv_size: keyBytes.count, mv_data: UnsafeMutableRawPointer(mutating: keyBytes.baseAddress))
            let rc: Int32
            if let value {
                rc = value.withUnsafeBytes { valueBytes in
                    var v = MDB_val(mv_size: valueBytes.count, mv_data: UnsafeMutableRawPointer(mutating: valueBytes.baseAddress))
                    return mdb_del(txn, db.handle, &k, &v)
                }
            } else {
                rc = mdb_del(txn, db.handle, &k, nil)
            }
            if rc == MDB_NOTFOUND { return false }
            try state.check(rc, "mdb_del", "database '\(db.name)'")
            return true
        }
    }

    /// Empties `db`; the handle stays open and valid.
    public func drop(_ db: Database) throws {
        try state.check(mdb_drop(try state.live("mdb_drop"), db.handle, 0), "mdb_drop", "database '\(db.name)'")
    }
}
