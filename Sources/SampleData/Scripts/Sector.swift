/// The sectors of a case (SPEC §2), with the letter used in case ids.
enum Sector: Int, CaseIterable, Sendable {
    case legislation, sickness, pension, unemployment, family, accident, recovery, horizontal

    var name: String {
        switch self {
        case .legislation: "legislation"
        case .sickness: "sickness"
        case .pension: "pension"
        case .unemployment: "unemployment"
        case .family: "family"
        case .accident: "accident"
        case .recovery: "recovery"
        case .horizontal: "horizontal"
        }
    }

    var letter: String {
        switch self {
        case .legislation: "L"
        case .sickness: "S"
        case .pension: "P"
        case .unemployment: "U"
        case .family: "F"
        case .accident: "A"
        case .recovery: "R"
        case .horizontal: "H"
        }
    }

    /// How often each sector opens a case at a liaison body, in per-mille.
    static let weights = WeightedTable<Sector>([
        (.legislation, 220), (.sickness, 200), (.pension, 230), (.unemployment, 70),
        (.family, 70), (.accident, 40), (.recovery, 130), (.horizontal, 40),
    ])

    /// BUCs of EESSI that open a case of this sector.
    var bucs: [String] {
        switch self {
        case .legislation: ["LA_BUC_01", "LA_BUC_02", "LA_BUC_04"]
        case .sickness: ["S_BUC_02", "S_BUC_03", "S_BUC_19"]
        case .pension: ["P_BUC_01", "P_BUC_02", "P_BUC_03"]
        case .unemployment: ["U_BUC_01", "U_BUC_02"]
        case .family: ["FB_BUC_01"]
        case .accident: ["AW_BUC_01", "AW_BUC_06"]
        case .recovery: ["R_BUC_01", "S_BUC_24"]
        case .horizontal: ["H_BUC_01", "H_BUC_07"]
        }
    }
}

/// The legal framework of a case.
enum CaseFramework: Sendable {
    case eu883
    case bilateral(String)
    case decree(String)

    var isEU883: Bool {
        if case .eu883 = self { return true }
        return false
    }
}

/// Where the home state's own events come from, per sector: a channel for event ids
/// and the connector that submits them.
struct HomeSource: Sendable {
    let channel: String
    let actor: String

    static func of(_ sector: Sector, homeIsFrance: Bool) -> HomeSource {
        guard homeIsFrance else {
            return HomeSource(channel: "national", actor: "connector:national-\(sector.name)")
        }
        switch sector {
        case .legislation: return HomeSource(channel: "urssaf", actor: "connector:urssaf")
        case .sickness, .accident: return HomeSource(channel: "cpam", actor: "connector:cpam")
        case .pension: return HomeSource(channel: "cnav", actor: "connector:cnav")
        case .unemployment: return HomeSource(channel: "francetravail", actor: "connector:france-travail")
        case .family: return HomeSource(channel: "caf", actor: "connector:cnaf")
        case .recovery, .horizontal: return HomeSource(channel: "cleiss", actor: "connector:cleiss-compta")
        }
    }
}

/// A case that a claim may link to: opened earlier in the output and never closed.
struct LinkableCase: Sendable {
    let caseId: String
    let counterparty: String
    let openedDay: Int
}

/// The last few linkable cases, overwritten in a fixed order (bounded memory).
struct LinkableRing {
    private(set) var entries: [LinkableCase] = []
    private var next = 0
    let capacity = 512

    mutating func add(_ entry: LinkableCase) {
        if entries.count < capacity {
            entries.append(entry)
        } else {
            entries[next] = entry
            next = (next + 1) % capacity
        }
    }
}
