/// The geography the generator draws from: the coordination partners of SPEC §2, how
/// often each one shows up in a French liaison body's work, their currencies and
/// institutions. Built once per generator; every table is an array in a fixed order.
struct World: Sendable {
    let home: String
    let homeIsFrance: Bool
    /// Zone EU states other than home, weighted by how much they exchange with home.
    let euPartners: WeightedTable<String>
    let bilateralPartners: WeightedTable<String>
    let decreePartners: WeightedTable<String>
    /// Partners of reimbursement claims: mostly zone EU, then conventions and decrees.
    let claimPartners: WeightedTable<String>
    let currencies: [String: Money]
    let institutions: [String: [String]]
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
        var institutions: [String: [String]] = [:]
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

    func institution(_ state: String, _ rng: inout SplitMix64) -> String {
        rng.pick(institutions[state]!)
    }

    private static func institutionNames(_ state: String) -> [String] {
        switch state {
        case "FR": return ["CNAV", "CPAM de Paris", "CNAM", "France Travail", "CNAF", "URSSAF", "Cleiss", "MSA", "CARSAT Rhone-Alpes"]
        case "DE": return ["DRV Bund", "GKV-Spitzenverband DVKA", "Bundesagentur fuer Arbeit", "Familienkasse", "DGUV", "AOK Bayern"]
        case "BE": return ["INAMI", "Service federal des Pensions", "ONEM", "FAMIWAL", "Fedris", "Mutualite chretienne"]
        case "ES": return ["INSS", "SEPE", "TGSS", "ISM Madrid"]
        case "IT": return ["INPS", "INAIL", "Ministero della Salute", "ASL Roma 1"]
        case "PT": return ["Instituto da Seguranca Social", "ACSS", "Centro Nacional de Pensoes"]
        case "GB": return ["DWP International Pension Centre", "NHS Business Services Authority", "HMRC National Insurance"]
        case "CH": return ["Caisse suisse de compensation", "Institution commune LAMal", "SECO", "Suva"]
        case "LU": return ["CNAP", "CNS", "ADEM", "CAE", "AAA"]
        case "NL": return ["SVB", "Zorginstituut Nederland", "UWV", "CAK"]
        case "PL": return ["ZUS", "NFZ", "KRUS"]
        case "RO": return ["CNPP", "CNAS", "ANOFM"]
        case "AT": return ["PVA", "Dachverband der Sozialversicherungstraeger", "AMS"]
        case "IE": return ["Department of Social Protection", "HSE"]
        case "DZ": return ["CNAS Alger", "CNR", "CASNOS"]
        case "MA": return ["CNSS Maroc", "CMR"]
        case "TN": return ["CNSS Tunis", "CNAM Tunisie", "CNRPS"]
        case "US": return ["Social Security Administration"]
        case "CA": return ["Service Canada", "Retraite Quebec", "RAMQ"]
        case "JP": return ["Japan Pension Service"]
        case "KR": return ["National Pension Service"]
        case "PF": return ["CPS Polynesie francaise"]
        case "NC": return ["CAFAT", "CRE-IRCAFEX"]
        case "PM": return ["CPS Saint-Pierre-et-Miquelon"]
        case "MC": return ["Caisses sociales de Monaco"]
        default: return ["Social security institution \(state)", "Pension institution \(state)", "Health insurance \(state)"]
        }
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
