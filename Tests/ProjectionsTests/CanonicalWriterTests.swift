import Testing
@testable import Ledger
@testable import Projections

/// `CanonicalWriter` writes numbers, dates, instants, amounts and strings with its own
/// byte-level code: each must spell exactly what `description`, `formatted` and
/// `JSONWriter` spell, or the stored items (and every digest) would change.
struct CanonicalWriterTests {
    static func written(_ body: (inout CanonicalWriter) -> Void) -> String {
        var writer = CanonicalWriter(capacity: 1)
        writer.beginArray()
        body(&writer)
        writer.endArray()
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    static func reference(_ body: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter()
        writer.beginArray()
        body(&writer)
        writer.endArray()
        return writer.text
    }

    // MARK: Values

    @Test(arguments: [Int64.min, -1_000_000_007, -10, -9, -1, 0, 1, 9, 10, 99, 100, 1_234_567_890_123, Int64.max])
    func integersAreSpelledAsStringSpellsThem(_ value: Int64) {
        #expect(Self.written { $0.int(value) } == "[\(value)]")
        #expect(Self.written { $0.int(value.magnitude) } == "[\(value.magnitude)]")
    }

    @Test func datesAreSpelledAsDescription() {
        // Every day from 0001-01-01 well past the ledger's years, in steps that hit every month and day.
        let first = BusinessDate(year: 1, month: 1, day: 1)!.days
        let last = BusinessDate(year: 9999, month: 12, day: 31)!.days
        for days in stride(from: first, through: last, by: 37) + [first, last, 0, -1] {
            let date = BusinessDate(days: days)
            #expect(Self.written { $0.date(date) } == "[\"\(date.description)\"]")
        }
        // Outside 0…9999 the description's own spelling is kept.
        for days in [Int32.min / 2, last + 1, last + 500_000] {
            let date = BusinessDate(days: days)
            #expect(Self.written { $0.date(date) } == Self.reference { $0.string(date.description) })
        }
        #expect(Self.written { $0.date(nil) } == "[null]")
    }

    @Test(arguments: [Int64(0), 1, 999, 86_399_999, 86_400_000, 1_764_220_421_586, 253_402_300_799_999, -1, -86_400_001, -62_135_596_800_000])
    func instantsAreSpelledAsDescription(_ millis: Int64) {
        let instant = RecordedInstant(millis: millis)
        #expect(Self.written { $0.instant(instant) } == "[\"\(instant.description)\"]")
    }

    @Test func amountsAreSpelledAsFormatted() {
        for scale in [0, 1, 2, 3, 18, 19] {
            for units: Int64 in [0, 1, 9, 10, 99, 100, 101, 1_250_40, 1_000_000_000_000_000, -1, -100, -1_234_567, Int64.max, Int64.min + 1] {
                let money = Money(minorUnits: units, scale: scale)
                #expect(Self.written { $0.money(money) } == "[\"\(money.formatted)\"]", "\(units) at scale \(scale)")
            }
        }
        #expect(Self.written { $0.money(nil) } == "[null]")
    }

    @Test(arguments: ["", "plain", "a fairly long ASCII string over sixteen bytes", "quote \" inside", "back\\slash",
                      "\u{0}\u{1}\u{8}\u{9}\u{A}\u{C}\u{D}\u{1F}", "tab\tat eight\t", "é€😀 unicode", "\u{7F} delete", "1234567\"", "12345678\\"])
    func stringsAreEscapedAsJSONWriterEscapesThem(_ text: String) {
        #expect(Self.written { $0.string(text) } == Self.reference { $0.string(text) })
    }

    // MARK: Structure

    @Test func membersAndItemsAreSeparatedByCommas() {
        var writer = CanonicalWriter(capacity: 1)
        writer.beginObject()
        writer.key("a"); writer.strings(["x", "y"])
        writer.key("b"); writer.beginObject(); writer.dataKey("DE"); writer.int(3); writer.dataKey("FR"); writer.int(4); writer.endObject()
        writer.key("c"); writer.beginArray(); writer.beginObject(); writer.endObject(); writer.beginArray(); writer.endArray(); writer.endArray()
        writer.key("d"); writer.bool(true)
        writer.key("e"); writer.bool(false)
        writer.key("f"); writer.null()
        writer.key("g"); writer.string(nil as String?)
        writer.endObject()
        #expect(String(decoding: writer.bytes, as: UTF8.self)
                == #"{"a":["x","y"],"b":{"DE":3,"FR":4},"c":[{},[]],"d":true,"e":false,"f":null,"g":null}"#)
    }
}
