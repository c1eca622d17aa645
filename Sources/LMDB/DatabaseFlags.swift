import CLMDB

/// How a named database is opened; applied only on its first open (see `Environment.database`).
public struct DatabaseFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let create = DatabaseFlags(rawValue: UInt32(MDB_CREATE))
    public static let dupSort = DatabaseFlags(rawValue: UInt32(MDB_DUPSORT))
    public static let dupFixed = DatabaseFlags(rawValue: UInt32(MDB_DUPFIXED))
    public static let integerKey = DatabaseFlags(rawValue: UInt32(MDB_INTEGERKEY))
    public static let reverseKey = DatabaseFlags(rawValue: UInt32(MDB_REVERSEKEY))
}
