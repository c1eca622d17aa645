import Foundation
import Testing

/// A data file cut short (an interrupted copy, a damaged disk): no command may crash on
/// it, and verify must name the first seq that is lost, with the intact prefix's head.
struct TruncationCLITests {
    @Test(arguments: [97, 80, 50, 25, 5])
    func verifyNamesTheFirstLostSeqOfATruncatedFile(percent: Int) throws {
        let cli = try CLI()
        try cli.run(["init", "--store", cli.store])
        try cli.run(["append", "--store", cli.store, try cli.write("in.jsonl", lines: volumeLines(cases: 400, prefix: "t"))])
        // The hashes as the whole store has them, to compare the salvaged head with.
        let export = try cli.run(["export", "--store", cli.store])
        let hashes = export.stdout.split(separator: "\n").compactMap { jsonObject(String($0))?["hash"] as? String }
        #expect(hashes.count == 1600)

        let damaged = cli.path("damaged")
        try FileManager.default.createDirectory(atPath: damaged, withIntermediateDirectories: true)
        let original = try Data(contentsOf: URL(fileURLWithPath: cli.store + "/data.mdb"))
        try original.prefix(original.count * percent / 100).write(to: URL(fileURLWithPath: damaged + "/data.mdb"))

        let verify = try cli.run(["verify", "--store", damaged, "--format", "json"])
        #expect(verify.code == 2, "\(verify.stderr)")
        let report = try #require(jsonObject(verify.stdout))
        let head = try #require(report["head"] as? [String: Any])
        let intact = try #require(head["seq"] as? Int)
        #expect(report["firstBadSeq"] as? Int == intact + 1)
        #expect(intact < hashes.count, "something is lost")
        if intact > 0 { #expect(head["hash"] as? String == hashes[intact - 1], "the salvaged prefix is the original's") }
        let problems = try #require(report["problems"] as? [[String: Any]])
        #expect((problems.first?["message"] as? String)?.contains("are missing") == true)

        // Every other command refuses the store with a sentence (exit 2), never a crash.
        for arguments in [["export"], ["status"], ["append", cli.path("in.jsonl")], ["balances", "--year", "2023"]] {
            let result = try cli.run([arguments[0], "--store", damaged] + arguments.dropFirst())
            #expect(result.code == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("damaged"), "\(arguments): \(result.stderr)")
        }
    }

    @Test func anEmptyDataFileIsRefusedNotReinitialised() throws {
        let cli = try CLI()
        try cli.run(["init", "--store", cli.store])
        try cli.run(["append", "--store", cli.store, try cli.write("in.jsonl", lines: volumeLines(cases: 5, prefix: "e"))])
        try Data().write(to: URL(fileURLWithPath: cli.store + "/data.mdb"))
        let verify = try cli.run(["verify", "--store", cli.store, "--format", "json"])
        #expect(verify.code == 2)
        #expect(jsonObject(verify.stdout)?["firstBadSeq"] as? Int == 1)
        #expect(try cli.run(["append", "--store", cli.store, cli.path("in.jsonl")]).code == 2)
        // LMDB would have taken an empty file for a new store and written its meta pages.
        #expect((try FileManager.default.attributesOfItem(atPath: cli.store + "/data.mdb")[.size] as? Int) == 0)
    }
}
