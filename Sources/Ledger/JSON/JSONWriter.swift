/// Builds compact JSON text with a deterministic spelling: the caller decides member
/// order, strings escape exactly `"`, `\` and control characters (as `\n`, `\r`, `\t`,
/// `\b`, `\f` or `\u00XX`), everything else is written as raw UTF-8, and no whitespace.
/// The same values always give the same bytes.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func separator() {
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    public mutating func beginObject() { separator(); bytes.append(UInt8(ascii: "{")); needsComma.append(false) }
    public mutating func endObject() { bytes.append(UInt8(ascii: "}")); needsComma.removeLast() }
    public mutating func beginArray() { separator(); bytes.append(UInt8(ascii: "[")); needsComma.append(false) }
    public mutating func endArray() { bytes.append(UInt8(ascii: "]")); needsComma.removeLast() }

    /// Writes `"name":`; the next value call writes the value without a comma.
    public mutating func key(_ name: String) {
        separator()
        JSONWriter.appendString(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        needsComma[needsComma.count - 1] = false
    }

    public mutating func string(_ value: String) { separator(); JSONWriter.appendString(value, to: &bytes) }
    public mutating func int<T: BinaryInteger>(_ value: T) { separator(); JSONWriter.appendInteger(value, to: &bytes) }
    public mutating func bool(_ value: Bool) { separator(); bytes.append(contentsOf: value ? JSONWriter.trueBytes : JSONWriter.falseBytes) }
    public mutating func null() { separator(); bytes.append(contentsOf: JSONWriter.nullBytes) }
    public mutating func raw(_ json: [UInt8]) { separator(); bytes.append(contentsOf: json) }

    public mutating func field(_ name: String, _ value: String) { key(name); string(value) }
    public mutating func field(_ name: String, _ value: String?) { key(name); if let value { string(value) } else { null() } }
    public mutating func field<T: BinaryInteger>(_ name: String, _ value: T) { key(name); int(value) }
    public mutating func field(_ name: String, _ value: Bool) { key(name); bool(value) }

    static let hexDigits = Array("0123456789abcdef".utf8)
    public static let trueBytes = Array("true".utf8)
    public static let falseBytes = Array("false".utf8)
    public static let nullBytes = Array("null".utf8)

    /// An integer as `String(value)` spells it, without building the String when it fits 64 bits.
    public static func appendInteger<T: BinaryInteger>(_ value: T, to out: inout [UInt8]) {
        if let small = Int64(exactly: value) {
            ASCIIDecimal.append(small, to: &out)
        } else if let large = UInt64(exactly: value) {
            ASCIIDecimal.append(large, to: &out)
        } else {
            out.append(contentsOf: String(value).utf8)
        }
    }

    public static func appendString(_ value: String, to out: inout [UInt8]) {
        var value = value
        value.withUTF8 { appendString(utf8: $0, to: &out) }
    }

    /// The same from UTF-8 bytes.
    public static func appendString(utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Almost no string needs an escape: check 8 bytes at a time, then copy in one append.
        guard needsEscape(utf8) else {
            out.append(contentsOf: utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        var start = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if start < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index])) }
            appendEscape(byte, to: &out)
            start = index + 1
        }
        if start < utf8.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
        out.append(UInt8(ascii: "\""))
    }

    /// Whether any byte is a control character, a quote or a backslash. Eight bytes a step: a byte
    /// below n shows in `(w - n·0x01…) & ~w & 0x80…`, and `x ^ c` is zero where x was c
    /// (the word tests are exact as yes/no answers, which is all that is used).
    public static func needsEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(utf8)
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        while index + 8 <= raw.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
            let control = (word &- ones &* 0x20) & ~word
            let hits = control | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
            if hits & highs != 0 { return true }
            index += 8
        }
        while index < raw.count {
            let byte = raw[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
            index += 1
        }
        return false
    }

    private static func appendEscape(_ byte: UInt8, to out: inout [UInt8]) {
        out.append(0x5C)
        switch byte {
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        case 0x08: out.append(UInt8(ascii: "b"))
        case 0x0C: out.append(UInt8(ascii: "f"))
        default:
            out.append(UInt8(ascii: "u"))
            out.append(UInt8(ascii: "0"))
            out.append(UInt8(ascii: "0"))
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0xF)])
        }
    }
}
