import Foundation
import Hummingbird
import HummingbirdTesting
import LiaisonServer
import Testing

/// The browser flow: login form, token → session cookie, the balances page, logout.
struct PageTests {
    @Test func loginGivesAStrictHttpOnlyCookieThatOpensTheBalancesPage() async throws {
        let server = try await TestServer()
        try await server.test { client in
            var form = HTTPFields()
            form[.contentType] = "application/x-www-form-urlencoded"
            let cookie = try await client.execute(uri: "/login", method: .post, headers: form,
                                                  body: ByteBuffer(string: "token=" + server.tokens[.finance]!)) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/balances")
                let setCookie = try #require(response.headers[.setCookie])
                #expect(setCookie.contains("HttpOnly"))
                #expect(setCookie.contains("SameSite=Strict"))
                return String(setCookie.split(separator: ";")[0])
            }
            var headers = HTTPFields()
            headers[.cookie] = cookie
            try await client.execute(uri: "/balances?year=2025&by=state", method: .get, headers: headers) { response in
                #expect(response.status == .ok)
                let html = response.body.text
                #expect(html.contains("<svg"))
                #expect(!html.contains("<script"))
                // The DE row's net position, from the fixture: (1000.10 + 250.25 - 300.10) - (400.00 - 100.00).
                #expect(html.contains("650.25"))
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                // The fixture has EUR and CHF: EUR (more partners) is charted, a link switches to CHF.
                #expect(html.contains("chart=CHF"))
                #expect(!html.contains("chart=EUR"))
            }
            try await client.execute(uri: "/balances?year=2025&by=zone&currency=CHF", method: .get, headers: headers) { response in
                let html = response.body.text
                #expect(html.contains("Positions per partner state at 2025-12-31 · CHF"), "a currency filter charts that currency")
                #expect(html.contains("<option value=\"EUR\">EUR</option>"), "the other currencies stay selectable")
                #expect(html.contains("700.50"), "CH's receivable in CHF")
            }
            // The cookie never opens the API (no cross-site posting with a logged-in browser).
            try await client.execute(uri: "/v1/balances", method: .get, headers: headers) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/logout", method: .post, headers: headers) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/balances", method: .get, headers: headers) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/login")
            }
        }
    }

    @Test func wrongTokenOrConnectorCannotLogIn() async throws {
        let server = try await TestServer(fixture: [])
        try await server.test { client in
            for (token, status) in [("nope", HTTPResponse.Status.unauthorized), (server.tokens[.connector]!, .forbidden)] {
                try await client.execute(uri: "/login", method: .post, body: ByteBuffer(string: "token=" + token)) { response in
                    #expect(response.status == status)
                    #expect(response.headers[.setCookie] == nil)
                }
            }
        }
    }

    @Test func sessionTableIsBoundedAndExpires() {
        let clock = ManualClock()
        let table = SessionTable(countMax: 2, lifetimeSeconds: 10, clock: { clock.now })
        let identity = Identity(role: .finance, name: "f")
        let first = table.open(identity)
        clock.now += 1
        let second = table.open(identity)
        clock.now += 1
        let third = table.open(identity)
        #expect(table.identity(forSession: first) == nil, "the oldest goes when the table is full")
        #expect(table.identity(forSession: second) == identity)
        #expect(table.identity(forSession: third) == identity)
        clock.now += 10_000
        #expect(table.identity(forSession: second) == nil, "expired")
    }
}

final class ManualClock: @unchecked Sendable {
    var now: Int64 = 1_000_000
}
