import Foundation
import Testing

struct BackupCLITests {
    /// A backup taken while an append runs is a consistent prefix that verifies; importing
    /// the rest of the original's log gives the original's head.
    @Test func hotBackupIsAVerifiablePrefixThatCatchesUp() throws {
        let cli = try CLI()
        try cli.run(["init", "--store", cli.store])
        let file = try cli.write("big.jsonl", lines: volumeLines(cases: 4000, prefix: "h"))
        let appender = cli.start(["append", "--store", cli.store, file])
        try appender.run()
        usleep(300_000)
        let backup = try cli.run(["backup", "--store", cli.store, "--to", cli.path("backup"), "--format", "json"])
        #expect(backup.code == 0, "\(backup.stderr)")
        #expect(cli.finish(appender).code == 0)
        let copied = try #require(jsonObject(backup.stdout)?["head"] as? [String: Any])
        let seq = try #require(copied["seq"] as? Int)

        #expect(try cli.run(["verify", "--store", cli.path("backup")]).code == 0)
        // A prefix: the backup's events are the original's first `seq` events, byte for byte.
        let original = try cli.run(["export", "--store", cli.store]).stdout.split(separator: "\n")
        let restored = try cli.run(["export", "--store", cli.path("backup")]).stdout.split(separator: "\n")
        #expect(restored.count == seq)
        #expect(Array(original.prefix(seq)) == restored)
        // Catch up from the original's log: the same head.
        let rest = try cli.run(["export", "--store", cli.store, "--from", String(seq + 1), "-o", cli.path("rest.jsonl")])
        #expect(rest.code == 0)
        #expect(try cli.run(["import", "--store", cli.path("backup"), cli.path("rest.jsonl")]).code == 0)
        let a = try #require(jsonObject(try cli.run(["verify", "--store", cli.store, "--format", "json"]).stdout)?["head"] as? [String: Any])
        let b = try #require(jsonObject(try cli.run(["verify", "--store", cli.path("backup"), "--format", "json"]).stdout)?["head"] as? [String: Any])
        #expect(a["hash"] as? String == b["hash"] as? String)
        #expect(a["seq"] as? Int == 16_000)
    }

    @Test func aBackupNeverOverwrites() throws {
        let cli = try CLI()
        try cli.run(["init", "--store", cli.store])
        try FileManager.default.createDirectory(atPath: cli.path("full"), withIntermediateDirectories: true)
        try "x".write(toFile: cli.path("full/file"), atomically: true, encoding: .utf8)
        #expect(try cli.run(["backup", "--store", cli.store, "--to", cli.path("full")]).code == 64)
    }
}
