/// Who may do what over HTTP (docs/security.md has the table).
public enum Role: String, Sendable, CaseIterable, Comparable {
    /// Submits events (`POST /v1/events`), only as `connector:NAME` for its own name.
    case connector
    /// Reads cases, histories, claims, balances; runs verify and replay.
    case auditor
    /// Reads claims and balances (JSON, CSV, the HTML page).
    case finance
    /// Everything.
    case admin

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The caller a request was authenticated as: a token's (or a session's) role and name.
public struct Identity: Sendable, Equatable {
    public let role: Role
    public let name: String

    public init(role: Role, name: String) {
        self.role = role
        self.name = name
    }
}
