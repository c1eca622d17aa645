/// The instant the ledger stored an event, in integer milliseconds since the Unix epoch (UTC).
///
/// Written and read as `YYYY-MM-DDTHH:MM:SS.sssZ` (SPEC §2): exactly that shape,
/// so two spellings of one instant can never give two hashes.
public struct RecordedInstant: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let millis: Int64

    public init(millis: Int64) { self.millis = millis }

    public init?(_ text: String) {
        let b = Array(text.utf8)
        guard b.count == 24, b[10] == UInt8(ascii: "T"), b[13] == UInt8(ascii: ":"),
              b[16] == UInt8(ascii: ":"), b[19] == UInt8(ascii: "."), b[23] == UInt8(ascii: "Z"),
              let date = BusinessDate(String(decoding: b[0..<10], as: UTF8.self)),
              let hour = BusinessDate.digits(b, 11, 2), hour < 24,
              let minute = BusinessDate.digits(b, 14, 2), minute < 60,
              let second = BusinessDate.digits(b, 17, 2), second < 60,
              let milli = BusinessDate.digits(b, 20, 3) else { return nil }
        let secondsOfDay = Int64(hour * 3600 + minute * 60 + second)
        self.millis = (Int64(date.days) * 86_400 + secondsOfDay) * 1000 + Int64(milli)
    }

    public var date: BusinessDate {
        BusinessDate(days: Int32((millis >= 0 ? millis : millis - 86_399_999) / 86_400_000))
    }

    public var description: String {
        let day = date
        let msOfDay = Int(millis - Int64(day.days) * 86_400_000)
        let hour = msOfDay / 3_600_000, minute = msOfDay / 60_000 % 60
        let second = msOfDay / 1000 % 60, milli = msOfDay % 1000
        return day.description + "T" + BusinessDate.pad(hour, 2) + ":" + BusinessDate.pad(minute, 2) + ":"
            + BusinessDate.pad(second, 2) + "." + BusinessDate.pad(milli, 3) + "Z"
    }

    public static func < (lhs: RecordedInstant, rhs: RecordedInstant) -> Bool { lhs.millis < rhs.millis }
}
