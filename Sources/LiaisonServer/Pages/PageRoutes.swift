import Foundation
import Hummingbird
import Ledger
import LedgerService
import Projections

/// The browser side: `GET/POST /login`, `POST /logout`, `GET /balances`. Pages take the
/// session cookie (HttpOnly, SameSite=Strict, Secure under TLS) or a bearer token.
enum PageRoutes {
    static let roles: [Role] = [.finance, .auditor, .admin]
    /// Bytes of a login form: a token and a little more.
    static let loginBytesMax = 4096

    static func add(to router: Router<ServerContext>, backend: LedgerBackend, tokens: TokenStore, sessions: SessionTable, secureCookies: Bool, limits: ServerLimits, walks: WorkGate) {
        router.get("/login") { _, _ in HTML.page(title: "Sign in", body: LoginPage.html()) }
        router.post("/login") { request, _ in
            if CrossSiteCheck.isCrossSite(request, tls: secureCookies) { return crossSiteRefusal() }
            let body = try await request.collectBounded(bytesMax: loginBytesMax, secondsMax: 10)
            let token = formValue("token", in: body) ?? ""
            guard let identity = tokens.identity(forToken: token) else {
                return HTML.page(title: "Sign in", body: LoginPage.html(error: "This token is not known. Check it and try again."), status: .unauthorized)
            }
            guard roles.contains(identity.role) else {
                return HTML.page(title: "Sign in", body: LoginPage.html(error: "The \(identity.role.rawValue) role has no pages; use the API."), status: .forbidden)
            }
            let session = sessions.open(identity)
            var response = Response.redirect(to: "/balances", type: .found)
            response.headers[.location] = "/balances"
            response.status = .seeOther
            response.setCookie(Cookie(name: AuthMiddleware.cookieName, value: session, maxAge: sessions.lifetimeSeconds, path: "/",
                                      secure: secureCookies, httpOnly: true, sameSite: .strict))
            return response
        }
        router.post("/logout") { request, context in
            if CrossSiteCheck.isCrossSite(request, tls: secureCookies) { return crossSiteRefusal() }
            if let id = context.sessionID { sessions.close(id) }
            var response = Response.redirect(to: "/login", type: .found)
            response.status = .seeOther
            response.setCookie(Cookie(name: AuthMiddleware.cookieName, value: "", maxAge: 0, path: "/", secure: secureCookies, httpOnly: true, sameSite: .strict))
            return response
        }
        router.get("/balances", within: limits.requestSecondsMax) { request, context in
            // A browser without a session goes to the login form; an API client gets the API's 401/403.
            guard let identity = context.sessionIdentity ?? context.identity else {
                if context.presentedToken { throw APIError.unauthenticated }
                var response = Response.redirect(to: "/login", type: .found)
                response.status = .seeOther
                return response
            }
            guard roles.contains(identity.role) else {
                // An API client (bearer token) gets the API's JSON 403, as it gets its 401.
                if context.sessionIdentity == nil { throw APIError.forbidden(identity, allowed: roles) }
                return HTML.page(title: "Forbidden", body: "<main><div class=\"card\"><p class=\"error\">The \(identity.role.rawValue) role may not see balances.</p></div></main>", status: .forbidden)
            }
            let thisYear = Int(today().description.prefix(4)) ?? 2026
            let requested: BalancesQuery
            do {
                requested = try BalancesQuery(request, defaultYear: thisYear - 1)
            } catch let error as APIError {
                return HTML.page(title: "Balances", body: "<main><div class=\"card\"><p class=\"error\">\(HTML.escape(error.message))</p><p><a href=\"/balances\">Back</a></p></div></main>", status: .badRequest)
            }
            // An explicit "All time" choice is an empty year, which the query reads as the default: honour it.
            var effective = requested
            if Query(request).text("year") == "" { effective.year = nil }
            // One read, so the chart and the table stand at the same seq; at most two walks:
            // per partner state in every currency (chart, currency choices), and the table's.
            let read = try await backend.read()
            let query = try effective.query(read)
            var perState = query
            perState.by = .state
            perState.currency = nil
            let byState: Balances.Report, report: Balances.Report
            do {
                (byState, report) = try await walks.run("balances walks") {
                    let byState = try await BalancesQuery.run(perState, read)
                    return (byState, query.by == .state && query.currency == nil ? byState : try await BalancesQuery.run(query, read))
                }
            } catch let error as APIError where error.code == "busy" {
                var response = HTML.page(title: "Balances", body: "<main><div class=\"card\"><p class=\"error\">\(HTML.escape(error.message))</p></div></main>",
                                         status: .serviceUnavailable)
                response.headers[.retryAfter] = error.retryAfterSeconds.map(String.init)
                return response
            }
            let currencies = Array(Set(byState.rows.map(\.currency))).sorted()
            // Links that switch the chart's currency keep every other choice of the form.
            let kept = Query(request).parameters.filter { $0.0 != "chart" }
            let link = { (currency: String) in
                "/balances?" + (kept + [("chart", currency)]).map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
            }
            return HTML.page(title: "Balances", body: BalancesPage.html(report: report, byState: byState, identity: identity, currencies: currencies,
                                                                        chart: Query(request).text("chart") ?? query.currency, link: link, thisYear: thisYear))
        }
    }

    static func crossSiteRefusal() -> Response {
        HTML.page(title: "Refused", body: "<main><div class=\"card\"><p class=\"error\">This form was sent from another site; open <a href=\"/login\">/login</a> here.</p></div></main>",
                  status: .forbidden)
    }

    /// One field of an `application/x-www-form-urlencoded` body.
    static func formValue(_ name: String, in body: [UInt8]) -> String? {
        for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] == name else { continue }
            return String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
        }
        return nil
    }
}
