import Foundation
import Hummingbird
import HummingbirdTesting
import Ledger
import LiaisonServer
import Testing

struct EventsTests {
    static func claimLine(_ id: String, actor: String) -> String {
        "{\"id\":\"\(id)\",\"type\":\"ClaimIntroduced\",\"occurred\":\"2025-03-14\",\"actor\":\"\(actor)\",\"data\":{\"claim\":\"\(id)\",\"creditor\":\"DE\",\"debtor\":\"FR\",\"basis\":\"actual\",\"category\":\"urgent\",\"period\":\"2024-H2\",\"amount\":\"10.00\",\"currency\":\"EUR\"}}"
    }

    func post(_ server: TestServer, _ body: String, token: String) async throws -> (status: Int, json: [String: Any]?) {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer " + token
        headers[.contentType] = "application/x-ndjson"
        let sent = headers
        return try await server.test { client in
            try await client.execute(uri: "/v1/events", method: .post, headers: sent, body: ByteBuffer(string: body)) { response in
                (Int(response.status.code), jsonObject(response.body.text))
            }
        }
    }

    // MARK: Authorisation of actors

    @Test func connectorMaySubmitOnlyItsOwnActor() async throws {
        let server = try await TestServer(fixture: [])
        let body = [Self.claimLine("x-1", actor: "connector:eessi"), Self.claimLine("x-2", actor: "connector:other"),
                    Self.claimLine("x-3", actor: "user:someone")].joined(separator: "\n")
        let (status, json) = try await post(server, body, token: server.tokens[.connector]!)
        #expect(status == 200)
        #expect(json?["appended"] as? Int == 1)
        #expect(json?["rejected"] as? Int == 2)
        let rejections = json?["rejections"] as? [[String: Any]] ?? []
        #expect(rejections.map { $0["line"] as? Int } == [2, 3])
        #expect(rejections.map { $0["id"] as? String } == ["x-2", "x-3"])
        #expect(rejections.allSatisfy { $0["error"] as? String == "forbidden-actor" })
        #expect(rejections.allSatisfy { ($0["message"] as? String)?.hasPrefix("actor: ") == true })
        // The other connector may send x-2 (its own actor); an admin may send any actor.
        #expect(try await post(server, Self.claimLine("x-2", actor: "connector:other"), token: server.otherConnectorToken).json?["appended"] as? Int == 1)
        #expect(try await post(server, Self.claimLine("x-3", actor: "user:someone"), token: server.tokens[.admin]!).json?["appended"] as? Int == 1)
    }

    // MARK: Idempotency and the summary

    @Test func repostIsIdempotent() async throws {
        let server = try await TestServer(fixture: [])
        let body = Fixture.lines.joined(separator: "\n") + "\n"
        let first = try await post(server, body, token: server.tokens[.connector]!)
        #expect(first.status == 200)
        #expect(first.json?["appended"] as? Int == Fixture.lines.count)
        #expect(first.json?["firstSeq"] as? Int == 1)
        #expect(first.json?["lastSeq"] as? Int == Fixture.lines.count)
        let second = try await post(server, body, token: server.tokens[.connector]!)
        #expect(second.status == 200)
        #expect(second.json?["appended"] as? Int == 0)
        #expect(second.json?["duplicates"] as? Int == Fixture.lines.count)
        #expect(second.json?["firstSeq"] is NSNull)
        #expect(second.json?["head"] as? String == first.json?["head"] as? String)
        #expect(try server.server.backend.log.head().seq == UInt64(Fixture.lines.count))
    }

    @Test func arrayBodyIsAcceptedLikeLines() async throws {
        let server = try await TestServer(fixture: [])
        let body = "[\n" + Fixture.lines.prefix(3).joined(separator: ",\n") + "\n, {\"id\":\"bad\"} ]"
        let (status, json) = try await post(server, body, token: server.tokens[.admin]!)
        #expect(status == 200)
        #expect(json?["appended"] as? Int == 3)
        let rejections = json?["rejections"] as? [[String: Any]] ?? []
        #expect(rejections.count == 1)
        #expect(rejections.first?["line"] as? Int == 4)
        #expect(rejections.first?["id"] as? String == "bad")
        #expect(rejections.first?["error"] as? String == "missing-field")
    }

    @Test func validationSeesEarlierLinesOfTheSameRequest() async throws {
        let server = try await TestServer(fixture: [])
        // The payment needs the claim introduced two lines before it, in the same body.
        let body = [Fixture.claim("K-9", creditor: "DE", debtor: "FR", amount: "50.00"), "", Fixture.payment("p-9", claim: "K-9", amount: "60.00"),
                    Fixture.payment("p-10", claim: "K-9", amount: "50.00")].joined(separator: "\n")
        let (_, json) = try await post(server, body, token: server.tokens[.admin]!)
        #expect(json?["appended"] as? Int == 2)
        let rejections = json?["rejections"] as? [[String: Any]] ?? []
        #expect(rejections.map { $0["line"] as? Int } == [3], "blank lines keep their numbers")
        #expect(rejections.first?["error"] as? String == "amount-exceeds")
    }

    // MARK: Limits and malformed bodies

    @Test func bodyOverTheLimitIs413() async throws {
        let server = try await TestServer(fixture: [])
        let line = Self.claimLine("big", actor: "connector:eessi") + "\n"
        let body = String(repeating: line, count: (16 << 20) / line.utf8.count + 2)
        let (status, json) = try await post(server, body, token: server.tokens[.connector]!)
        #expect(status == 413)
        #expect(json?["error"] as? String == "too-large")
        #expect(try server.server.backend.log.head().seq == 0)
    }

    @Test func unclosedArrayIs400() async throws {
        let server = try await TestServer(fixture: [])
        let (status, json) = try await post(server, "[" + Fixture.caseOpened, token: server.tokens[.admin]!)
        #expect(status == 400)
        #expect(json?["error"] as? String == "malformed-json")
    }
}
