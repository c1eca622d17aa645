import Foundation
import Testing

struct IntegrityCLITests {
    @Test func exportThenImportIntoAnEmptyStoreGivesTheSameHead() throws {
        let cli = try CLI()
        try cli.run(["init", "--store", cli.store])
        try cli.run(["append", "--store", cli.store, try cli.write("a.jsonl", lines: volumeLines(cases: 30, prefix: "x"))])
        try cli.run(["append", "--store", cli.store, try cli.write("b.jsonl", lines: volumeLines(cases: 10, prefix: "y"))])
        let export = try cli.run(["export", "--store", cli.store, "-o", cli.path("export.jsonl")])
        #expect(export.code == 0)
        let copy = cli.path("copy")
        try cli.run(["init", "--store", copy])
        let imported = try cli.run(["import", "--store", copy, cli.path("export.jsonl")])
        #expect(imported.code == 0)
        let original = try #require(jsonObject(try cli.run(["verify", "--store", cli.store, "--format", "json"]).stdout))
        let restored = try #require(jsonObject(try cli.run(["verify", "--store", copy, "--format", "json"]).stdout))
        #expect(original["head"] as? [String: AnyHashable] == restored["head"] as? [String: AnyHashable])
        #expect((original["head"] as? [String: Any])?["seq"] as? Int == 160)
        // Importing the same export again is all duplicates.
        #expect(jsonObject(try cli.run(["import", "--store", copy, cli.path("export.jsonl")]).stdout)?["duplicates"] as? Int == 160)
    }

    @Test func aFlippedByteOnDiskFailsVerifyAndNamesItsSeq() throws {
        let cli = try CLI()
        try cli.run(["init", "--store", cli.store])
        var lines = volumeLines(cases: 20, prefix: "f")
        // A CaseClosed whose reason exists only in the event record, so we can find it in the file.
        let marker = "tamper-target-reason-0123456789"
        lines.append("{\"id\":\"close-me\",\"type\":\"CaseClosed\",\"occurred\":\"2024-05-01\",\"actor\":\"user:t\",\"case\":\"f-C-3\",\"data\":{\"reason\":\"\(marker)\"}}")
        lines.append(contentsOf: volumeLines(cases: 5, prefix: "g"))
        try cli.run(["append", "--store", cli.store, try cli.write("in.jsonl", lines: lines)])
        let ok = try cli.run(["verify", "--store", cli.store, "--format", "json"])
        #expect(ok.code == 0)
        let head = try #require(jsonObject(ok.stdout)?["head"] as? [String: Any])

        let file = cli.store + "/data.mdb"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        let needle = Array(marker.utf8)
        let offset = try #require(bytes.indices.first { bytes[$0..<min($0 + needle.count, bytes.count)].elementsEqual(needle) })
        bytes[offset + 10] ^= 0x20
        try Data(bytes).write(to: URL(fileURLWithPath: file))

        let bad = try cli.run(["verify", "--store", cli.store, "--format", "json"])
        #expect(bad.code == 2)
        let report = try #require(jsonObject(bad.stdout))
        #expect(report["ok"] as? Bool == false)
        #expect(report["firstBadSeq"] as? Int == 81, "the CaseClosed is the 81st event")
        let anchor = "\(head["seq"]!):\(head["hash"]!)"
        #expect(try cli.run(["verify", "--store", cli.store, "--anchor", anchor]).code == 2)
    }

    @Test func aWrongAnchorFailsAndTheRightOnePasses() throws {
        let cli = try CLI()
        try cli.run(["init", "--store", cli.store])
        try cli.run(["append", "--store", cli.store, try cli.write("in.jsonl", lines: volumeLines(cases: 5, prefix: "n"))])
        let report = try #require(jsonObject(try cli.run(["verify", "--store", cli.store, "--format", "json"]).stdout))
        let head = try #require(report["head"] as? [String: Any])
        let hash = try #require(head["hash"] as? String)
        #expect(try cli.run(["verify", "--store", cli.store, "--anchor", "20:\(hash)"]).code == 0)
        let wrong = String(hash.reversed())
        let failed = try cli.run(["verify", "--store", cli.store, "--anchor", "20:\(wrong)", "--format", "json"])
        #expect(failed.code == 2)
        #expect((jsonObject(failed.stdout)?["problems"] as? [[String: Any]])?.first?["check"] as? String == "anchor")
    }
}
