/// An ISO 4217 currency from the ledger's fixed table, with its minor digits.
///
/// The table is fixed on purpose: the number of minor digits decides how an amount
/// is stored, so a currency may never change its digits once the ledger holds it.
public struct Currency: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let code: String
    public let minorDigits: Int

    public init?(_ code: String) {
        guard let digits = Currency.table[code] else { return nil }
        self.code = code
        self.minorDigits = digits
    }

    public var description: String { code }
    public static func < (lhs: Currency, rhs: Currency) -> Bool { lhs.code < rhs.code }

    /// Code → minor digits (ISO 4217). Covers the currencies of every partner state.
    public static let table: [String: Int] = [
        "EUR": 2, "CHF": 2, "GBP": 2, "USD": 2, "CAD": 2, "JPY": 0, "KRW": 0, "TND": 3,
        "XPF": 0, "XOF": 0, "XAF": 0, "DZD": 2, "MAD": 2, "SEK": 2, "DKK": 2, "NOK": 2,
        "ISK": 0, "PLN": 2, "CZK": 2, "HUF": 2, "RON": 2, "BGN": 2, "BRL": 2, "ARS": 2,
        "CLP": 0, "UYU": 2, "INR": 2, "ILS": 2, "TRY": 2, "RSD": 2, "MKD": 2, "BAM": 2,
        "MGA": 2, "MRU": 2, "PHP": 2, "CVE": 2,
    ]
}
