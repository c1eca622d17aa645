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
