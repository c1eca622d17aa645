#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the leaf records of an LMDB data file page by page, without LMDB and without
/// mapping it: the salvage path for a file LMDB cannot open safely (a truncated file,
/// whose tree roots are usually in the lost tail). Every leaf page that survives is
/// read, whatever tree it belonged to and whether or not it is still live, so a caller
/// must recognise its own records by their shape and check them (the ledger checks the
/// hash chain). Read-only: the file is never written.
///
/// The page layout is LMDB 0.9's (mdb.c): a 16-byte header (pgno u64, pad u16,
/// flags u16, lower u16, upper u16), then u16 offsets of the nodes; a node is lo u16,
/// hi u16, flags u16, ksize u16, the key, then the data, or with F_BIGDATA the pgno of
/// the overflow page holding it. Offsets are bounds-checked: a damaged page is skipped.
public struct DataFileScan {
    public let path: String
    public let pageBytes: Int

    static let headerBytes = 16
    static let leafFlag: UInt16 = 0x02
    static let overflowFlag: UInt16 = 0x04
    /// Branch, overflow, meta, LEAF2 and sub-pages: not plain leaves.
    static let notPlainLeaf: UInt16 = 0x01 | 0x04 | 0x08 | 0x20 | 0x40
    static let bigDataFlag: UInt16 = 0x01
    static let subDataFlags: UInt16 = 0x02 | 0x04

    public init(path: String, pageBytes: Int) {
        self.path = path
        self.pageBytes = pageBytes
    }

    /// Calls `body` with the key and value of every leaf node found, page after page.
    /// Returns the number of pages read.
    @discardableResult
    public func forEachLeafRecord(_ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws -> Void) throws -> Int {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw LMDBError(code: errno, operation: "open", context: path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw LMDBError(code: errno, operation: "fstat", context: path) }
        let pages = Int(info.st_size) / pageBytes
        let chunkPages = 256
        var chunk = [UInt8](repeating: 0, count: chunkPages * pageBytes)
        var overflow: [UInt8] = []
        var pageIndex = 2  // pages 0 and 1 are LMDB's meta pages
        while pageIndex < pages {
            let count = min(chunkPages, pages - pageIndex)
            let read = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count * pageBytes, off_t(pageIndex * pageBytes)) }
            guard read == count * pageBytes else { throw LMDBError(code: read < 0 ? errno : EIO, operation: "pread", context: path) }
            try chunk.withUnsafeBytes { buffer in
                for local in 0..<count {
                    let page = UnsafeRawBufferPointer(rebasing: buffer[(local * pageBytes)..<((local + 1) * pageBytes)])
                    try scanPage(page, pageNumber: pageIndex + local, fd: fd, fileBytes: Int(info.st_size), overflow: &overflow, body)
                }
            }
            pageIndex += count
        }
        return pages
    }

    private func scanPage(_ page: UnsafeRawBufferPointer, pageNumber: Int, fd: Int32, fileBytes: Int, overflow: inout [UInt8],
                          _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> Void) throws {
        // A page LMDB wrote carries its own number; anything else is not a page header.
        guard page.loadUnaligned(fromByteOffset: 0, as: UInt64.self) == UInt64(pageNumber) else { return }
        let flags = page.loadUnaligned(fromByteOffset: 10, as: UInt16.self)
        guard flags & Self.leafFlag != 0, flags & Self.notPlainLeaf == 0 else { return }
        let lower = Int(page.loadUnaligned(fromByteOffset: 12, as: UInt16.self))
        guard lower >= Self.headerBytes, lower <= pageBytes else { return }
        for slot in 0..<((lower - Self.headerBytes) / 2) {
            let node = Int(page.loadUnaligned(fromByteOffset: Self.headerBytes + slot * 2, as: UInt16.self))
            guard node >= lower, node + 8 <= pageBytes else { continue }
            let dataBytes = Int(page.loadUnaligned(fromByteOffset: node, as: UInt16.self))
                | Int(page.loadUnaligned(fromByteOffset: node + 2, as: UInt16.self)) << 16
            let nodeFlags = page.loadUnaligned(fromByteOffset: node + 4, as: UInt16.self)
            let keyBytes = Int(page.loadUnaligned(fromByteOffset: node + 6, as: UInt16.self))
            guard nodeFlags & Self.subDataFlags == 0, node + 8 + keyBytes <= pageBytes else { continue }
            let key = UnsafeRawBufferPointer(rebasing: page[(node + 8)..<(node + 8 + keyBytes)])
            let dataStart = node + 8 + keyBytes
            if nodeFlags & Self.bigDataFlag == 0 {
                guard dataStart + dataBytes <= pageBytes else { continue }
                try body(key, UnsafeRawBufferPointer(rebasing: page[dataStart..<(dataStart + dataBytes)]))
            } else {
                // The value lives in overflow pages; read it if they survived.
                guard dataStart + 8 <= pageBytes else { continue }
                let overflowPage = Int(page.loadUnaligned(fromByteOffset: dataStart, as: UInt64.self))
                let start = overflowPage * pageBytes + Self.headerBytes
                guard overflowPage > 1, dataBytes <= 16 << 20, start + dataBytes <= fileBytes else { continue }
                overflow = [UInt8](repeating: 0, count: dataBytes)
                let read = overflow.withUnsafeMutableBytes { pread(fd, $0.baseAddress, dataBytes, off_t(start)) }
                guard read == dataBytes else { continue }
                try overflow.withUnsafeBytes { try body(key, $0) }
            }
        }
    }
}
