import Foundation

/// A seeded generator of valid claim events for balance tests, with its own plain record of
/// what it generated, so the test's expected figures never come from the code under test.
struct ClaimScenario {
    struct Movement {
        let type: String
        let date: Date3
        let units: Int64      // amount (upheld for a resolution)
        let rejected: Int64
        let index: Int        // position in the event list (seq − 1 when appended to an empty store)
    }

    struct Claim {
        let id: String
        let creditor: String
        let debtor: String
        let currency: String
        let scale: Int
        let category: String
        let basis: String
        let amount: Int64
        let introduced: Date3
        let deadline: Date3?   // last day to introduce (Art 67(1)), computed here by hand
        let index: Int
        var movements: [Movement] = []
    }

    /// A date as plain integers; comparisons via `ordinal`.
    struct Date3: Comparable {
        let y: Int, m: Int, d: Int
        var ordinal: Int { y * 10_000 + m * 100 + d }
        var text: String { String(format: "%04d-%02d-%02d", y, m, d) }
        static func < (a: Date3, b: Date3) -> Bool { a.ordinal < b.ordinal }
        static func lastDay(_ y: Int, _ m: Int) -> Date3 {
            let days = [31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
            return Date3(y: y, m: m, d: days)
        }
        /// Last day of the month `n` months after this date's month.
        func endOfMonth(plus n: Int) -> Date3 {
            let total = y * 12 + (m - 1) + n
            return .lastDay(total / 12, total % 12 + 1)
        }
    }

    var lines: [String] = []
    var claims: [Claim] = []
    private var rng: UInt64

    init(seed: UInt64, claims count: Int, years: ClosedRange<Int>) {
        rng = seed
        let partners: [(String, String, Int)] = [("DE", "EUR", 2), ("IT", "EUR", 2), ("CH", "CHF", 2), ("GB", "GBP", 2), ("TN", "TND", 3), ("PF", "XPF", 0), ("MA", "MAD", 2), ("ES", "EUR", 2)]
        let categories = ["urgent", "planned", "residence", "accident", "unemployment", "admin"]
        for number in 0..<count {
            let (partner, currency, scale) = partners[next(partners.count)]
            let homeIsCreditor = next(2) == 0
            let year = years.lowerBound + next(years.count)
            let half = 1 + next(2)
            // Introduced 0-17 months after the half-year ends: some late (time-barred after 12).
            let halfEnd = Date3(y: year, m: half == 1 ? 6 : 12, d: half == 1 ? 30 : 31)
            let lag = next(10) == 0 ? 13 + next(5) : next(12)
            var introduced = halfEnd.endOfMonth(plus: lag)
            introduced = Date3(y: introduced.y, m: introduced.m, d: 1 + next(28))
            // Edges: exactly on the deadline and the day after it.
            if number % 17 == 0 { introduced = halfEnd.endOfMonth(plus: 12) }
            if number % 19 == 0 { let deadline = halfEnd.endOfMonth(plus: 12); introduced = Date3(y: deadline.m == 12 ? deadline.y + 1 : deadline.y, m: deadline.m == 12 ? 1 : deadline.m + 1, d: 1) }
            let amount = Int64(1 + next(5_000_000))
            var claim = Claim(id: "S-\(number)", creditor: homeIsCreditor ? "FR" : partner, debtor: homeIsCreditor ? partner : "FR",
                              currency: currency, scale: scale, category: categories[next(categories.count)], basis: "actual",
                              amount: amount, introduced: introduced, deadline: halfEnd.endOfMonth(plus: 12), index: lines.count)
            lines.append(line("i-\(number)", "ClaimIntroduced", introduced,
                              "\"claim\":\"S-\(number)\",\"creditor\":\"\(claim.creditor)\",\"debtor\":\"\(claim.debtor)\",\"basis\":\"actual\",\"category\":\"\(claim.category)\",\"period\":\"\(year)-H\(half)\",\"amount\":\"\(money(amount, scale))\",\"currency\":\"\(currency)\""))
            var outstanding = amount, contested: Int64 = 0
            var date = introduced
            for step in 0..<(next(5)) {
                date = date.endOfMonth(plus: 1 + next(8))
                date = Date3(y: date.y, m: date.m, d: 1 + next(28))
                let id = "m-\(number)-\(step)"
                switch next(6) {
                case 0 where outstanding - contested > 1:
                    let units = 1 + Int64(next(Int(outstanding - contested)))
                    contested += units
                    claim.movements.append(Movement(type: "ClaimContested", date: date, units: units, rejected: 0, index: lines.count))
                    lines.append(line(id, "ClaimContested", date, "\"claim\":\"S-\(number)\",\"amount\":\"\(money(units, scale))\",\"reason\":\"disputed\""))
                case 1 where contested > 1:
                    let upheld = min(Int64(next(Int(contested))), outstanding), rejected = contested - upheld
                    contested = 0
                    outstanding -= upheld
                    claim.movements.append(Movement(type: "ContestationResolved", date: date, units: upheld, rejected: rejected, index: lines.count))
                    lines.append(line(id, "ContestationResolved", date, "\"claim\":\"S-\(number)\",\"upheld\":\"\(money(upheld, scale))\",\"rejected\":\"\(money(rejected, scale))\""))
                case 2 where outstanding - contested > 1:
                    let units = 1 + Int64(next(Int(outstanding - contested)))
                    outstanding -= units
                    claim.movements.append(Movement(type: "CreditNoteIssued", date: date, units: units, rejected: 0, index: lines.count))
                    lines.append(line(id, "CreditNoteIssued", date, "\"claim\":\"S-\(number)\",\"amount\":\"\(money(units, scale))\",\"reason\":\"tariff\""))
                case let choice where (choice == 3 || choice == 4) && outstanding > 0:
                    let units = next(3) == 0 ? outstanding : 1 + Int64(next(Int(outstanding)))
                    outstanding -= units
                    contested = min(contested, outstanding)
                    claim.movements.append(Movement(type: "PaymentRecorded", date: date, units: units, rejected: 0, index: lines.count))
                    lines.append(line(id, "PaymentRecorded", date, "\"claim\":\"S-\(number)\",\"amount\":\"\(money(units, scale))\",\"currency\":\"\(currency)\",\"kind\":\"\(next(2) == 0 ? "advance" : "payment")\""))
                case 5 where outstanding > 0 && step == 3:
                    claim.movements.append(Movement(type: "ClaimWithdrawn", date: date, units: outstanding, rejected: 0, index: lines.count))
                    lines.append(line(id, "ClaimWithdrawn", date, "\"claim\":\"S-\(number)\",\"reason\":\"waived\""))
                    outstanding = 0
                default:
                    break
                }
                if claim.movements.last?.type == "ClaimWithdrawn" { break }
            }
            claims.append(claim)
        }
    }

    private mutating func next(_ bound: Int) -> Int {
        // SplitMix64, written out here so the test owns its randomness.
        rng &+= 0x9E37_79B9_7F4A_7C15
        var z = rng
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }

    private func line(_ id: String, _ type: String, _ date: Date3, _ data: String) -> String {
        "{\"id\":\"\(id)\",\"type\":\"\(type)\",\"occurred\":\"\(date.text)\",\"actor\":\"connector:test\",\"data\":{\(data)}}"
    }

    func money(_ units: Int64, _ scale: Int) -> String {
        guard scale > 0 else { return String(units) }
        var divisor: Int64 = 1
        for _ in 0..<scale { divisor *= 10 }
        let fraction = String(units % divisor)
        return "\(units / divisor)." + String(repeating: "0", count: scale - fraction.count) + fraction
    }
}
