import Ledger

/// Writes canonical JSON (see `CanonicalObject` for the rules) straight into one byte
/// buffer, members in the order the caller writes them.
///
/// The projections write every item they touch once per batch, and every audit entry:
/// building a `CanonicalObject` per nested object, a buffer per member and sorting the
/// members at run time was most of replay's instructions, and appending to an
/// `[UInt8]` byte by byte costs a uniqueness and a capacity check each time
/// (docs/performance.md). Here each write reserves its room once and stores bytes
/// through a pointer. The caller writes members already in canonical order (keys
/// ascending by UTF-8 bytes); debug builds, and so the tests, check that order at every
/// member, and the snapshot tests check the bytes.
///
/// Not copyable: it owns its buffer, freed when it goes away.
public struct CanonicalWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    /// Whether the next member or array item needs a comma before it.
    private var needsComma = false
    #if DEBUG
    /// The last key written in each open container (nil: none yet; arrays push nil too).
    private var lastKeys: [[UInt8]?] = []
    #endif

    public init(capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The JSON written so far.
    public var bytes: [UInt8] {
        guard count > 0 else { return [] }
        return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.baseAddress!.update(from: base, count: count)
            initialized = count
        }
    }

    /// Lends the JSON written so far, without copying it.
    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Empties the writer and keeps its buffer, to write the next value.
    public mutating func reset() {
        count = 0
        needsComma = false
        #if DEBUG
        lastKeys.removeAll()
        #endif
    }

    // MARK: Containers

    public mutating func beginObject() {
        open(UInt8(ascii: "{"))
    }

    public mutating func endObject() {
        close(UInt8(ascii: "}"))
    }

    public mutating func beginArray() {
        open(UInt8(ascii: "["))
    }

    public mutating func endArray() {
        close(UInt8(ascii: "]"))
    }

    // MARK: Keys

    /// A member name known at compile time: plain ASCII that needs no escape.
    public mutating func key(_ name: StaticString) {
        let utf8 = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        #if DEBUG
        assert(utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") },
               "static keys are plain ASCII")
        checkOrder(Array(utf8))
        #endif
        reserve(utf8.count + 4)
        separator()
        store(UInt8(ascii: "\""))
        store(utf8)
        store(UInt8(ascii: "\""))
        store(UInt8(ascii: ":"))
        needsComma = false
    }

    /// A member name from data (a state code): escaped like any string. (Not an overload
    /// of `key(_:)`: a literal would pick the `String` one.)
    public mutating func dataKey(_ name: String) {
        #if DEBUG
        checkOrder(Array(name.utf8))
        #endif
        string(name)
        reserve(1)
        store(UInt8(ascii: ":"))
        needsComma = false
    }

    // MARK: Values

    /// A string, escaped as `JSONWriter` escapes it: `"`, `\` and control characters only.
    public mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            // Worst case: every byte becomes a six-byte \u00XX escape.
            reserve(utf8.count * 6 + 3)
            separator()
            store(UInt8(ascii: "\""))
            if JSONWriter.needsEscape(utf8) {
                for byte in utf8 { storeEscaped(byte) }
            } else {
                store(utf8)
            }
            store(UInt8(ascii: "\""))
        }
        needsComma = true
    }

    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    public mutating func int(_ value: UInt64) {
        reserve(21)
        separator()
        storeDecimal(value)
        needsComma = true
    }

    public mutating func int(_ value: Int64) {
        reserve(22)
        separator()
        if value < 0 { store(UInt8(ascii: "-")) }
        storeDecimal(value.magnitude)
        needsComma = true
    }

    public mutating func int(_ value: Int) { int(Int64(value)) }
    public mutating func int(_ value: UInt32) { int(UInt64(value)) }

    public mutating func bool(_ value: Bool) {
        reserve(6)
        separator()
        if value {
            store(UInt8(ascii: "t")); store(UInt8(ascii: "r")); store(UInt8(ascii: "u")); store(UInt8(ascii: "e"))
        } else {
            store(UInt8(ascii: "f")); store(UInt8(ascii: "a")); store(UInt8(ascii: "l")); store(UInt8(ascii: "s")); store(UInt8(ascii: "e"))
        }
        needsComma = true
    }

    public mutating func null() {
        reserve(5)
        separator()
        store(UInt8(ascii: "n")); store(UInt8(ascii: "u")); store(UInt8(ascii: "l")); store(UInt8(ascii: "l"))
        needsComma = true
    }

    /// `"YYYY-MM-DD"` (`BusinessDate.description`), or null.
    public mutating func date(_ value: BusinessDate?) {
        guard let value else { null(); return }
        let (year, month, day) = value.components
        // `description` pads with `String`; outside 0…9999 (no ledger date) keep its spelling.
        guard (0...9999).contains(year) else { string(value.description); return }
        reserve(13)
        separator()
        store(UInt8(ascii: "\""))
        storeDate(year: year, month: month, day: day)
        store(UInt8(ascii: "\""))
        needsComma = true
    }

    /// `"YYYY-MM-DDTHH:MM:SS.sssZ"` (`RecordedInstant.description`).
    public mutating func instant(_ value: RecordedInstant) {
        let day = value.date
        let (year, month, dayOfMonth) = day.components
        guard (0...9999).contains(year) else { string(value.description); return }
        let msOfDay = UInt64(value.millis - Int64(day.days) * 86_400_000)
        reserve(27)
        separator()
        store(UInt8(ascii: "\""))
        storeDate(year: year, month: month, day: dayOfMonth)
        store(UInt8(ascii: "T"))
        storePadded(msOfDay / 3_600_000, width: 2)
        store(UInt8(ascii: ":"))
        storePadded(msOfDay / 60_000 % 60, width: 2)
        store(UInt8(ascii: ":"))
        storePadded(msOfDay / 1000 % 60, width: 2)
        store(UInt8(ascii: "."))
        storePadded(msOfDay % 1000, width: 3)
        store(UInt8(ascii: "Z"))
        store(UInt8(ascii: "\""))
        needsComma = true
    }

    /// An amount as a string with exactly the scale's digits (`Money.formatted`), or null.
    public mutating func money(_ value: Money?) {
        guard let value else { null(); return }
        // 10^19 overflows UInt64: such scales never come from a currency; keep `formatted`.
        guard (0...18).contains(value.scale) else { string(value.formatted); return }
        reserve(44)
        separator()
        store(UInt8(ascii: "\""))
        if value.minorUnits < 0 { store(UInt8(ascii: "-")) }
        let magnitude = value.minorUnits.magnitude
        if value.scale == 0 {
            storeDecimal(magnitude)
        } else {
            var divisor: UInt64 = 1
            for _ in 0..<value.scale { divisor &*= 10 }
            storeDecimal(magnitude / divisor)
            store(UInt8(ascii: "."))
            storePadded(magnitude % divisor, width: value.scale)
        }
        store(UInt8(ascii: "\""))
        needsComma = true
    }

    /// An array of strings.
    public mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    // MARK: Storage

    private mutating func open(_ bracket: UInt8) {
        reserve(2)
        separator()
        store(bracket)
        needsComma = false
        #if DEBUG
        lastKeys.append(nil)
        #endif
    }

    private mutating func close(_ bracket: UInt8) {
        reserve(1)
        store(bracket)
        needsComma = true
        #if DEBUG
        lastKeys.removeLast()
        #endif
    }

    /// Makes room for `extra` more bytes; every `store` is covered by a `reserve` before it.
    private mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        let grown = max(capacity * 2, count + extra)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        larger.update(from: base, count: count)
        base.deallocate()
        base = larger
        capacity = grown
    }

    private mutating func separator() {
        if needsComma { store(UInt8(ascii: ",")) }
    }

    private mutating func store(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    private mutating func store(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// The same bytes as `JSONWriter.appendString` for one byte.
    private mutating func storeEscaped(_ byte: UInt8) {
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { store(byte); return }
        store(0x5C)
        switch byte {
        case UInt8(ascii: "\""): store(0x22)
        case UInt8(ascii: "\\"): store(0x5C)
        case 0x0A: store(UInt8(ascii: "n"))
        case 0x0D: store(UInt8(ascii: "r"))
        case 0x09: store(UInt8(ascii: "t"))
        case 0x08: store(UInt8(ascii: "b"))
        case 0x0C: store(UInt8(ascii: "f"))
        default:
            let hex: StaticString = "0123456789abcdef"
            store(UInt8(ascii: "u")); store(UInt8(ascii: "0")); store(UInt8(ascii: "0"))
            store(hex.utf8Start[Int(byte >> 4)])
            store(hex.utf8Start[Int(byte & 0xF)])
        }
    }

    /// `value` in decimal as `String(value)` spells it (at most 20 bytes).
    private mutating func storeDecimal(_ value: UInt64) {
        var width = 1
        var rest = value / 10
        while rest > 0 { width += 1; rest /= 10 }
        storePadded(value, width: width)
    }

    /// The lowest `width` decimal digits of `value`, zero-padded on the left.
    private mutating func storePadded(_ value: UInt64, width: Int) {
        var rest = value
        var index = count + width
        while index > count {
            index -= 1
            base[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        }
        count += width
    }

    private mutating func storeDate(year: Int, month: Int, day: Int) {
        storePadded(UInt64(year), width: 4)
        store(UInt8(ascii: "-"))
        storePadded(UInt64(month), width: 2)
        store(UInt8(ascii: "-"))
        storePadded(UInt64(day), width: 2)
    }

    #if DEBUG
    private mutating func checkOrder(_ key: [UInt8]) {
        guard let depth = lastKeys.indices.last else { return assertionFailure("a key outside an object") }
        if let previous = lastKeys[depth] {
            assert(previous.lexicographicallyPrecedes(key),
                   "canonical members ascend by key: \(String(decoding: key, as: UTF8.self)) after \(String(decoding: previous, as: UTF8.self))")
        }
        lastKeys[depth] = key
    }
    #endif
}
