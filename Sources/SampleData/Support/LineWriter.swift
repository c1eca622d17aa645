/// Builds one compact JSON line in a reusable byte buffer.
///
/// Faster than `JSONEncoder` by an order of magnitude and, more to the point, its key
/// order and number formatting are fixed by this code, so the output never depends on
/// a library version. Every string the generator writes is drawn from its own tables
/// and identifiers (no quote, backslash or control character), so none needs escaping;
/// `putSafe` asserts that in debug builds.
struct LineWriter {
    private var bytes: [UInt8] = []
    private var needsComma = false

    init() {
        bytes.reserveCapacity(512)
    }

    // MARK: Envelope

    /// Starts a line; the caller then writes the event id with `put`.
    mutating func startId() {
        bytes.removeAll(keepingCapacity: true)
        raw("{\"id\":\"")
    }

    /// Closes the id and writes the rest of the envelope, up to the opening of `data`.
    mutating func envelope(type: StaticString, day: Int, actor: String, caseId: String?) {
        raw("\",\"type\":\"")
        raw(type)
        raw("\",\"occurred\":\"")
        putDate(day)
        raw("\",\"actor\":\"")
        putSafe(actor)
        if let caseId {
            raw("\",\"case\":\"")
            putSafe(caseId)
        }
        raw("\",\"data\":{")
        needsComma = false
    }

    /// Closes `data` and the event, and returns the line.
    mutating func finish() -> String {
        raw("}}")
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Data fields

    mutating func text(_ key: StaticString, _ value: String) {
        self.key(key)
        bytes.append(UInt8(ascii: "\""))
        putSafe(value)
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func text(_ key: StaticString, _ value: StaticString) {
        self.key(key)
        bytes.append(UInt8(ascii: "\""))
        raw(value)
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func date(_ key: StaticString, _ day: Int) {
        self.key(key)
        bytes.append(UInt8(ascii: "\""))
        putDate(day)
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func bool(_ key: StaticString, _ value: Bool) {
        self.key(key)
        if value { raw("true") } else { raw("false") }
    }

    /// An amount as a JSON string with exactly `digits` minor digits ("1250.40", "125000").
    mutating func amount(_ key: StaticString, _ minor: Int64, digits: Int) {
        self.key(key)
        bytes.append(UInt8(ascii: "\""))
        putAmount(minor, digits: digits)
        bytes.append(UInt8(ascii: "\""))
    }

    // MARK: Raw pieces (ids)

    /// Literal JSON syntax (quotes, braces), written as is: never checked, never escaped.
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func put(_ text: String) {
        putSafe(text)
    }

    /// A non-negative integer, left-padded with zeros to `width` digits.
    mutating func put(_ value: Int, width: Int = 1) {
        precondition(value >= 0, "only non-negative integers are written")
        var scratch: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &scratch) { digits in
            repeat {
                digits[count] = UInt8(ascii: "0") &+ UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            var pad = width - count
            while pad > 0 {
                bytes.append(UInt8(ascii: "0"))
                pad -= 1
            }
            var position = count
            while position > 0 {
                position -= 1
                bytes.append(digits[position])
            }
        }
    }

    // MARK: Private

    private mutating func key(_ key: StaticString) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
        bytes.append(UInt8(ascii: "\""))
        raw(key)
        raw("\":")
    }

    private mutating func putSafe(_ text: String) {
        assert(LineWriter.isSafe(text), "\(text) would need JSON escaping")
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func putDate(_ day: Int) {
        let date = CivilDay.civil(day)
        put(date.year, width: 4)
        bytes.append(UInt8(ascii: "-"))
        put(date.month, width: 2)
        bytes.append(UInt8(ascii: "-"))
        put(date.day, width: 2)
    }

    private mutating func putAmount(_ minor: Int64, digits: Int) {
        precondition(minor >= 0, "amounts are never negative")
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        put(Int(minor / scale))
        if digits > 0 {
            bytes.append(UInt8(ascii: "."))
            put(Int(minor % scale), width: digits)
        }
    }

    static func isSafe(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") && $0 < 0x7F }
    }
}
