import CLMDB

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed LMDB call, or a system call LMDB made on our behalf.
///
/// `code` stays the raw `MDB_*` or errno value so callers can match on it (see `Code`);
/// `description` is one sentence an operator can act on.
public struct LMDBError: Error, Sendable, Equatable, CustomStringConvertible {
    public let code: Int32
    public let operation: String
    /// What the call was about (a directory, a database name, a key size), when known.
    public let context: String?

    public init(code: Int32, operation: String, context: String? = nil) {
        self.code = code
        self.operation = operation
        self.context = context
    }

    /// The symbolic name of `code`: `MDB_MAP_FULL`, `ENOSPC`, or `errno 42`.
    public var name: String { Code(rawValue: code).name }

    public var description: String {
        var reason = String(cString: mdb_strerror(code))
        // LMDB's own messages already start with the symbol; don't say it twice.
        if reason.hasPrefix(name + ": ") { reason.removeFirst(name.count + 2) }
        let subject = context.map { " (\($0))" } ?? ""
        return "\(operation) failed\(subject): \(reason) [\(name)]."
    }

    public var isNotFound: Bool { code == MDB_NOTFOUND }
    public var isMapFull: Bool { code == MDB_MAP_FULL }
    public var isKeyExist: Bool { code == MDB_KEYEXIST }
    public var isMapResized: Bool { code == MDB_MAP_RESIZED }
    /// The disk (or the user's quota) is full: growing the map will not help.
    public var isNoSpace: Bool { code == ENOSPC || code == EDQUOT }
    /// Another process holds a lock we need; retrying later may succeed.
    public var isBusy: Bool { code == EAGAIN || code == EBUSY }
}

extension LMDBError {
    /// LMDB rejects empty and oversized keys anyway; checking first names the sizes.
    static func validate(key: UnsafeRawBufferPointer, maxBytes: Int, _ operation: String) throws {
        guard (1...maxBytes).contains(key.count) else {
            throw LMDBError(
                code: MDB_BAD_VALSIZE, operation: operation,
                context: "key of \(key.count) bytes; keys must be 1...\(maxBytes) bytes")
        }
    }
}
