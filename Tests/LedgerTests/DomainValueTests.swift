import Foundation
import Testing
@testable import Ledger

struct DomainValueTests {
    // MARK: - Dates, checked against Foundation's Gregorian calendar (an independent implementation)

    @Test func businessDatesMatchFoundationsCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let epoch = Date(timeIntervalSince1970: 0)
        for days in stride(from: -30_000, through: 60_000, by: 37) {
            let date = BusinessDate(days: Int32(days))
            let reference = calendar.dateComponents([.year, .month, .day], from: epoch.addingTimeInterval(Double(days) * 86_400))
            #expect(date.components.year == reference.year && date.components.month == reference.month && date.components.day == reference.day)
            #expect(BusinessDate(date.description) == date)
        }
    }

    @Test(arguments: ["2023-02-29", "2024-13-01", "2024-04-31", "2024-1-01", "24-01-01", "2024-01-01T00", ""])
    func invalidDatesAreRefused(_ text: String) {
        #expect(BusinessDate(text) == nil)
    }

    @Test func leapDayAndMonthArithmetic() throws {
        #expect(BusinessDate("2024-02-29") != nil)
        let start = try #require(BusinessDate("2024-01-31"))
        #expect(start.adding(months: 1).description == "2024-02-29")
        #expect(start.adding(months: 24).description == "2026-01-31")
        #expect(try #require(BusinessDate("2025-03-14")).endOfMonth(monthsLater: 18).description == "2026-09-30")
    }

    @Test func recordedInstantsRoundTripAndMatchFoundation() throws {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        for millis: Int64 in [0, 1_700_000_000_123, 1_735_689_599_999, 951_782_400_000] {
            let instant = RecordedInstant(millis: millis)
            #expect(RecordedInstant(instant.description) == instant)
            let reference = formatter.string(from: Date(timeIntervalSince1970: Double(millis) / 1000))
            #expect(instant.description == reference)
        }
        #expect(RecordedInstant("2025-03-14T10:00:00Z") == nil, "milliseconds are required")
    }

    // MARK: - Money

    @Test(arguments: [
        ("1250.40", 2, Int64(125_040)), ("1250.4", 2, 125_040), ("1250", 2, 125_000), ("0.001", 3, 1),
        ("125000", 0, 125_000), ("10000000000000.00", 2, 1_000_000_000_000_000),
    ])
    func amountsBecomeMinorUnits(_ text: String, _ scale: Int, _ units: Int64) {
        #expect(Money.parse(text, scale: scale) == .success(Money(minorUnits: units, scale: scale)))
    }

    @Test(arguments: [
        ("1.234", 2, AmountError.tooManyDecimals(2)), ("1.5", 0, .tooManyDecimals(0)), ("01.00", 2, .syntax),
        ("-1.00", 2, .syntax), ("1e3", 2, .syntax), ("1.", 2, .syntax), (".5", 2, .syntax), ("0", 2, .notPositive),
        ("0.00", 2, .notPositive), ("10000000000000.01", 2, .tooLarge), ("", 2, .syntax), ("1 000", 2, .syntax),
    ])
    func badAmountsAreRefused(_ text: String, _ scale: Int, _ error: AmountError) {
        #expect(Money.parse(text, scale: scale) == .failure(error))
    }

    @Test func amountsAreWrittenWithTheCurrencysDigits() {
        #expect(Money(minorUnits: 125_040, scale: 2).formatted == "1250.40")
        #expect(Money(minorUnits: 5, scale: 3).formatted == "0.005")
        #expect(Money(minorUnits: 125_000, scale: 0).formatted == "125000")
        #expect(Money(minorUnits: -123_456_789, scale: 2).grouped == "-1,234,567.89")
    }

    @Test func statesHaveTheirZones() throws {
        #expect(try #require(StateCode("DE")).zone == .eu)
        #expect(try #require(StateCode("CH")).zone == .eu)
        #expect(try #require(StateCode("GB")).zone == .eu)
        #expect(try #require(StateCode("TN")).zone == .nonEU)
        #expect(try #require(StateCode("PF")).zone == .nonEU)
        #expect(StateCode("ZZ") == nil)
        #expect(StateCode("de") == nil)
        #expect(StateCode.eu27.count == 27)
    }

    // MARK: - JSON

    @Test func parserKeepsNumbersAsTextAndRefusesDuplicates() throws {
        let value = try JSONParser.parse("{\"a\":1.50,\"b\":[true,null,\"\\u00e9\\n\"]}")
        #expect(value["a"] == .number("1.50"))
        #expect(value["b"] == .array([.bool(true), .null, .string("é\n")]))
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse("{\"a\":1,\"a\":2}") }
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(String(repeating: "[", count: 40) + String(repeating: "]", count: 40)) }
    }
}
