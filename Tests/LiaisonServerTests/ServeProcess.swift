import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

/// The built `liaison serve` as a process on a fresh store, on a port the kernel picks.
final class ServeProcess: @unchecked Sendable {
    final class Output: @unchecked Sendable {
        private var data = Data()
        private let lock = NSLock()
        func append(_ more: Data) { lock.lock(); data.append(more); lock.unlock() }
        var text: String { lock.lock(); defer { lock.unlock() }; return String(decoding: data, as: UTF8.self) }
    }

    let directory: String
    var store: String { directory + "/store" }
    var tokens: String { directory + "/tokens" }
    let process = Process()
    let output = Output()
    private(set) var base = ""

    init(name: String) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-\(name)-\(ProcessInfo.processInfo.processIdentifier)").path
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        _ = try ReadParityTests.cli(["init", "--store", store, "--home", "FR"])
    }

    deinit {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(atPath: directory)
    }

    func addToken(role: String, name: String) throws -> String {
        try ReadParityTests.cli(["token", "add", "--role", role, "--name", name, "--tokens", tokens]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Starts the server and waits for the startup line "… (port N)".
    func start(environment: [String: String] = [:]) async throws {
        process.executableURL = URL(fileURLWithPath: ReadParityTests.binary)
        process.arguments = ["serve", "--store", store, "--tokens", tokens, "--port", "0"]
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        let output = self.output
        stderr.fileHandleForReading.readabilityHandler = { handle in output.append(handle.availableData) }
        try process.run()
        for _ in 0..<600 {
            if let range = output.text.range(of: #"\(port (\d+)\)"#, options: .regularExpression), let port = Int(output.text[range].dropFirst(6).dropLast()) {
                base = "http://127.0.0.1:\(port)"
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("no port in: \(output.text)")
        throw CancellationError()
    }

    func status(_ client: HTTPClient, _ path: String, token: String) async throws -> Int {
        var request = HTTPClientRequest(url: base + path)
        request.headers.add(name: "Authorization", value: "Bearer " + token)
        let response = try await client.execute(request, timeout: .seconds(30))
        _ = try await response.body.collect(upTo: 1 << 22)
        return Int(response.status.code)
    }
}
