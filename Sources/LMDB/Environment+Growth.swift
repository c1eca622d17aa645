import CLMDB

// Resizing the map (mdb_env_set_mapsize) unmaps and remaps it, so LMDB requires that no
// transaction of this process is running. Every transaction holds `resizeLock` shared;
// these functions take it exclusive. Callers hold no transaction (and, when writing,
// keep `writerLock`, so no other writer of ours starts on the old map meanwhile).
extension Environment {
    /// Doubles the map after `failure` (an `MDB_MAP_FULL`), up to `mapSizeMaxBytes`.
    func grow(after failure: LMDBError) throws {
        resizeLock.lockExclusive()
        defer { resizeLock.unlockExclusive() }
        let limit = options.mapSizeMaxBytes
        let current = currentMapSizeBytes()
        guard current < limit else {
            throw LMDBError(
                code: MDB_MAP_FULL, operation: failure.operation,
                context: "the map is at its limit of \(limit) bytes; raise Options.mapSizeMaxBytes")
        }
        try setMapSize(current > limit / 2 ? limit : current * 2)
    }

    /// Adopts the larger map another process recorded (after `MDB_MAP_RESIZED`).
    func adoptMapSizeFromOtherProcess() throws {
        resizeLock.lockExclusive()
        defer { resizeLock.unlockExclusive() }
        try setMapSize(0)  // 0 means "the size in the file's meta page".
    }

    /// Requires `resizeLock` exclusive (or an environment nobody else can see yet).
    func setMapSize(_ bytes: Int) throws {
        try Self.check(mdb_env_set_mapsize(handle, bytes), "mdb_env_set_mapsize", "\(bytes) bytes")
        let size = currentMapSizeBytes()
        stateLock.withLock { cachedMapSizeBytes = size }
    }

    /// Requires the map to stay put: hold `resizeLock` (either way).
    func currentMapSizeBytes() -> Int {
        var info = MDB_envinfo()
        mdb_env_info(handle, &info)
        return info.me_mapsize
    }
}
