/// A state of the coordination, as its ISO 3166-1 alpha-2 code, upper case.
///
/// The ledger only knows its coordination partners (SPEC §2): a code outside
/// `StateCode.all` is rejected at the door, so every stored state has a zone.
public struct StateCode: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let code: String

    /// The EU/EEA/CH/UK zone or the rest of the world, as the statistics split them.
    public enum Zone: String, Sendable, Comparable {
        case eu = "EU"
        case nonEU = "non-EU"
        public static func < (lhs: Zone, rhs: Zone) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public init?(_ code: String) {
        guard StateCode.all.contains(code) else { return nil }
        self.code = code
    }

    public var zone: Zone { StateCode.euZone.contains(code) ? .eu : .nonEU }
    public var isBilateralPartner: Bool { StateCode.bilateral.contains(code) }
    public var isDecreeTerritory: Bool { StateCode.decree.contains(code) }
    public var description: String { code }

    public static func < (lhs: StateCode, rhs: StateCode) -> Bool { lhs.code < rhs.code }

    /// The 27 member states (Greece as GR, its ISO code, not the EU's "EL").
    public static let eu27: [String] = [
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
        "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    ]
    /// Zone EU of the statistics: EU27, the EEA three, Switzerland and the UK.
    public static let euZone: Set<String> = Set(eu27 + ["IS", "LI", "NO", "CH", "GB"])
    /// Partners of France's bilateral conventions (DOMAIN.md).
    public static let bilateral: Set<String> = [
        "DZ", "AD", "AR", "BJ", "BA", "BR", "CM", "CA", "CV", "CL", "CG", "KR", "CI", "US", "GA",
        "GG", "IN", "IL", "JP", "JE", "XK", "MK", "MG", "ML", "MA", "MR", "MC", "ME", "NE", "PH",
        "SM", "SN", "RS", "TG", "TN", "TR", "UY",
    ]
    /// French overseas territories with their own coordination decrees.
    public static let decree: Set<String> = ["PF", "NC", "PM"]
    public static let all: Set<String> = euZone.union(bilateral).union(decree)
}
