import Foundation
import Testing

struct ProjectionCLITests {
    /// Same log, same digests, whatever the process's hash seed.
    @Test func replayDigestsAreTheSameInTwoProcessesWithDifferentHashSeeds() throws {
        let cli = try CLI()
        try cli.run(["init", "--store", cli.store])
        try cli.run(["generate", "--cases", "120", "--seed", "11", "-o", cli.path("g.jsonl")])
        try cli.run(["append", "--store", cli.store, cli.path("g.jsonl")])
        try cli.run(["append", "--store", cli.store, try cli.write("v.jsonl", lines: volumeLines(cases: 40, prefix: "d"))])
        let deterministic = try cli.run(["replay", "--store", cli.store], environment: ["SWIFT_DETERMINISTIC_HASHING": "1"])
        let seeded = try cli.run(["replay", "--store", cli.store], environment: ["SWIFT_DETERMINISTIC_HASHING": nil])
        #expect(deterministic.code == 0 && seeded.code == 0)
        let a = try #require(jsonObject(deterministic.stdout)), b = try #require(jsonObject(seeded.stdout))
        #expect(a["digests"] as? [String: String] == b["digests"] as? [String: String])
        #expect((a["digests"] as? [String: String])?.count == 3)
        #expect(try cli.run(["replay", "--store", cli.store, "--check"]).code == 0)
        #expect(try cli.run(["verify", "--store", cli.store]).code == 0)
    }

    /// A read killed while it catches the projections up leaves them at a checkpoint;
    /// the next read resumes there and ends equal to a replay.
    @Test func killedCatchUpResumesAndEqualsAReplay() throws {
        let cli = try CLI()
        try cli.run(["init", "--store", cli.store])
        try cli.run(["append", "--store", cli.store, try cli.write("big.jsonl", lines: volumeLines(cases: 5000, prefix: "c"))])
        let reader = cli.start(["balances", "--store", cli.store, "--format", "json"])
        try reader.run()
        usleep(400_000)
        kill(reader.processIdentifier, SIGKILL)
        _ = cli.finish(reader)
        let status = try #require(jsonObject(try cli.run(["status", "--store", cli.store, "--format", "json"]).stdout))
        let checkpoints = try #require(status["projections"] as? [String: [String: Int]])
        let head = try #require((status["head"] as? [String: Any])?["seq"] as? Int)
        #expect(head == 20_000)
        #expect(checkpoints.values.allSatisfy { ($0["checkpoint"] ?? -1) >= 0 && ($0["checkpoint"] ?? .max) <= head })
        // Resume: the check catches up from the checkpoints and compares with a replay.
        #expect(try cli.run(["replay", "--store", cli.store, "--check"]).code == 0)
        let after = try #require(jsonObject(try cli.run(["status", "--store", cli.store, "--format", "json"]).stdout))
        #expect((after["projections"] as? [String: [String: Int]])?.values.allSatisfy { $0["lag"] == 0 } == true)
    }

    @Test func readsAnswerInJSONAndTables() throws {
        let cli = try CLI()
        try cli.run(["init", "--store", cli.store])
        try cli.run(["append", "--store", cli.store, try cli.write("v.jsonl", lines: volumeLines(cases: 3, prefix: "r"))])
        let show = try cli.run(["case", "show", "--store", cli.store, "r-C-1", "--format", "json"])
        #expect(jsonObject(show.stdout)?["status"] as? String == "open")
        #expect(jsonObject(show.stdout)?["version"] as? Int == 2)
        let past = try cli.run(["case", "show", "--store", cli.store, "r-C-1", "--at-seq", "5", "--format", "json"])
        #expect(jsonObject(past.stdout)?["version"] as? Int == 1)
        let history = try cli.run(["case", "history", "--store", cli.store, "r-C-1", "--format", "json"])
        #expect((jsonObject(history.stdout)?["events"] as? [[String: Any]])?.map { $0["seq"] as? Int } == [5, 6])
        let claim = try cli.run(["claim", "show", "--store", cli.store, "r-K-2", "--as-of", "2025-12-31", "--format", "json"])
        #expect(jsonObject(claim.stdout)?["outstanding"] as? String == "52.40")
        let csv = try cli.run(["balances", "--store", cli.store, "--year", "2025", "--format", "csv"])
        let rows = csv.stdout.split(separator: "\n")
        #expect(rows.first?.hasPrefix("section,key,zone,currency,claimsIntroduced,debtsIntroduced") == true)
        #expect(rows.contains { $0.hasPrefix("row,DE,EU,EUR,0.00,304.20,") })
        let table = try cli.run(["balances", "--store", cli.store, "--year", "2025", "--format", "table"])
        #expect(table.stdout.contains("-304.20"), "debts of 100.40 + 101.40 + 102.40 make a negative balance")
        #expect(try cli.run(["case", "show", "--store", cli.store, "nope"]).code == 66)
        #expect(try cli.run(["claim", "show", "--store", cli.store, "nope"]).code == 66)
    }
}
