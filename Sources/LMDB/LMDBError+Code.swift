import CLMDB

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension LMDBError {
    /// A named error code, so callers can write `error.code == LMDBError.Code.mapFull.rawValue`
    /// and logs can say `MDB_MAP_FULL` instead of `-30792`.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }

        public static let keyExist = Code(rawValue: MDB_KEYEXIST)
        public static let notFound = Code(rawValue: MDB_NOTFOUND)
        public static let pageNotFound = Code(rawValue: MDB_PAGE_NOTFOUND)
        public static let corrupted = Code(rawValue: MDB_CORRUPTED)
        public static let panic = Code(rawValue: MDB_PANIC)
        public static let versionMismatch = Code(rawValue: MDB_VERSION_MISMATCH)
        public static let invalid = Code(rawValue: MDB_INVALID)
        public static let mapFull = Code(rawValue: MDB_MAP_FULL)
        public static let dbsFull = Code(rawValue: MDB_DBS_FULL)
        public static let readersFull = Code(rawValue: MDB_READERS_FULL)
        public static let tlsFull = Code(rawValue: MDB_TLS_FULL)
        public static let txnFull = Code(rawValue: MDB_TXN_FULL)
        public static let cursorFull = Code(rawValue: MDB_CURSOR_FULL)
        public static let pageFull = Code(rawValue: MDB_PAGE_FULL)
        public static let mapResized = Code(rawValue: MDB_MAP_RESIZED)
        public static let incompatible = Code(rawValue: MDB_INCOMPATIBLE)
        public static let badReaderSlot = Code(rawValue: MDB_BAD_RSLOT)
        public static let badTxn = Code(rawValue: MDB_BAD_TXN)
        public static let badValueSize = Code(rawValue: MDB_BAD_VALSIZE)
        public static let badDBI = Code(rawValue: MDB_BAD_DBI)

        /// Every LMDB-specific code; LMDB numbers them contiguously, so the range is exhaustive.
        public static let allLMDB: [Code] = (MDB_KEYEXIST...MDB_BAD_DBI).map(Code.init(rawValue:))

        public var name: String {
            switch rawValue {
            case MDB_KEYEXIST: "MDB_KEYEXIST"
            case MDB_NOTFOUND: "MDB_NOTFOUND"
            case MDB_PAGE_NOTFOUND: "MDB_PAGE_NOTFOUND"
            case MDB_CORRUPTED: "MDB_CORRUPTED"
            case MDB_PANIC: "MDB_PANIC"
            case MDB_VERSION_MISMATCH: "MDB_VERSION_MISMATCH"
            case MDB_INVALID: "MDB_INVALID"
            case MDB_MAP_FULL: "MDB_MAP_FULL"
            case MDB_DBS_FULL: "MDB_DBS_FULL"
            case MDB_READERS_FULL: "MDB_READERS_FULL"
            case MDB_TLS_FULL: "MDB_TLS_FULL"
            case MDB_TXN_FULL: "MDB_TXN_FULL"
            case MDB_CURSOR_FULL: "MDB_CURSOR_FULL"
            case MDB_PAGE_FULL: "MDB_PAGE_FULL"
            case MDB_MAP_RESIZED: "MDB_MAP_RESIZED"
            case MDB_INCOMPATIBLE: "MDB_INCOMPATIBLE"
            case MDB_BAD_RSLOT: "MDB_BAD_RSLOT"
            case MDB_BAD_TXN: "MDB_BAD_TXN"
            case MDB_BAD_VALSIZE: "MDB_BAD_VALSIZE"
            case MDB_BAD_DBI: "MDB_BAD_DBI"
            // The errno values LMDB passes through most often.
            case ENOENT: "ENOENT"
            case EACCES: "EACCES"
            case EPERM: "EPERM"
            case EAGAIN: "EAGAIN"
            case EBUSY: "EBUSY"
            case ENOSPC: "ENOSPC"
            case EDQUOT: "EDQUOT"
            case EINVAL: "EINVAL"
            case ENOMEM: "ENOMEM"
            case EIO: "EIO"
            case EEXIST: "EEXIST"
            case ENOTDIR: "ENOTDIR"
            case EROFS: "EROFS"
            default: "errno \(rawValue)"
            }
        }

        public var description: String { name }
    }
}
