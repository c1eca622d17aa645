import AsyncHTTPClient
import Foundation
import NIOCore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The built `liaison serve` at trace level: whatever it logs, the log never holds a
/// token (or its hash), a case or claim id from a path, or a query value (docs/security.md).
struct LogPrivacyTests {
    @Test func traceLogsHoldNoTokenCaseIdOrQueryValue() async throws {
        let serve = try ServeProcess(name: "log-privacy")
        let auditor = try serve.addToken(role: "auditor", name: "audit")
        let connector = try serve.addToken(role: "connector", name: "eessi")
        try await serve.start(environment: ["LOG_LEVEL": "trace"])
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let caseID = "FR-P-2031-9173", claimID = "FR-K-SECRET-5521"
        let queryValues = ["2031-07-19", "zorgplanet", "ZQX"]
        do {
            var post = HTTPClientRequest(url: serve.base + "/v1/events")
            post.method = .POST
            post.headers.add(name: "Authorization", value: "Bearer " + connector)
            post.body = .bytes(ByteBuffer(string: EventsTests.claimLine(claimID, actor: "connector:eessi")))
            let posted = try await client.execute(post, timeout: .seconds(30))
            _ = try await posted.body.collect(upTo: 1 << 20)
            #expect(posted.status == .ok)
            for path in ["/v1/cases/\(caseID)", "/v1/cases/\(caseID)/history?atSeq=1", "/v1/claims/\(claimID)?asOf=\(queryValues[0])",
                         "/v1/balances?by=\(queryValues[1])", "/v1/balances?currency=\(queryValues[2])", "/balances?year=2031"] {
                _ = try await serve.status(client, path, token: auditor)
            }
            try await client.shutdown()
        } catch {
            try? await client.shutdown()
            throw error
        }
        kill(serve.process.processIdentifier, SIGTERM)
        serve.process.waitUntilExit()
        let log = serve.output.text
        #expect(log.contains("request"), "the access log was written: \(log.prefix(500))")
        #expect(log.contains(" trace "), "trace level was on")
        var secrets = [auditor, connector, caseID, claimID] + queryValues
        // The hashes too: the third field of each line of the tokens file.
        let hashes = try String(contentsOfFile: serve.tokens, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("#") }.compactMap { $0.split(separator: " ").last.map(String.init) }
        #expect(hashes.count == 2)
        secrets += hashes
        secrets.append(String(auditor.dropFirst(4)))
        for secret in secrets { #expect(!log.contains(secret), "the log holds \(secret)") }
        withExtendedLifetime(serve) {}
    }
}
