import Foundation
import Hummingbird
import HummingbirdTesting
import Ledger
import LedgerRuntime
import LiaisonServer
import Logging

/// A server over a fresh temporary store with one token per role, and a fixture appended.
final class TestServer: @unchecked Sendable {
    static let counter = Counter()
    let directory: String
    var storePath: String { directory + "/store" }
    let server: LiaisonServer
    let tokens: [Role: String]
    /// The same role as `connector`, another name: its events carry someone else's actor.
    let otherConnectorToken: String

    init(fixture: [String] = Fixture.lines) async throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("liaison-server-\(ProcessInfo.processInfo.processIdentifier)-\(TestServer.counter.next())").path
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let log = try EventLog.create(at: directory + "/store", home: "FR")
        var lines: [String] = []
        var tokens: [Role: String] = [:]
        for role in Role.allCases {
            let name = role == .connector ? "eessi" : "t-\(role.rawValue)"
            let (token, line) = TokenFile.newToken(role: role, name: name)
            tokens[role] = token
            lines.append(line)
        }
        let (other, otherLine) = TokenFile.newToken(role: .connector, name: "other")
        otherConnectorToken = other
        lines.append(otherLine)
        self.tokens = tokens
        let backend = try await LedgerBackend(log: log)
        var options = LiaisonServer.Options()
        options.port = 0
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        server = LiaisonServer(backend: backend, tokens: try TokenFile.parse(lines.joined(separator: "\n")), options: options, logger: logger)
        if !fixture.isEmpty {
            let parser = EventParser(mode: .append)
            let result = try await backend.writer.submit(fixture.map { parser.parse($0) })
            for outcome in result.outcomes { guard case .appended = outcome else { throw FixtureError(description: "fixture line not appended: \(outcome)") } }
            _ = try await backend.read()  // projections caught up, as after any read
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    func test<Value>(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await server.application().test(.router) { client in try await body(client) }
    }

    func headers(_ role: Role?) -> HTTPFields {
        var headers = HTTPFields()
        if let role { headers[.authorization] = "Bearer " + tokens[role]! }
        return headers
    }
}

struct FixtureError: Error, CustomStringConvertible { let description: String }

final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
}

extension ByteBuffer {
    var text: String { String(buffer: self) }
}

func jsonObject(_ text: String) -> [String: Any]? {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
}
