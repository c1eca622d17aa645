import Foundation
import LiaisonServer
import Testing

struct TokenTests {
    @Test func tokenAddPrintsTheTokenOnceAndStoresOnlyItsHash() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-tokens-\(ProcessInfo.processInfo.processIdentifier)").path
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/tokens"
        let first = try ReadParityTests.cli(["token", "add", "--role", "finance", "--name", "compta", "--tokens", file]).trimmingCharacters(in: .whitespacesAndNewlines)
        let second = try ReadParityTests.cli(["token", "add", "--role", "connector", "--name", "eessi-ap", "--tokens", file]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(first != second)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(!text.contains(first) && !text.contains(String(first.dropFirst(4))), "the token itself is never stored")
        let tokens = try TokenFile.load(file)
        #expect(tokens.entries.map(\.role) == [.finance, .connector])
        #expect(tokens.identity(forToken: first) == Identity(role: .finance, name: "compta"))
        #expect(tokens.identity(forToken: second) == Identity(role: .connector, name: "eessi-ap"))
        #expect(tokens.identity(forToken: first + "x") == nil)
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test(arguments: [
        ("admin root", "2 fields"),
        ("boss root " + String(repeating: "a", count: 64), "not a role"),
        ("admin r:oot " + String(repeating: "a", count: 64), "a name"),
        ("admin root abc", "SHA-256"),
    ])
    func malformedLinesAreRefusedWithTheirLineNumber(line: String, says: String) {
        #expect(throws: TokenFile.Failure.self) { try TokenFile.parse("# comment\n\n" + line) }
        do {
            _ = try TokenFile.parse("# comment\n\n" + line, path: "tokens")
        } catch {
            #expect("\(error)".contains("tokens line 3"))
            #expect("\(error)".contains(says) || "\(error)".contains("fields"), "\(error)")
        }
    }

    /// A token pasted into the file (instead of its hash, or in the wrong field) must not be
    /// repeated by the error, which the server logs on SIGHUP.
    @Test(arguments: [
        "lsn_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "lsn_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef admin root",
        "admin lsn_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef " + String(repeating: "a", count: 64),
        "admin root lsn_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    ])
    func errorsNeverEchoAField(line: String) {
        do {
            _ = try TokenFile.parse(line, path: "tokens")
            Issue.record("accepted: \(line)")
        } catch {
            #expect("\(error)".contains("tokens line 1"))
            #expect(!"\(error)".contains("0123456789abcdef"), "\(error)")
        }
    }

    @Test func tokenAddStartsANewLineWhenTheFileLacksOne() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-tokens-nl-\(ProcessInfo.processInfo.processIdentifier)").path
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/tokens"
        let (kept, line) = TokenFile.newToken(role: .auditor, name: "hand")
        try line.write(toFile: file, atomically: true, encoding: .utf8)  // no final newline
        let added = try ReadParityTests.cli(["token", "add", "--role", "finance", "--name", "compta", "--tokens", file]).trimmingCharacters(in: .whitespacesAndNewlines)
        let tokens = try TokenFile.load(file)
        #expect(tokens.entries.map(\.name) == ["hand", "compta"])
        #expect(tokens.identity(forToken: kept) == Identity(role: .auditor, name: "hand"))
        #expect(tokens.identity(forToken: added) == Identity(role: .finance, name: "compta"))
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasSuffix("\n"))
    }
}
