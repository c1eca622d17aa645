import CLMDB

/// An open LMDB environment: one directory holding `data.mdb` and `lock.mdb`.
///
/// Why `@unchecked Sendable` holds: the `MDB_env` handle never changes, and LMDB lets
/// any thread run transactions on it because we open with `MDB_NOTLS` (reader slots
/// belong to transactions, not threads, since Swift tasks hop threads). The Swift-side
/// mutable state is guarded by `stateLock`; the memory map by `resizeLock`.
///
/// Lock order (take top-down, never upwards):
/// 1. `openLock`: only in `database(_:)`, so each name is opened once.
/// 2. `writerLock`: queues this process's writers.
/// 3. `resizeLock`: shared by every transaction for its whole life; exclusive to resize.
/// 4. LMDB's writer lock, taken inside `mdb_txn_begin`; shared with other processes.
/// `stateLock` is a leaf: nothing is taken while holding it.
///
/// Why `writerLock` comes before `resizeLock`: were writers to hold `resizeLock` shared
/// while queueing on LMDB's writer lock, a writer hitting `MDB_MAP_FULL` would wait for
/// the exclusive lock while the queued writer held it shared waiting for LMDB's writer
/// lock, which the first never gives up: deadlock. With `writerLock` first, at most one
/// thread of this process is ever inside LMDB's writer lock, and it grows the map only
/// after aborting (dropping LMDB's writer lock and its shared hold), keeping `writerLock`.
/// Readers never touch `writerLock` or LMDB's writer lock, so they always finish and
/// the grower's wait for exclusive is bounded by the longest running read.
public final class Environment: @unchecked Sendable {
    public let directory: String
    public let options: Options
    /// Reader slots left behind by dead processes that `mdb_reader_check` freed at open.
    public let staleReadersCleared: Int32
    /// `mdb_env_get_maxkeysize`: 511 bytes in a default build of LMDB.
    public let maxKeySizeBytes: Int

    let handle: OpaquePointer
    let resizeLock = ReadWriteLock()
    private let writerLock = Lock()
    private let openLock = Lock()
    let stateLock = Lock()
    private var databases: [String: Database] = [:]  // guarded by stateLock
    var cachedMapSizeBytes: Int  // guarded by stateLock
    let insideTransaction = ThreadLocalFlag()

    /// Opens (creating if needed) the environment in `directory`, which must exist.
    public init(directory: String, options: Options = .init()) throws {
        var created: OpaquePointer?
        try Self.check(mdb_env_create(&created), "mdb_env_create")
        let env = created!
        do {
            try Self.check(mdb_env_set_maxdbs(env, options.maxDatabases), "mdb_env_set_maxdbs")
            try Self.check(mdb_env_set_maxreaders(env, options.maxReaders), "mdb_env_set_maxreaders")
            try Self.checkMetaPagesPresent(directory: directory)
            var flags = UInt32(MDB_NOTLS)
            if !options.durable { flags |= UInt32(MDB_NOSYNC) }
            try Self.check(mdb_env_open(env, directory, flags, 0o644), "mdb_env_open", "directory \(directory)")
            // Sized after opening, once we know the size an earlier run recorded: set
            // before, LMDB would shrink a map that run grew. A fresh file (no commit yet)
            // records only LMDB's 1 MiB default, so it takes the configured size as is.
            var info = MDB_envinfo()
            mdb_env_info(env, &info)
            if info.me_last_txnid == 0 || info.me_mapsize < options.mapSizeBytes {
                try Self.check(mdb_env_set_mapsize(env, options.mapSizeBytes), "mdb_env_set_mapsize")
                mdb_env_info(env, &info)
            }
            var dead: Int32 = 0
            try Self.check(mdb_reader_check(env, &dead), "mdb_reader_check")
            staleReadersCleared = dead
            cachedMapSizeBytes = info.me_mapsize
            maxKeySizeBytes = Int(mdb_env_get_maxkeysize(env))
        } catch {
            mdb_env_close(env)
            throw error
        }
        self.handle = env
        self.directory = directory
        self.options = options
    }

    // Every transaction has ended (their closures returned) and LMDB closes the dbis.
    deinit { mdb_env_close(handle) }

    /// The current size of the memory map; it only grows.
    public var mapSizeBytes: Int { stateLock.withLock { cachedMapSizeBytes } }

    /// The named database, opened (and with `.create`, created) on first use in its own
    /// write transaction, then cached: later calls return the cached handle whatever
    /// `flags` say. Open databases up front; opening one inside a transaction traps.
    public func database(_ name: String, flags: DatabaseFlags = [.create]) throws -> Database {
        if let cached = stateLock.withLock({ databases[name] }) { return cached }
        return try openLock.withLock {
            if let cached = stateLock.withLock({ databases[name] }) { return cached }
            let dbi = try write { txn in
                var dbi = MDB_dbi()
                let live = try txn.state.live("mdb_dbi_open")
                let rc = name.isEmpty
                    ? mdb_dbi_open(live, nil, flags.rawValue, &dbi)
                    : mdb_dbi_open(live, name, flags.rawValue, &dbi)
                try txn.state.check(rc, "mdb_dbi_open", "database '\(name)'")
                return dbi
            }
            // Cached only after the commit: a dbi opened by an aborted transaction is void.
            let db = Database(name: name, handle: dbi)
            stateLock.withLock { databases[name] = db }
            return db
        }
    }

