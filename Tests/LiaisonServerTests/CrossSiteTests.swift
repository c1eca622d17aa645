import Foundation
import Hummingbird
import HummingbirdTesting
@testable import LiaisonServer
import Testing

/// `/login` and `/logout` refuse forms another site's page makes the browser send.
struct CrossSiteTests {
    @Test(arguments: [
        (nil, nil, "127.0.0.1:8080", false, false), ("http://127.0.0.1:8080", nil, "127.0.0.1:8080", false, false),
        ("HTTP://LOCALHOST:8080", "same-origin", "localhost:8080", false, false), ("https://h.example", nil, "h.example", true, false),
        ("https://evil.example", nil, "127.0.0.1:8080", false, true), ("null", nil, "127.0.0.1:8080", false, true),
        ("http://127.0.0.1:8080", nil, "127.0.0.1:8080", true, true),  // scheme differs
        ("http://127.0.0.1:9999", nil, "127.0.0.1:8080", false, true), (nil, "cross-site", "127.0.0.1:8080", false, true),
        ("http://127.0.0.1:8080", nil, nil, false, true),
    ] as [(String?, String?, String?, Bool, Bool)])
    func crossSiteIsRecognised(origin: String?, fetchSite: String?, authority: String?, tls: Bool, cross: Bool) {
        #expect(CrossSiteCheck.isCrossSite(origin: origin, fetchSite: fetchSite, authority: authority, tls: tls) == cross)
    }

    @Test func crossSiteLoginAndLogoutAre403() async throws {
        let server = try await TestServer()
        let token = ByteBuffer(string: "token=" + server.tokens[.finance]!)
        try await server.test { client in
            for (name, value) in [(.origin, "https://evil.example"), (CrossSiteCheck.secFetchSite, "cross-site"), (.origin, "null")] {
                var headers = HTTPFields()
                headers[.contentType] = "application/x-www-form-urlencoded"
                headers[name] = value
                try await client.execute(uri: "/login", method: .post, headers: headers, body: token) { response in
                    #expect(response.status == .forbidden, "\(name): \(value)")
                    #expect(response.headers[.setCookie] == nil, "no session for a cross-site login")
                }
                try await client.execute(uri: "/logout", method: .post, headers: headers) { response in
                    #expect(response.status == .forbidden, "\(name): \(value)")
                }
            }
            // Same origin (the test client's authority is localhost) and no Origin at all pass.
            for origin in ["http://localhost", nil] as [String?] {
                var headers = HTTPFields()
                headers[.contentType] = "application/x-www-form-urlencoded"
                if let origin { headers[.origin] = origin }
                headers[CrossSiteCheck.secFetchSite] = origin == nil ? nil : "same-origin"
                try await client.execute(uri: "/login", method: .post, headers: headers, body: token) { response in
                    #expect(response.status == .seeOther, "\(origin ?? "no Origin")")
                    #expect(response.headers[.setCookie] != nil)
                }
                try await client.execute(uri: "/logout", method: .post, headers: headers) { response in
                    #expect(response.status == .seeOther, "\(origin ?? "no Origin")")
                }
            }
        }
    }
}
