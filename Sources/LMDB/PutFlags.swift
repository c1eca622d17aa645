import CLMDB

public struct PutFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let noOverwrite = PutFlags(rawValue: UInt32(MDB_NOOVERWRITE))
    /// Keys must arrive in ascending order; out of order is an `MDB_KEYEXIST` error, not `false`.
    public static let append = PutFlags(rawValue: UInt32(MDB_APPEND))
    public static let appendDup = PutFlags(rawValue: UInt32(MDB_APPENDDUP))
    public static let noDupData = PutFlags(rawValue: UInt32(MDB_NODUPDATA))
}
