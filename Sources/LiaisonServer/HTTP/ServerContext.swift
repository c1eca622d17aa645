import Hummingbird

/// The request context of `liaison serve`: who is calling, if anyone.
public struct ServerContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// From `Authorization: Bearer TOKEN` (the API).
    public var identity: Identity?
    /// The request carried an `Authorization` header, valid or not.
    public var presentedToken = false
    /// From the session cookie (the HTML pages only: the API never takes cookies, so a
    /// page elsewhere cannot make a logged-in browser post events).
    public var sessionIdentity: Identity?
    public var sessionID: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Rejects with 401 when nobody authenticated, 403 when the role is not allowed.
    public func require(_ roles: [Role]) throws -> Identity {
        guard let identity else { throw APIError.unauthenticated }
        guard roles.contains(identity.role) else { throw APIError.forbidden(identity, allowed: roles) }
        return identity
    }
}
