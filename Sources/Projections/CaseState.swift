import Ledger

/// One case as the `cases` projection holds it (SPEC §6 `case show`).
public struct CaseState: Sendable, Equatable {
    public struct Determination: Sendable, Equatable {
        public var id: String
        public var seq: UInt64
        public var state: String
        public var article: String
        public var from: BusinessDate
        public var to: BusinessDate?
        public var provisional: Bool
    }

    public struct Period: Sendable, Equatable {
        public var id: String
        public var seq: UInt64
        public var state: String
        public var kind: String
        public var from: BusinessDate
        public var to: BusinessDate
        public var compulsory: Bool
        public var equivalent: Bool
        public var withdrawn: Bool
        public var withdrawnReason: String?
    }

    public struct Document: Sendable, Equatable {
        public var documentId: String
        public var document: String
        /// `in` (received) or `out` (sent).
        public var direction: String
        /// The sender (in) or the addressee (out).
        public var state: String
        public var institution: String
        public var replyTo: String?
        public var occurred: BusinessDate
        public var seq: UInt64
        public var replies: [String]
    }

    public struct Benefit: Sendable, Equatable {
        public var id: String
        public var benefit: String
        public var state: String
        public var from: BusinessDate
        public var to: BusinessDate?
        public var amount: Money?
        public var currency: String?
        public var frequency: String?
        public var endedOn: BusinessDate?
        public var endReason: String?
    }

    public var caseID: String
    public var closed: Bool
    public var framework: String
    public var sector: String
    public var counterparty: String
    public var person: String
    public var buc: String?
    public var version: UInt32
    public var opened: BusinessDate
    public var closedOn: BusinessDate?
    public var lastSeq: UInt64
    public var determinations: [Determination]
    public var periods: [Period]
    public var documents: [Document]
    public var benefits: [Benefit]
    public var claims: [String]

    /// Current legislation: final determinations, and provisional ones that no final
    /// determination overlaps (a final one supersedes the provisional ones it overlaps).
    public var currentLegislation: [Determination] {
        let finals = determinations.filter { !$0.provisional }
        return determinations.filter { determination in
            guard determination.provisional else { return true }
            return !finals.contains { Self.overlaps($0.from, $0.to, determination.from, determination.to) }
        }
    }

    static func overlaps(_ aFrom: BusinessDate, _ aTo: BusinessDate?, _ bFrom: BusinessDate, _ bTo: BusinessDate?) -> Bool {
        let aEnd = aTo ?? BusinessDate(days: Int32.max), bEnd = bTo ?? BusinessDate(days: Int32.max)
        return aFrom <= bEnd && bFrom <= aEnd
    }

    /// Art 6 aggregation: calendar days covered, `to` inclusive, withdrawn periods left
    /// out, each day counted once per state and once over all states.
    public var periodDays: (byState: [(state: String, days: Int)], total: Int) {
        let live = periods.filter { !$0.withdrawn }
        let states = Array(Set(live.map(\.state))).sorted()
        let byState = states.map { state in (state, Self.coveredDays(live.filter { $0.state == state })) }
        return (byState, Self.coveredDays(live))
    }

    static func coveredDays(_ periods: [Period]) -> Int {
        let intervals = periods.map { (Int($0.from.days), Int($0.to.days)) }.sorted { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        var total = 0
        var current: (start: Int, end: Int)?
        for (start, end) in intervals {
            if let open = current, start <= open.end + 1 {
                current = (open.start, max(open.end, end))
            } else {
                if let open = current { total += open.end - open.start + 1 }
                current = (start, end)
            }
        }
        if let open = current { total += open.end - open.start + 1 }
        return total
    }
}
