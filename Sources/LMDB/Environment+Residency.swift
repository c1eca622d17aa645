#if canImport(Glibc)
import Glibc
#endif
import CLMDB

// LMDB reads through a read-only shared memory map, so every page a process touches
// stays in its resident set until the kernel needs the memory: a replay or an append of
// ten million events would "hold" gigabytes it does not need. Dropping the mapping's
// page-table entries (MADV_DONTNEED) keeps the data in the page cache and the map
// valid: the next access re-faults the page cheaply. Bounding resident memory this way
// is how long scans and bulk loads stay within a fixed memory budget.
extension Environment {
    /// The process's resident file-backed memory, in bytes (`shared` of /proc/self/statm).
    public static func residentSharedBytes() -> Int {
        guard let file = fopen("/proc/self/statm", "r") else { return 0 }
        defer { fclose(file) }
        var line = [UInt8](repeating: 0, count: 256)
        guard line.withUnsafeMutableBufferPointer({ buffer in
            buffer.withMemoryRebound(to: CChar.self) { fgets($0.baseAddress, 256, file) }
        }) != nil else { return 0 }
        let text = String(decoding: line.prefix { $0 != 0 }, as: UTF8.self)
        let fields = text.split(separator: " ")
        guard fields.count >= 3, let pages = Int(fields[2]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// When this process holds more than `limitBytes` of file-backed pages, release the
    /// pages of this environment's map. Safe inside transactions: no pointer into the map
    /// is invalidated, the next access re-faults the page from the page cache.
    @discardableResult
    public func releaseMappedPages(ifResidentAbove limitBytes: Int) -> Bool {
        guard Environment.residentSharedBytes() > limitBytes else { return false }
        let nested = insideTransaction.isSet
        if !nested { resizeLock.lockShared() }   // the map must not move meanwhile
        defer { if !nested { resizeLock.unlockShared() } }
        // mdb_env_info gives the map's address only with MDB_FIXEDMAP, so find the
        // mapping of data.mdb in /proc/self/maps.
        var released = false
        for range in Environment.mappedRanges(ofFile: dataFilePath) {
            if madvise(UnsafeMutableRawPointer(bitPattern: range.start), range.end - range.start, MADV_DONTNEED) == 0 { released = true }
        }
        return released
    }

    var dataFilePath: String {
        let absolute = directory.hasPrefix("/") ? directory : Environment.currentDirectory() + "/" + directory
        var parts: [Substring] = []
        for part in absolute.split(separator: "/") where part != "." {
            if part == ".." { if !parts.isEmpty { parts.removeLast() } } else { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/") + "/data.mdb"
    }

    static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Address ranges of this process's mappings of `path`, from /proc/self/maps.
    static func mappedRanges(ofFile path: String) -> [(start: Int, end: Int)] {
        guard let file = fopen("/proc/self/maps", "r") else { return [] }
        defer { fclose(file) }
        var ranges: [(start: Int, end: Int)] = []
        var line = [UInt8](repeating: 0, count: 8192)
        while line.withUnsafeMutableBufferPointer({ buffer in
            buffer.withMemoryRebound(to: CChar.self) { fgets($0.baseAddress, Int32(buffer.count), file) }
        }) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }, as: UTF8.self).trimmingSuffixNewline()
            guard text.hasSuffix(" " + path) || text.hasSuffix("\t" + path) else { continue }
            let bounds = text.prefix { $0 != " " }.split(separator: "-")
            guard bounds.count == 2, let start = Int(bounds[0], radix: 16), let end = Int(bounds[1], radix: 16) else { continue }
            ranges.append((start, end))
        }
        return ranges
    }
}

private extension String {
    func trimmingSuffixNewline() -> String { hasSuffix("\n") ? String(dropLast()) : self }
}
