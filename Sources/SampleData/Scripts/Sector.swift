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