    /// Runs `body` in a snapshot read transaction and returns its result.
    ///
    /// Synchronous on purpose: the transaction holds a reader slot and the resize lock,
    /// so it must never span an `await`. Nesting (`read`/`write` inside `body`) is not
    /// supported and traps, because a nested shared lock could deadlock behind a grower.
    public func read<T>(_ body: (ReadTransaction) throws -> T) throws -> T {
        refuseNesting("read")
        return try withTransaction(writable: false) { try body(ReadTransaction(state: $0)) }
    }

    /// Runs `body` in a write transaction and commits when it returns; if it throws, the
    /// transaction is aborted and the error rethrown.
    ///
    /// Guarantees: serialised writes (one at a time, across processes) and atomic commits.
    /// The map grows by itself: on `MDB_MAP_FULL` (from a put or the commit) the
    /// transaction is aborted, the map doubled with no transaction running, and `body`
    /// runs again from scratch. So `body` must be re-runnable: no effects outside the
    /// transaction, and it must let `LMDBError` propagate (catch only your own errors).
    /// Synchronous, never spanning an `await`: LMDB's writer lock belongs to the OS thread
    /// that took it. Nesting traps, as for `read`.
    @discardableResult
    public func write<T>(_ body: (WriteTransaction) throws -> T) throws -> T {
        refuseNesting("write")
        writerLock.lock()
        defer { writerLock.unlock() }
        while true {
            var mapFull: LMDBError?
            do {
                return try withTransaction(writable: true) { state in
                    defer { mapFull = state.mapFull }
                    let result = try body(WriteTransaction(state: state))
                    // LMDB poisoned the transaction; a body that swallowed the error still grows.
                    if let error = state.mapFull { throw error }
                    do {
                        try state.commit()
                    } catch let error as LMDBError {
                        throw explainCommitFailure(error)
                    }
                    return result
                }
            } catch {
                guard let mapFull else { throw error }
                try grow(after: mapFull)  // the aborted transaction released the shared lock
            }
        }
    }

    /// Writes a consistent copy into `directory` (which must exist and be empty);
    /// `compact` omits free pages. Runs beside readers and writers.
    public func copy(to directory: String, compact: Bool) throws {
        refuseNesting("copy")
        while true {
            resizeLock.lockShared()  // the copy runs its own read transaction
            let rc = mdb_env_copy2(handle, directory, compact ? UInt32(MDB_CP_COMPACT) : 0)
            resizeLock.unlockShared()
            if rc == MDB_MAP_RESIZED { try adoptMapSizeFromOtherProcess(); continue }
            return try Self.check(rc, "mdb_env_copy2", "to directory \(directory)")
        }
    }

    /// Flushes to disk; needed only when `durable` is false. Without `MDB_WRITEMAP` this
    /// is an fsync of the file, not of the map, so it needs no lock.
    public func sync() throws {
        try Self.check(mdb_env_sync(handle, 1), "mdb_env_sync", "directory \(directory)")
    }

    /// Safe anywhere, also inside a transaction closure.
    public func info() -> (mapSizeBytes: Int, lastPageNumber: Int, lastTxnID: Int) {
        // mdb_env_info reads the meta pages inside the map, which must not move meanwhile;
        // a thread inside a transaction already holds the resize lock.
        let nested = insideTransaction.isSet
        if !nested { resizeLock.lockShared() }
        defer { if !nested { resizeLock.unlockShared() } }
        var info = MDB_envinfo()
        mdb_env_info(handle, &info)
        return (info.me_mapsize, info.me_last_pgno, info.me_last_txnid)
    }

    /// Begins a transaction under the shared resize lock, runs `body`, and aborts the
    /// transaction if `body` didn't commit it.
    private func withTransaction<T>(writable: Bool, _ body: (TransactionState) throws -> T) throws -> T {
        while true {
            resizeLock.lockShared()
            var txn: OpaquePointer?
            let rc = mdb_txn_begin(handle, nil, writable ? 0 : UInt32(MDB_RDONLY), &txn)
            if rc == MDB_MAP_RESIZED {
                resizeLock.unlockShared()
                try adoptMapSizeFromOtherProcess()
                continue
            }
            defer { resizeLock.unlockShared() }
            try Self.check(rc, "mdb_txn_begin", writable ? "write" : "read")
            let state = TransactionState(handle: txn!, maxKeySizeBytes: maxKeySizeBytes)
            insideTransaction.isSet = true
            defer {
                state.abort()
                insideTransaction.isSet = false
            }
            return try body(state)
        }
    }

    private func refuseNesting(_ operation: String) {
        precondition(
            !insideTransaction.isSet,
            "LMDB: \(operation) called inside a transaction of the same environment; nesting is not supported")
    }

    static func check(_ rc: Int32, _ operation: String, _ context: String? = nil) throws {
        guard rc != MDB_SUCCESS else { return }
        throw LMDBError(code: rc, operation: operation, context: context)
    }
}
