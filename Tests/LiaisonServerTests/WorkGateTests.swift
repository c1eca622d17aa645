import Foundation
import Hummingbird
import HummingbirdTesting
@testable import LiaisonServer
import Testing

/// The gates in front of verify/replay (one at a time) and of posted bodies (a few at a
/// time): a caller beyond the limit gets 503 `busy` with Retry-After, never a queue.
struct WorkGateTests {
    // MARK: The type

    @Test func admitsUpToTheLimitThenRefuses() {
        let gate = WorkGate(countMax: 2, retryAfterSeconds: 5)
        #expect(gate.tryEnter())
        #expect(gate.tryEnter())
        #expect(!gate.tryEnter())
        gate.leave()
        #expect(gate.holders == 1)
        #expect(gate.tryEnter())
        #expect(!gate.tryEnter())
    }

    @Test func runLeavesTheGateEvenWhenTheBodyThrows() async throws {
        let gate = WorkGate(countMax: 1, retryAfterSeconds: 7)
        await #expect(throws: FixtureError.self) { try await gate.run("tests") { throw FixtureError(description: "inside") } }
        #expect(gate.holders == 0)
        #expect(gate.tryEnter())
        do {
            _ = try await gate.run("tests") { 1 }
            Issue.record("a second holder was admitted")
        } catch let error as APIError {
            #expect(error.status == .serviceUnavailable && error.code == "busy" && error.retryAfterSeconds == 7)
        }
    }

    // MARK: The server

    static func expectBusy(_ response: TestResponse, _ what: String) {
        #expect(response.status == .serviceUnavailable, "\(what): \(response.body.text)")
        #expect(jsonObject(response.body.text)?["error"] as? String == "busy", "\(what)")
        #expect(response.headers[.retryAfter] == String(ServerLimits().busyRetryAfterSeconds), "\(what)")
    }

    @Test func secondAuditIsRefusedWhileOneRuns() async throws {
        let server = try await TestServer()
        // A verify or replay in progress holds the only place (deterministic: no race on timing).
        #expect(server.server.audits.tryEnter())
        try await server.test { client in
            for uri in ["/v1/verify", "/v1/replay"] {
                try await client.execute(uri: uri, method: .get, headers: server.headers(.auditor)) { Self.expectBusy($0, uri) }
            }
        }
        server.server.audits.leave()
        try await server.test { client in
            for uri in ["/v1/verify", "/v1/replay"] {
                try await client.execute(uri: uri, method: .get, headers: server.headers(.auditor)) { #expect($0.status == .ok, "\(uri)") }
            }
        }
        #expect(server.server.audits.holders == 0)
    }

    @Test func postsBeyondTheLimitAreRefused() async throws {
        let server = try await TestServer()
        let postsMax = ServerLimits().postsMax
        for _ in 0..<postsMax { #expect(server.server.posts.tryEnter()) }
        let body = ByteBuffer(string: Fixture.claim("FR-K-9", creditor: "FR", debtor: "DE", amount: "1.00"))
        try await server.test { client in
            try await client.execute(uri: "/v1/events", method: .post, headers: server.headers(.connector), body: body) { Self.expectBusy($0, "post") }
        }
        server.server.posts.leave()
        try await server.test { client in
            try await client.execute(uri: "/v1/events", method: .post, headers: server.headers(.connector), body: body) { response in
                #expect(response.status == .ok)
                #expect(jsonObject(response.body.text)?["appended"] as? Int == 1)
            }
        }
        #expect(server.server.posts.holders == postsMax - 1)
    }

    @Test func balancesWalksBeyondTheLimitAreRefused() async throws {
        let server = try await TestServer()
        let walksMax = ServerLimits().balancesWalksMax
        for _ in 0..<walksMax { #expect(server.server.walks.tryEnter()) }
        try await server.test { client in
            try await client.execute(uri: "/v1/balances?year=2025", method: .get, headers: server.headers(.finance)) { Self.expectBusy($0, "/v1/balances") }
            try await client.execute(uri: "/balances?year=2025", method: .get, headers: server.headers(.finance)) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(response.headers[.retryAfter] == String(ServerLimits().busyRetryAfterSeconds))
            }
        }
        server.server.walks.leave()
        try await server.test { client in
            try await client.execute(uri: "/v1/balances?year=2025", method: .get, headers: server.headers(.finance)) { #expect($0.status == .ok) }
            try await client.execute(uri: "/balances?year=2025", method: .get, headers: server.headers(.finance)) { #expect($0.status == .ok) }
        }
        #expect(server.server.walks.holders == walksMax - 1)
    }
}
