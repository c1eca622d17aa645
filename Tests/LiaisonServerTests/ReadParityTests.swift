import Foundation
import Hummingbird
import HummingbirdTesting
import LiaisonServer
import Testing

/// The read endpoints answer exactly what the CLI prints for the same store.
struct ReadParityTests {
    static let binary: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        var candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path, root + "/.build/debug"]
        if let executable = Bundle.main.executableURL { candidates.insert(executable.deletingLastPathComponent().path, at: 1) }
        return candidates.map { $0 + "/liaison" }.first { FileManager.default.isExecutableFile(atPath: $0) } ?? root + "/.build/debug/liaison"
    }()

    static func cli(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(arguments: [
        ("/v1/cases/FR-P-2025-0001", ["case", "show", "FR-P-2025-0001"]),
        ("/v1/cases/FR-P-2025-0001?atSeq=1", ["case", "show", "FR-P-2025-0001", "--at-seq", "1"]),
        ("/v1/cases/FR-P-2025-0001/history", ["case", "history", "FR-P-2025-0001"]),
        ("/v1/claims/FR-K-1?asOf=2026-12-31", ["claim", "show", "FR-K-1", "--as-of", "2026-12-31"]),
        ("/v1/balances?year=2025&by=zone", ["balances", "--year", "2025", "--by", "zone"]),
        ("/v1/replay", ["replay"]),
    ])
    func endpointEqualsCLI(uri: String, arguments: [String]) async throws {
        let server = try await TestServer()
        let body = try await server.test { client in
            try await client.execute(uri: uri, method: .get, headers: server.headers(.admin)) { response in
                #expect(response.status == .ok)
                return response.body.text
            }
        }
        let printed = try Self.cli(arguments + ["--store", server.storePath, "--format", "json"])
        #expect(!printed.isEmpty)
        #expect(body == printed)
    }

    @Test func unknownCaseIs404() async throws {
        let server = try await TestServer()
        try await server.test { client in
            for uri in ["/v1/cases/NOPE", "/v1/cases/NOPE/history", "/v1/claims/NOPE"] {
                try await client.execute(uri: uri, method: .get, headers: server.headers(.admin)) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(jsonObject(response.body.text)?["error"] as? String == "not-found")
                }
            }
        }
    }

    @Test func verifyReportsTheHead() async throws {
        let server = try await TestServer()
        let json = try await server.test { client in
            try await client.execute(uri: "/v1/verify", method: .get, headers: server.headers(.auditor)) { jsonObject($0.body.text) }
        }
        #expect(json?["ok"] as? Bool == true)
        #expect(json?["events"] as? Int == Fixture.lines.count)
    }
}
