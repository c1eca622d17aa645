/// The legal framework of a case (DOMAIN.md): the EU regulations, a bilateral
/// convention with one partner, or a coordination decree with an overseas territory.
public enum Framework: Sendable, Equatable, CustomStringConvertible {
    case eu883
    case bilateral(StateCode)
    case decree(StateCode)

    public init?(_ text: String) {
        if text == "EU883" { self = .eu883; return }
        if text.hasPrefix("bilateral:"), let state = StateCode(String(text.dropFirst(10))), state.isBilateralPartner {
            self = .bilateral(state); return
        }
        if text.hasPrefix("decree:"), let state = StateCode(String(text.dropFirst(7))), state.isDecreeTerritory {
            self = .decree(state); return
        }
        return nil
    }

    public var description: String {
        switch self {
        case .eu883: return "EU883"
        case .bilateral(let state): return "bilateral:\(state)"
        case .decree(let state): return "decree:\(state)"
        }
    }
}
