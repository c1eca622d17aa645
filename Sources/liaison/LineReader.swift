#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Ledger

/// Reads newline-separated lines from a file descriptor with a fixed buffer.
///
/// Bounded: a line longer than `keepBytesMax` is not held whole; its first bytes are kept
/// (for the rejects file) and it is reported as too large. Lines end at `\n`; a trailing
/// `\r` is dropped. The last line needs no newline.
struct LineReader {
    struct Line {
        var bytes: [UInt8]
        /// Total length, which exceeds `bytes.count` when the line was cut.
        var length: Int
        var number: Int
    }

    /// Up to this much of an over-long line is kept for the rejects file (1 MiB).
    static let keepBytesMax = 1 << 20
    static let bufferBytes = 1 << 20

    private let fd: Int32
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var eof = false
    private var lineNumber = 0

    init(fd: Int32) {
        self.fd = fd
        buffer = [UInt8](repeating: 0, count: LineReader.bufferBytes)
    }

    private mutating func fill() throws {
        if start > 0 {
            let pending = end - start
            if pending > 0 { buffer.withUnsafeMutableBufferPointer { p in _ = memmove(p.baseAddress!, p.baseAddress! + start, pending) } }
            end = pending
            start = 0
        }
        let capacity = buffer.count - end
        let count = buffer.withUnsafeMutableBufferPointer { p in read(fd, p.baseAddress! + end, capacity) }
        if count < 0 {
            if errno == EINTR { return }
            throw LedgerError.io("Cannot read the input: \(String(cString: strerror(errno))).")
        }
        if count == 0 { eof = true }
        end += count
    }

    mutating func next() throws -> Line? {
        var partial: [UInt8] = []
        var length = 0
        while true {
            if let newline = buffer[start..<end].firstIndex(of: 0x0A) {
                let piece = buffer[start..<newline]
                start = newline + 1
                return finish(&partial, &length, piece)
            }
            if eof {
                if start == end && length == 0 { return nil }
                let piece = buffer[start..<end]
                start = end
                return finish(&partial, &length, piece)
            }
            if end == buffer.count && start == 0 {
                // The buffer is full without a newline: keep what we may, count the rest.
                let room = max(0, LineReader.keepBytesMax - partial.count)
                partial.append(contentsOf: buffer[0..<min(end, room)])
                length += end
                start = end
            }
            try fill()
        }
    }

    private mutating func finish(_ partial: inout [UInt8], _ length: inout Int, _ piece: ArraySlice<UInt8>) -> Line {
        lineNumber += 1
        var piece = piece
        // A UTF-8 byte-order mark (files saved by some Windows tools) is not part of the first line.
        if lineNumber == 1, partial.isEmpty, piece.starts(with: [0xEF, 0xBB, 0xBF]) { piece = piece.dropFirst(3) }
        var bytes = partial
        let room = max(0, LineReader.keepBytesMax - bytes.count)
        bytes.append(contentsOf: piece.prefix(room))
        var total = length + piece.count
        if bytes.last == 0x0D && total == bytes.count { bytes.removeLast(); total -= 1 }
        return Line(bytes: bytes, length: total, number: lineNumber)
    }
}
