import Foundation
import Ledger

/// Runs the built `liaison` binary as a user would, in a temporary working directory.
final class CLI {
    static let counter = Counter()
    let directory: String
    var store: String { directory + "/store" }

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("liaison-cli-\(ProcessInfo.processInfo.processIdentifier)-\(CLI.counter.next())").path
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    struct Result {
        let code: Int32
        let stdout: String
        let stderr: String
        var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    /// The `liaison` executable next to the test bundle (SwiftPM builds it for this target).
    static let binary: String = {
        var candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path]
        if let executable = Bundle.main.executableURL { candidates.append(executable.deletingLastPathComponent().path) }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        candidates.append(root + "/.build/debug")
        for directory in candidates where FileManager.default.isExecutableFile(atPath: directory + "/liaison") {
            return directory + "/liaison"
        }
        fatalError("liaison binary not found in \(candidates)")
    }()

    func path(_ name: String) -> String { directory + "/" + name }

    func write(_ name: String, lines: [String]) throws -> String {
        let file = path(name)
        try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, environment: [String: String?] = [:]) throws -> Result {
        let process = start(arguments, environment: environment)
        if let stdin {
            let input = Pipe()
            process.standardInput = input
            try process.run()
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }
        return finish(process)
    }

    func start(_ arguments: [String], environment overrides: [String: String?] = [:]) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        var environment = ProcessInfo.processInfo.environment
        environment["LIAISON_STORE"] = nil
        for (key, value) in overrides { environment[key] = value }
        process.environment = environment
        return process
    }

    func finish(_ process: Process) -> Result {
        // Read both pipes to the end before waiting, so a full pipe cannot stall the child.
        let out = (process.standardOutput as! Pipe).fileHandleForReading
        let err = (process.standardError as! Pipe).fileHandleForReading
        let errData = LockedData()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errData.set(err.readDataToEndOfFile()); group.leave() }
        let outData = out.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(code: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData.value, as: UTF8.self))
    }
}

final class LockedData: @unchecked Sendable {
    private var data = Data()
    private let lock = NSLock()
    func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
    var value: Data { lock.lock(); defer { lock.unlock() }; return data }
}

final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
}

/// A small JSON reader for test assertions, on Foundation's parser (independent of the ledger's).
func jsonObject(_ text: String) -> [String: Any]? {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
}

/// Valid lines for volume, unique by prefix: cases with a document and a period, and claims with a payment.
func volumeLines(cases: Int, prefix: String) -> [String] {
    var lines: [String] = []
    for index in 0..<cases {
        let caseID = "\(prefix)-C-\(index)", claimID = "\(prefix)-K-\(index)"
        lines.append("{\"id\":\"\(prefix)-o-\(index)\",\"type\":\"CaseOpened\",\"occurred\":\"2024-01-10\",\"actor\":\"user:t\",\"case\":\"\(caseID)\",\"data\":{\"framework\":\"EU883\",\"sector\":\"pension\",\"counterparty\":\"DE\",\"person\":\"p-\(index)\"}}")
        lines.append("{\"id\":\"\(prefix)-d-\(index)\",\"type\":\"DocumentReceived\",\"occurred\":\"2024-02-01\",\"actor\":\"user:t\",\"case\":\"\(caseID)\",\"data\":{\"document\":\"P5000\",\"documentId\":\"doc-\(index)\",\"from\":\"DE\",\"institution\":\"DRV Bund\"}}")
        lines.append("{\"id\":\"\(prefix)-k-\(index)\",\"type\":\"ClaimIntroduced\",\"occurred\":\"2025-03-14\",\"actor\":\"connector:eessi\",\"data\":{\"claim\":\"\(claimID)\",\"creditor\":\"DE\",\"debtor\":\"FR\",\"basis\":\"actual\",\"category\":\"urgent\",\"period\":\"2024-H2\",\"amount\":\"\(100 + index).40\",\"currency\":\"EUR\"}}")
        lines.append("{\"id\":\"\(prefix)-pay-\(index)\",\"type\":\"PaymentRecorded\",\"occurred\":\"2025-06-01\",\"actor\":\"connector:eessi\",\"data\":{\"claim\":\"\(claimID)\",\"amount\":\"50.00\",\"currency\":\"EUR\",\"kind\":\"advance\"}}")
    }
    return lines
}
