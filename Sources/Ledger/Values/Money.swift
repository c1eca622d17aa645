/// An amount in integer minor units at a fixed scale (the currency's minor digits).
///
/// Never a `Double` or `Decimal`: every figure the ledger stores, sums or prints is
/// an integer count of cents (or millimes, or yen), so sums are exact and
/// deterministic on every machine.
public struct Money: Sendable, Hashable, Comparable {
    public var minorUnits: Int64
    public var scale: Int

    public init(minorUnits: Int64, scale: Int) {
        self.minorUnits = minorUnits
        self.scale = scale
    }

    /// At most 10^15 minor units (SPEC §2), so sums of millions of amounts stay far
    /// from `Int64.max` (9.2 × 10^18).
    public static let maxMinorUnits: Int64 = 1_000_000_000_000_000

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.minorUnits < rhs.minorUnits }

    /// Parses `^(0|[1-9][0-9]*)(\.[0-9]+)?$` with at most `scale` fraction digits.
    /// Returns a reason on failure so the caller can name the field.
    public static func parse(_ text: String, scale: Int, allowZero: Bool = false) -> Result<Money, AmountError> {
        var utf8 = Array(text.utf8)
        guard !utf8.isEmpty else { return .failure(.syntax) }
        var intPart: [UInt8] = []
        var fracPart: [UInt8] = []
        var seenDot = false
        for byte in utf8 {
            if byte == UInt8(ascii: ".") {
                if seenDot { return .failure(.syntax) }
                seenDot = true
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                if seenDot { fracPart.append(byte) } else { intPart.append(byte) }
            } else {
                return .failure(.syntax)
            }
        }
        utf8 = []
        if intPart.isEmpty || (seenDot && fracPart.isEmpty) { return .failure(.syntax) }
        if intPart.count > 1 && intPart[0] == UInt8(ascii: "0") { return .failure(.syntax) }
        if fracPart.count > scale { return .failure(.tooManyDecimals(scale)) }
        // 10^15 minor units has at most 16 digits: anything longer overflows the limit.
        if intPart.count + scale > 16 { return .failure(.tooLarge) }
        var value: Int64 = 0
        for byte in intPart { value = value * 10 + Int64(byte - UInt8(ascii: "0")) }
        for index in 0..<scale {
            let digit = index < fracPart.count ? Int64(fracPart[index] - UInt8(ascii: "0")) : 0
            value = value * 10 + digit
        }
        if value > maxMinorUnits { return .failure(.tooLarge) }
        if value == 0 && !allowZero { return .failure(.notPositive) }
        return .success(Money(minorUnits: value, scale: scale))
    }

    /// The amount with exactly `scale` fraction digits, e.g. `1250.40`, `125000`, `-3.125`.
    public var formatted: String {
        let negative = minorUnits < 0
        let magnitude = minorUnits.magnitude
        var digits = String(magnitude)
        if scale > 0 {
            if digits.count <= scale {
                digits = String(repeating: "0", count: scale - digits.count + 1) + digits
            }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
        }
        return negative ? "-" + digits : digits
    }

    /// Like `formatted`, with thin grouping for people: `1,250,000.40`.
    public var grouped: String {
        let plain = formatted
        let negative = plain.hasPrefix("-")
        let body = negative ? String(plain.dropFirst()) : plain
        let parts = body.split(separator: ".", maxSplits: 1).map(String.init)
        var intDigits = Array(parts[0])
        var out: [Character] = []
        while intDigits.count > 3 {
            out = [","] + Array(intDigits.suffix(3)) + out
            intDigits.removeLast(3)
        }
        out = intDigits + out
        var result = String(out)
        if parts.count > 1 { result += "." + parts[1] }
        return negative ? "-" + result : result
    }
}

public enum AmountError: Error, Sendable, Equatable {
    case syntax
    case tooManyDecimals(Int)
    case tooLarge
    case notPositive

    public var reason: String {
        switch self {
        case .syntax: return "is not a decimal string like \"1250.40\" (digits, an optional dot and decimals, no sign, no leading zeros)"
        case .tooManyDecimals(let scale): return "has more than the currency's \(scale) decimal digit\(scale == 1 ? "" : "s")"
        case .tooLarge: return "exceeds 10^15 minor units"
        case .notPositive: return "must be greater than zero"
        }
    }
}
