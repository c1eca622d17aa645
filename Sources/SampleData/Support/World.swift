/// The geography the generator draws from: the coordination partners of SPEC §2, how
/// often each one shows up in a French liaison body's work, their currencies and
/// institutions. Built once per generator; every table is an array in a fixed order.
final class World: Sendable {
    let home: String
    let homeIsFrance: Bool
    /// Zone EU states other than home, weighted by how much they exchange with home.
    let euPartners: WeightedTable<String>
    let bilateralPartners: WeightedTable<String>
    let decreePartners: WeightedTable<String>
    /// Partners of reimbursement claims: mostly zone EU, then conventions and decrees.
    let claimPartners: WeightedTable<String>
    let currencies: [String: Money]
    let institutions: [String: [[String]]]
    /// Per non-EU partner, the convention's form codes `SE_<n>_01` … `SE_<n>_20`.
    let formCodes: [String: [String]]
    /// `user:agent-0001` … : the back-office processors who key in paper forms and decisions.
    let agents: [String]
    /// Per sector (by raw value), where the home state's own events come from.
    let homeSources: [HomeSource]

    static let eu27 = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "IE", "IT",
        "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "HU",
    ]
    static let euZoneOthers = ["IS", "LI", "NO", "CH", "GB"]
    static let bilateral = [
        "DZ", "AD", "AR", "BJ", "BA", "BR", "CM", "CA", "CV", "CL", "CG", "KR", "CI", "US",
        "GA", "GG", "IN", "IL", "JP", "JE", "XK", "MK", "MG", "ML", "MA", "MR", "MC", "ME",
        "NE", "PH", "SM", "SN", "RS", "TG", "TN", "TR", "UY",
    ]
    static let decree = ["PF", "NC", "PM"]
    /// The states of Annex 3 of 987/2009, which claim on fixed amounts.
    static let annex3 = ["IE", "ES", "IT", "MT", "NL", "PT", "FI", "SE", "GB"]

    static var allStates: [String] { eu27 + euZoneOthers + bilateral + decree }
    static func isEUZone(_ state: String) -> Bool { eu27.contains(state) || euZoneOthers.contains(state) }
    static func isAnnex3(_ state: String) -> Bool { annex3.contains(state) }

    init(home: String) {
        precondition(World.allStates.contains(home), "home \(home) is not a coordination partner state")
        self.home = home
        self.homeIsFrance = home == "FR"

        // France's busiest partners first; every other state still appears now and then.
        let euWeights: [String: Int] = [
            "DE": 150, "BE": 130, "ES": 110, "IT": 90, "PT": 90, "GB": 80, "CH": 85, "LU": 75,
            "NL": 30, "PL": 30, "RO": 30, "IE": 12, "AT": 12, "FR": 120, "SE": 10, "GR": 10,
        ]
        let bilateralWeights: [String: Int] = [
            "DZ": 60, "MA": 50, "TN": 45, "US": 25, "CA": 18, "JP": 10, "KR": 8, "SN": 12,
            "CI": 8, "TR": 10, "MC": 12, "AD": 8, "CM": 6, "BR": 6, "IL": 6, "RS": 5,
        ]
        let decreeWeights: [String: Int] = ["PF": 40, "NC": 40, "PM": 12]

        let euStates = (World.eu27 + World.euZoneOthers).filter { $0 != home }
        euPartners = WeightedTable(euStates.map { ($0, euWeights[$0] ?? 4) })
        bilateralPartners = WeightedTable(World.bilateral.filter { $0 != home }.map { ($0, bilateralWeights[$0] ?? 2) })
        decreePartners = WeightedTable(World.decree.filter { $0 != home }.map { ($0, decreeWeights[$0] ?? 10) })

        var claimEntries: [(String, Int)] = []
        for state in euStates { claimEntries.append((state, 4 * (euWeights[state] ?? 4))) }
        for state in World.bilateral where state != home { claimEntries.append((state, bilateralWeights[state] ?? 2)) }
        for state in World.decree where state != home { claimEntries.append((state, decreeWeights[state] ?? 10)) }
        claimPartners = WeightedTable(claimEntries)

        var currencies: [String: Money] = [:]
        var institutions: [String: [[String]]] = [:]
        var formCodes: [String: [String]] = [:]
        for (position, state) in World.allStates.enumerated() {
            currencies[state] = Money.of(state: state)
            institutions[state] = World.institutionNames(state)
            if !World.isEUZone(state) {
                let convention = 300 + position
                formCodes[state] = (1...20).map { form in
                    "SE_\(convention)_\(form < 10 ? "0" : "")\(form)"
                }
            }
        }
        self.currencies = currencies
        self.institutions = institutions
        self.formCodes = formCodes
        self.agents = (1...64).map { number in
            "user:agent-" + String(repeating: "0", count: 4 - String(number * 7).count) + String(number * 7)
        }
        let homeIsFrance = self.homeIsFrance
        self.homeSources = Sector.allCases.map { HomeSource.of($0, homeIsFrance: homeIsFrance) }
    }

    func money(_ state: String) -> Money { currencies[state]! }

    /// The kind of institution a sector deals with.
    enum Role: Int, CaseIterable {
        case contributions, health, pensions, unemployment, family

        init(_ sector: Sector) {
            switch sector {
            case .legislation, .horizontal: self = .contributions
            case .sickness, .accident, .recovery: self = .health
            case .pension: self = .pensions
            case .unemployment: self = .unemployment
            case .family: self = .family
            }
        }
    }

    func institution(_ state: String, _ role: Role, _ rng: inout SplitMix64) -> String {
        rng.pick(institutions[state]![role.rawValue])
    }

    /// Institutions per state and role (in `Role` order); generic names where the
    /// generator knows no real one.
    private static func institutionNames(_ state: String) -> [[String]] {
        let known: [[String]]? = switch state {
        case "FR": [["URSSAF", "Cleiss"], ["CPAM de Paris", "CNAM", "CPAM du Nord"], ["CNAV", "CARSAT Rhone-Alpes", "MSA"], ["France Travail"], ["CNAF", "CAF de Paris"]]
        case "DE": [["GKV-Spitzenverband DVKA"], ["GKV-Spitzenverband DVKA", "AOK Bayern", "Techniker Krankenkasse"], ["DRV Bund", "DRV Baden-Wuerttemberg"], ["Bundesagentur fuer Arbeit"], ["Familienkasse"]]
        case "BE": [["ONSS"], ["INAMI", "Mutualite chretienne"], ["Service federal des Pensions"], ["ONEM"], ["FAMIWAL", "Kids Life"]]
        case "ES": [["TGSS"], ["INSS", "ISM Madrid"], ["INSS"], ["SEPE"], ["INSS"]]
        case "IT": [["INPS"], ["Ministero della Salute", "ASL Roma 1"], ["INPS"], ["INPS"], ["INPS"]]
        case "PT": [["Instituto da Seguranca Social"], ["ACSS"], ["Centro Nacional de Pensoes"], ["Instituto do Emprego"], ["Instituto da Seguranca Social"]]
        case "GB": [["HMRC National Insurance"], ["NHS Business Services Authority"], ["DWP International Pension Centre"], ["DWP"], ["HMRC Child Benefit"]]
        case "CH": [["Caisse suisse de compensation"], ["Institution commune LAMal", "Suva"], ["Caisse suisse de compensation"], ["SECO"], ["Caisse de compensation AVS"]]
        case "LU": [["CCSS"], ["CNS", "AAA"], ["CNAP"], ["ADEM"], ["CAE"]]
        case "NL": [["SVB"], ["Zorginstituut Nederland", "CAK"], ["SVB"], ["UWV"], ["SVB"]]
        case "PL": [["ZUS"], ["NFZ"], ["ZUS", "KRUS"], ["Wojewodzki Urzad Pracy"], ["ZUS"]]
        case "DZ": [["CNAS Alger"], ["CNAS Alger"], ["CNR", "CASNOS"], ["CNAC"], ["CNAS Alger"]]
        case "MA": [["CNSS Maroc"], ["CNSS Maroc"], ["CNSS Maroc", "CMR"], ["CNSS Maroc"], ["CNSS Maroc"]]
        case "TN": [["CNSS Tunis"], ["CNAM Tunisie"], ["CNSS Tunis", "CNRPS"], ["CNSS Tunis"], ["CNSS Tunis"]]
        case "US": [["Social Security Administration"], ["Social Security Administration"], ["Social Security Administration"], ["Social Security Administration"], ["Social Security Administration"]]
        case "CA": [["Service Canada"], ["RAMQ"], ["Service Canada", "Retraite Quebec"], ["Service Canada"], ["Retraite Quebec"]]
        case "PF": [["CPS Polynesie francaise"], ["CPS Polynesie francaise"], ["CPS Polynesie francaise"], ["CPS Polynesie francaise"], ["CPS Polynesie francaise"]]
        case "NC": [["CAFAT"], ["CAFAT"], ["CAFAT", "CRE-IRCAFEX"], ["CAFAT"], ["CAFAT"]]
        case "PM": [["CPS Saint-Pierre-et-Miquelon"], ["CPS Saint-Pierre-et-Miquelon"], ["CPS Saint-Pierre-et-Miquelon"], ["CPS Saint-Pierre-et-Miquelon"], ["CPS Saint-Pierre-et-Miquelon"]]
        default: nil
        }
        return known ?? [
            ["Social security institution " + state], ["Health insurance " + state], ["Pension institution " + state],
            ["Employment agency " + state], ["Family benefits " + state],
        ]
    }
}

