extension Environment {
    public struct Options: Sendable {
        /// The map size to start with; an environment that grew earlier keeps its larger size.
        public var mapSizeBytes: Int
        /// Growth stops here and `MDB_MAP_FULL` reaches the caller.
        public var mapSizeMaxBytes: Int
        public var maxDatabases: UInt32
        /// Concurrent read transactions across all processes; each takes a slot in lock.mdb.
        public var maxReaders: UInt32
        /// True: fsync on every commit. False (`MDB_NOSYNC`): a crash may lose the last
        /// commits, though never corrupt the file. For tests and benchmarks only.
        public var durable: Bool

        public init(
            mapSizeBytes: Int = 64 << 20,
            mapSizeMaxBytes: Int = 1 << 40,
            maxDatabases: UInt32 = 32,
            maxReaders: UInt32 = 126,
            durable: Bool = true
        ) {
            precondition(mapSizeBytes > 0 && mapSizeBytes <= mapSizeMaxBytes, "need 0 < mapSizeBytes <= mapSizeMaxBytes")
            self.mapSizeBytes = mapSizeBytes
            self.mapSizeMaxBytes = mapSizeMaxBytes
            self.maxDatabases = maxDatabases
            self.maxReaders = maxReaders
            self.durable = durable
        }
    }
}
