import HTTPTypes
import Hummingbird

/// Login CSRF and forced logout: another site's page can post a form to `/login` (to sign
/// the browser in as the attacker) or `/logout`. SameSite=Strict protects the cookie, not
/// these two forms, so they refuse a request a browser marks as coming from elsewhere.
enum CrossSiteCheck {
    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!

    /// True when the browser says the request comes from another origin: `Sec-Fetch-Site:
    /// cross-site`, or an `Origin` other than this server's own (`null`, an opaque origin,
    /// included). No `Origin` at all (curl, older browsers on same-origin requests) passes.
    static func isCrossSite(origin: String?, fetchSite: String?, authority: String?, tls: Bool) -> Bool {
        if fetchSite?.lowercased() == "cross-site" { return true }
        guard let origin else { return false }
        guard let authority, !authority.isEmpty else { return true }
        return origin.lowercased() != (tls ? "https://" : "http://") + authority.lowercased()
    }

    static func isCrossSite(_ request: Request, tls: Bool) -> Bool {
        isCrossSite(origin: request.headers[.origin], fetchSite: request.headers[secFetchSite], authority: request.head.authority, tls: tls)
    }
}