/// A currency as the generator uses it: code, minor digits, and a rough rate so that
/// amounts drawn in euro cents land at realistic sizes in every currency.
struct Money: Sendable {
    let code: String
    let digits: Int
    /// Minor units per euro cent, as a fraction.
    let rateNumerator: Int64
    let rateDenominator: Int64

    /// `cents` euro cents converted to this currency's minor units (at least 1).
    func minor(fromCents cents: Int64) -> Int64 {
        max(1, cents * rateNumerator / rateDenominator)
    }

    static let euro = Money(code: "EUR", digits: 2, rateNumerator: 1, rateDenominator: 1)

    static func of(state: String) -> Money {
        switch state {
        case "CH", "LI": return Money(code: "CHF", digits: 2, rateNumerator: 95, rateDenominator: 100)
        case "GB", "GG", "JE": return Money(code: "GBP", digits: 2, rateNumerator: 85, rateDenominator: 100)
        case "US": return Money(code: "USD", digits: 2, rateNumerator: 108, rateDenominator: 100)
        case "CA": return Money(code: "CAD", digits: 2, rateNumerator: 147, rateDenominator: 100)
        case "JP": return Money(code: "JPY", digits: 0, rateNumerator: 160, rateDenominator: 100)
        case "KR": return Money(code: "KRW", digits: 0, rateNumerator: 1450, rateDenominator: 100)
        case "TN": return Money(code: "TND", digits: 3, rateNumerator: 335, rateDenominator: 10)
        case "PF", "NC": return Money(code: "XPF", digits: 0, rateNumerator: 11933, rateDenominator: 10000)
        case "SN", "CI", "BJ", "ML", "NE", "TG": return Money(code: "XOF", digits: 0, rateNumerator: 655_957, rateDenominator: 100_000)
        case "CM", "CG", "GA": return Money(code: "XAF", digits: 0, rateNumerator: 655_957, rateDenominator: 100_000)
        case "MA": return Money(code: "MAD", digits: 2, rateNumerator: 108, rateDenominator: 10)
        case "DZ": return Money(code: "DZD", digits: 2, rateNumerator: 145, rateDenominator: 1)
        default: return euro
        }
    }
}
