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
    final class Output: @unchecked Sendable {
        private var data = Data()
        private let lock = NSLock()
        func append(_ more: Data) { lock.lock(); data.append(more); lock.unlock() }
        var text: String { lock.lock(); defer { lock.unlock() }; return String(decoding: data, as: UTF8.self) }
    }

    final class Acknowledged: @unchecked Sendable {
        private var ids: [String] = []
        private let lock = NSLock()
        func add(_ id: String) { lock.lock(); ids.append(id); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return ids }
    }

    @Test func sigtermLosesNothingAcknowledged() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-sigterm-\(ProcessInfo.processInfo.processIdentifier)").path
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = directory + "/store", tokens = directory + "/tokens"
        _ = try ReadParityTests.cli(["init", "--store", store, "--home", "FR"])
        let token = try ReadParityTests.cli(["token", "add", "--role", "connector", "--name", "eessi", "--tokens", tokens])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.hasPrefix("lsn_"))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: ReadParityTests.binary)
        process.arguments = ["serve", "--store", store, "--tokens", tokens, "--port", "0"]
        let stderr = Pipe(), output = Output()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        stderr.fileHandleForReading.readabilityHandler = { handle in output.append(handle.availableData) }
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // The port the kernel gave, from the startup log line "… (port N)".
        var port: Int?
        for _ in 0..<600 where port == nil {
            if let range = output.text.range(of: #"\(port (\d+)\)"#, options: .regularExpression) {
                port = Int(output.text[range].dropFirst(6).dropLast())
            } else {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        let base = "http://127.0.0.1:\(try #require(port, "no port in: \(output.text)"))"

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
                // SIGTERM once the stream is well under way.
                while acknowledged.all.count < 100 { try await Task.sleep(for: .milliseconds(5)) }
                kill(process.processIdentifier, SIGTERM)
            }
            try await group.waitForAll()
        }
        try await client.shutdown()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "serve exited \(process.terminationStatus): \(output.text)")
        #expect(acknowledged.all.count >= 100)

        let exported = try ReadParityTests.cli(["export", "--store", store])
        let stored = Set(exported.split(separator: "\n").compactMap { jsonObject(String($0))?["id"] as? String })
        let missing = acknowledged.all.filter { !stored.contains($0) }
        #expect(missing.isEmpty, "acknowledged but not stored: \(missing.prefix(5))")
    }
}
