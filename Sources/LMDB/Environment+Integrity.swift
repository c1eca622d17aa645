#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLMDB

// A data file shorter than the pages its meta page says are in use cannot be read
// safely: LMDB maps the whole file, and touching a page past its end raises SIGBUS,
// which kills the process with no message. So the length is checked once at open, and
// a store that fails the check is refused with a sentence instead of a crash. Why the
// check is sound: LMDB writes a transaction's pages before the meta page that points at
// them, so a healthy file always reaches the last page its newest meta page names.
extension Environment {
    /// The data file's length and the length its pages need, when it is shorter.
    public struct Shortfall: Sendable, Equatable, CustomStringConvertible {
        public let fileBytes: Int
        public let usedBytes: Int
        public let pageBytes: Int

        public init(fileBytes: Int, usedBytes: Int, pageBytes: Int) {
            self.fileBytes = fileBytes
            self.usedBytes = usedBytes
            self.pageBytes = pageBytes
        }

        /// A file too short for the two meta pages: what is in use is unknown, at least those.
        public static func metaPagesMissing(directory: String) -> Shortfall? {
            var info = stat()
            let pageBytes = Int(sysconf(Int32(_SC_PAGESIZE)))
            guard stat(directory + "/data.mdb", &info) == 0, Int(info.st_size) < 2 * pageBytes else { return nil }
            return Shortfall(fileBytes: Int(info.st_size), usedBytes: 2 * pageBytes, pageBytes: pageBytes)
        }

        public var missingPages: Int { (usedBytes - fileBytes + pageBytes - 1) / pageBytes }
        public var description: String {
            "data.mdb has \(fileBytes) bytes but its pages reach \(usedBytes) bytes: the last \(usedBytes - fileBytes) bytes (\(missingPages) page\(missingPages == 1 ? "" : "s")) are missing"
        }
    }

    /// Checked before `mdb_env_open`: a file too short to hold LMDB's two meta pages
    /// would be taken for a new, empty environment and overwritten.
    static func checkMetaPagesPresent(directory: String) throws {
        // No file yet is a new environment; a file too short is a damaged one.
        if let shortfall = Shortfall.metaPagesMissing(directory: directory) {
            throw LMDBError(code: MDB_INVALID, operation: "mdb_env_open",
                            context: "\(directory)/data.mdb has \(shortfall.fileBytes) bytes, fewer than LMDB's two meta pages (\(shortfall.usedBytes) bytes): the file is truncated")
        }
    }

    /// Nil when the data file holds every page in use, else what is missing.
    public func dataFileShortfall() -> Shortfall? {
        // The meta page first, then the file's length: a writer in another process
        // extends the file before it writes the meta page that names the new pages.
        var info = MDB_envinfo()
        mdb_env_info(handle, &info)
        var stats = MDB_stat()
        mdb_env_stat(handle, &stats)
        var fd: Int32 = -1
        guard mdb_env_get_fd(handle, &fd) == 0, fd >= 0 else { return nil }
        var file = stat()
        guard fstat(fd, &file) == 0 else { return nil }
        let pageBytes = Int(stats.ms_psize)
        let usedBytes = (Int(info.me_last_pgno) + 1) * pageBytes
        return Int(file.st_size) < usedBytes ? Shortfall(fileBytes: Int(file.st_size), usedBytes: usedBytes, pageBytes: pageBytes) : nil
    }
}

extension Environment {
    /// Below this much free space, a failed write is taken for a full disk.
    static let nearlyFullBytes = 1 << 20

    /// LMDB turns a short write into `EIO`: a disk that fills during a commit often
    /// reports a partial write, not `ENOSPC`. When the store's filesystem has next to no
    /// space left, the failure is reported as `ENOSPC`, which callers explain as a full
    /// disk (and which moving the store fixes) rather than as a failing device.
    func explainCommitFailure(_ error: LMDBError) -> LMDBError {
        guard error.code == EIO else { return error }
        var info = statvfs()
        guard statvfs(directory, &info) == 0 else { return error }
        let freeBytes = Int(info.f_bavail) * Int(info.f_frsize)
        guard freeBytes < Self.nearlyFullBytes else { return error }
        return LMDBError(code: ENOSPC, operation: error.operation,
                         context: "a short write (EIO) with \(freeBytes) bytes left on the filesystem of \(directory)")
    }
}
