import AsyncHTTPClient
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// SIGHUP re-reads the tokens file: a token added works, a token removed stops working,
/// without a restart.
struct TokenReloadTests {
    @Test func sighupAddsAndRevokesTokens() async throws {
        let serve = try ServeProcess(name: "sighup")
        let old = try serve.addToken(role: "auditor", name: "old")
        try await serve.start()
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        defer { _ = client.shutdown() }

        #expect(try await serve.status(client, "/v1/replay", token: old) == 200)
        let new = try serve.addToken(role: "finance", name: "new")
        #expect(try await serve.status(client, "/v1/balances", token: new) == 401, "not before the reload")

        // Revoke the old token in the same edit: keep only the new line.
        let kept = try String(contentsOfFile: serve.tokens, encoding: .utf8).split(separator: "\n").filter { $0.hasPrefix("finance new ") }
        try (kept.joined(separator: "\n") + "\n").write(toFile: serve.tokens, atomically: true, encoding: .utf8)
        kill(serve.process.processIdentifier, SIGHUP)
        var reloaded = false
        for _ in 0..<200 where !reloaded {
            reloaded = try await serve.status(client, "/v1/balances", token: new) == 200
            if !reloaded { try await Task.sleep(for: .milliseconds(25)) }
        }
        #expect(reloaded, "the new token works after SIGHUP: \(serve.output.text)")
        #expect(try await serve.status(client, "/v1/replay", token: old) == 401, "the removed token no longer works")
        #expect(serve.process.isRunning, "SIGHUP does not stop the server")

        kill(serve.process.processIdentifier, SIGTERM)
        serve.process.waitUntilExit()
        #expect(serve.process.terminationStatus == 0)
    }
}
