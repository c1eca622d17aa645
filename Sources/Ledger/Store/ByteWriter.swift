/// Big-endian binary building blocks of the stored encoding (docs/format.md).
/// Big-endian so that byte order is the numeric order LMDB sorts keys by.
public struct ByteWriter: Sendable {
    public private(set) var bytes: [UInt8]

    public init(capacity: Int = 128) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    public mutating func u8(_ value: UInt8) { bytes.append(value) }
    public mutating func u16(_ value: UInt16) { bytes.append(UInt8(value >> 8)); bytes.append(UInt8(value & 0xFF)) }
    public mutating func u32(_ value: UInt32) { for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) } }
    public mutating func u64(_ value: UInt64) { for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) } }
    public mutating func i32(_ value: Int32) { u32(UInt32(bitPattern: value)) }
    public mutating func i64(_ value: Int64) { u64(UInt64(bitPattern: value)) }
    public mutating func raw<Bytes: Sequence>(_ value: Bytes) where Bytes.Element == UInt8 { bytes.append(contentsOf: value) }

    /// A string as u16 length + UTF-8. Every stored string is at most 512 scalars
    /// (2,048 bytes), far under the u16 limit.
    public mutating func string(_ value: String) {
        let utf8 = value.utf8
        precondition(utf8.count <= Int(UInt16.max), "stored strings are bounded by validation")
        u16(UInt16(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    /// A short string as u8 length + UTF-8 (record fields such as a framework code).
    public mutating func shortString(_ value: String) {
        let utf8 = value.utf8
        precondition(utf8.count <= 255)
        u8(UInt8(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    public static func u64(_ value: UInt64) -> [UInt8] { var writer = ByteWriter(capacity: 8); writer.u64(value); return writer.bytes }
}

/// Reads what `ByteWriter` wrote; every read checks bounds and throws `Truncated`
/// instead of trapping, because verify reads bytes that may have been tampered with.
public struct ByteReader {
    public struct Truncated: Error, Sendable {}

    private let bytes: UnsafeRawBufferPointer
    public private(set) var offset: Int

    public init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    public var isAtEnd: Bool { offset == bytes.count }

    private mutating func take(_ count: Int) throws(Truncated) -> UnsafeRawBufferPointer {
        guard count >= 0, offset + count <= bytes.count else { throw Truncated() }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)])
    }

    public mutating func u8() throws(Truncated) -> UInt8 { try take(1)[0] }
    public mutating func u16() throws(Truncated) -> UInt16 { let b = try take(2); return UInt16(b[0]) << 8 | UInt16(b[1]) }
    public mutating func u32() throws(Truncated) -> UInt32 {
        let b = try take(4)
        return b.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }
    public mutating func u64() throws(Truncated) -> UInt64 {
        let b = try take(8)
        return b.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }
    public mutating func i32() throws(Truncated) -> Int32 { Int32(bitPattern: try u32()) }
    public mutating func i64() throws(Truncated) -> Int64 { Int64(bitPattern: try u64()) }
    public mutating func bytes(_ count: Int) throws(Truncated) -> [UInt8] { Array(try take(count)) }

    public mutating func string() throws(Truncated) -> String {
        let count = Int(try u16())
        return String(decoding: try take(count), as: UTF8.self)
    }

    public mutating func shortString() throws(Truncated) -> String {
        let count = Int(try u8())
        return String(decoding: try take(count), as: UTF8.self)
    }

    public static func u64(_ bytes: UnsafeRawBufferPointer) -> UInt64? {
        guard bytes.count == 8 else { return nil }
        return bytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }

    public static func u64(_ bytes: [UInt8]) -> UInt64? { bytes.withUnsafeBytes { u64($0) } }
}
