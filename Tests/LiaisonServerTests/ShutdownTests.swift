import AsyncHTTPClient
import Foundation
import LiaisonServer
import NIOCore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// SIGTERM while connectors post: the built `liaison serve` stops accepting, finishes what
/// is in flight, exits 0, and every event it acknowledged (200) is in the store.
struct ShutdownTests {
    final class Acknowledged: @unchecked Sendable {
        private var ids: [String] = []
        private let lock = NSLock()
        func add(_ id: String) { lock.lock(); ids.append(id); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return ids }
    }

    @Test func sigtermLosesNothingAcknowledged() async throws {
        let serve = try ServeProcess(name: "sigterm")
        let token = try serve.addToken(role: "connector", name: "eessi")
        #expect(token.hasPrefix("lsn_"))
        try await serve.start()
        let process = serve.process, base = serve.base, store = serve.store, output = serve.output

        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let acknowledged = Acknowledged()
        let producers = 8, eachMax = 400
        try await withThrowingTaskGroup(of: Void.self) { group in
            for producer in 0..<producers {
                group.addTask {
                    for index in 0..<eachMax {
                        let id = "sig-\(producer)-\(index)"
                        var request = HTTPClientRequest(url: base + "/v1/events")
                        request.method = .POST
                        request.headers.add(name: "Authorization", value: "Bearer " + token)
                        request.body = .bytes(ByteBuffer(string: EventsTests.claimLine(id, actor: "connector:eessi")))
                        do {
                            let response = try await client.execute(request, timeout: .seconds(30))
                            let body = try await response.body.collect(upTo: 1 << 20)
                            guard response.status == .ok else { return }
                            // Acknowledged: 200 with this line appended.
                            if String(buffer: body).contains("\"appended\":1") { acknowledged.add(id) }
                        } catch {
                            return  // the server has stopped accepting: this producer is done
                        }
                    }
                }
            }
            group.addTask {
                // SIGTERM once the stream is well under way; bounded, so a server that died
                // early (or never acknowledges) fails the test instead of hanging it.
                for _ in 0..<12_000 where acknowledged.all.count < 100 && process.isRunning {
                    try await Task.sleep(for: .milliseconds(5))
                }
                guard process.isRunning else {
                    Issue.record("serve ended before SIGTERM (status \(process.terminationStatus)): \(output.text.suffix(2000))")
                    return
                }
                if acknowledged.all.count < 100 {
                    Issue.record("only \(acknowledged.all.count) appends acknowledged within 60 s")
                }
                kill(process.processIdentifier, SIGTERM)
            }
            try await group.waitForAll()
        }
        try await client.shutdown()
        // The server bounds its own shutdown (60 s, then 10 s of cancellation); past 90 s it hangs.
        for _ in 0..<900 where process.isRunning { try await Task.sleep(for: .milliseconds(100)) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            Issue.record("serve did not exit within 90 s of SIGTERM: \(output.text.suffix(2000))")
        }
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "serve exited \(process.terminationStatus): \(output.text)")
        #expect(acknowledged.all.count >= 100)

        let exported = try ReadParityTests.cli(["export", "--store", store])
        let stored = Set(exported.split(separator: "\n").compactMap { jsonObject(String($0))?["id"] as? String })
        let missing = acknowledged.all.filter { !stored.contains($0) }
        #expect(missing.isEmpty, "acknowledged but not stored: \(missing.prefix(5))")
        withExtendedLifetime(serve) {}  // its deinit removes the store: not before here
    }
}
