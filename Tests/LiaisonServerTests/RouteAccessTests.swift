import Foundation
import Hummingbird
import HummingbirdTesting
import LiaisonServer
import Testing

/// Every route with every role: 200 for the roles it names, 403 for the others, 401
/// without a token or with an unknown one; the open routes answer anyone.
struct RouteAccessTests {
    struct Route: Sendable, CustomStringConvertible {
        let method: HTTPRequest.Method
        let uri: String
        /// nil: open to anyone, token or not.
        let roles: [Role]?
        var body: String? = nil
        var description: String { "\(method) \(uri)" }
    }

    static let routes: [Route] = [
        Route(method: .post, uri: "/v1/events", roles: [.connector, .admin], body: Fixture.caseOpened),
        Route(method: .get, uri: "/v1/cases/FR-P-2025-0001", roles: [.auditor, .admin]),
        Route(method: .get, uri: "/v1/cases/FR-P-2025-0001/history", roles: [.auditor, .admin]),
        Route(method: .get, uri: "/v1/claims/FR-K-1", roles: [.auditor, .finance, .admin]),
        Route(method: .get, uri: "/v1/balances?year=2025", roles: [.finance, .auditor, .admin]),
        Route(method: .get, uri: "/v1/verify", roles: [.auditor, .admin]),
        Route(method: .get, uri: "/v1/replay", roles: [.auditor, .admin]),
        Route(method: .get, uri: "/balances?year=2025", roles: [.finance, .auditor, .admin]),
        Route(method: .get, uri: "/health", roles: nil),
        Route(method: .get, uri: "/ready", roles: nil),
        Route(method: .get, uri: "/metrics", roles: nil),
        Route(method: .get, uri: "/openapi.json", roles: nil),
        Route(method: .get, uri: "/login", roles: nil),
    ]

    /// nil: no Authorization header; "unknown": a well-formed token nobody was given.
    enum Caller: Sendable, CustomStringConvertible, CaseIterable {
        case none, unknown, connector, auditor, finance, admin
        var role: Role? {
            switch self {
            case .none, .unknown: nil
            case .connector: .connector
            case .auditor: .auditor
            case .finance: .finance
            case .admin: .admin
            }
        }
        var description: String { role?.rawValue ?? (self == .none ? "no token" : "unknown token") }
    }

    static func expected(_ route: Route, _ caller: Caller) -> Int {
        guard let roles = route.roles else { return 200 }
        guard let role = caller.role else {
            // A browser page without credentials sends the browser to the login form.
            return caller == .none && route.uri.hasPrefix("/balances") ? 303 : 401
        }
        return roles.contains(role) ? 200 : 403
    }

    @Test(arguments: routes, Caller.allCases)
    func statusFollowsRole(route: Route, caller: Caller) async throws {
        let server = try await TestServer()
        var headers = HTTPFields()
        if caller == .unknown { headers[.authorization] = "Bearer lsn_" + String(repeating: "0", count: 64) }
        if let role = caller.role { headers = server.headers(role) }
        let sent = headers
        let want = Self.expected(route, caller)
        try await server.test { client in
            try await client.execute(uri: route.uri, method: route.method, headers: sent, body: route.body.map { ByteBuffer(string: $0) }) { response in
                #expect(Int(response.status.code) == want, "\(route) as \(caller): \(response.body.text)")
                if want == 401 || want == 403 {
                    let error = jsonObject(response.body.text)
                    #expect(error?["error"] as? String == (want == 401 ? "unauthenticated" : "forbidden"))
                    #expect((error?["message"] as? String)?.isEmpty == false)
                }
            }
        }
    }
}

/// Refusals before the body is read tell the client to hang up.
struct ConnectionCloseTests {
    @Test func refusedRequestsCloseTheConnection() async throws {
        let server = try await TestServer()
        let body = ByteBuffer(string: Fixture.caseOpened)
        try await server.test { client in
            try await client.execute(uri: "/v1/events", method: .post, body: body) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.connection] == "close")
            }
            try await client.execute(uri: "/v1/events", method: .post, headers: server.headers(.finance), body: body) { response in
                #expect(response.status == .forbidden)
                #expect(response.headers[.connection] == "close")
            }
            let large = ByteBuffer(repeating: UInt8(ascii: "x"), count: ServerLimits().bodyBytesMax + 1)
            try await client.execute(uri: "/v1/events", method: .post, headers: server.headers(.connector), body: large) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.headers[.connection] == "close")
            }
            // An accepted request keeps its connection.
            try await client.execute(uri: "/v1/cases/FR-P-2025-0001", method: .get, headers: server.headers(.auditor)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.connection] == nil)
            }
        }
    }
}
