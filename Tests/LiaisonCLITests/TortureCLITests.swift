import Foundation
import Testing

struct TortureCLITests {
    /// The short run of tools/torture.sh: 10 SIGKILLs during appends, catch-ups and backups,
    /// then the ids, seqs, verify, replay --check and backups are checked by the script.
    @Test func tenKillsLoseNothing() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [root.appendingPathComponent("tools/torture.sh").path, "--kills", "10", "--part-events", "8000"]
        var environment = ProcessInfo.processInfo.environment
        environment["LIAISON_BIN"] = CLI.binary
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("stored once each, gapless, verify and replay --check ok"))
    }
}
