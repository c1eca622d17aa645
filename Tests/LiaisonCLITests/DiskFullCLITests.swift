import Foundation
import Testing

/// Mounting a small tmpfs needs root (or CAP_SYS_ADMIN); probed once.
enum TmpfsSupport {
    static let canMount: Bool = {
        guard getuid() == 0 else { return false }
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-tmpfs-probe-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard shell("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe]) == 0 else { return false }
        return shell("/bin/umount", [probe]) == 0
    }()

    @discardableResult
    static func shell(_ tool: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// A store on a disk that fills up during an append; skipped, with the reason shown,
/// where a tmpfs cannot be mounted.
@Suite(.enabled(if: TmpfsSupport.canMount, "needs root (or CAP_SYS_ADMIN) to mount a 2 MiB tmpfs"))
struct DiskFullCLITests {
    @discardableResult
    static func shell(_ tool: String, _ arguments: [String]) -> Int32 { TmpfsSupport.shell(tool, arguments) }

    @Test func aFullDiskStopsTheAppendCleanlyAndTheStoreCompletesOnALargerOne() throws {
        let cli = try CLI()
        let small = cli.path("small")
        try FileManager.default.createDirectory(atPath: small, withIntermediateDirectories: true)
        #expect(Self.shell("/bin/mount", ["-t", "tmpfs", "-o", "size=2m", "tmpfs", small]) == 0)
        defer { Self.shell("/bin/umount", [small]) }
        let store = small + "/store"
        let lines = volumeLines(cases: 2500, prefix: "full")
        let ids = lines.compactMap { jsonObject($0)?["id"] as? String }
        let file = try cli.write("in.jsonl", lines: lines)
        try cli.run(["init", "--store", store])

        let full = try cli.run(["append", "--store", store, file])
        #expect(full.code == 74)
        #expect(full.stderr.contains("The disk holding the store is full"), "\(full.stderr)")
        #expect(full.stderr.contains("Everything committed before is kept"))

        // What was committed is a prefix of the input, whole and verified, on the full disk.
        let export = try cli.run(["export", "--store", store])
        #expect(export.code == 0)
        let stored = export.stdout.split(separator: "\n").compactMap { jsonObject(String($0))?["id"] as? String }
        #expect(!stored.isEmpty && stored.count < ids.count, "the disk filled part-way")
        #expect(stored == Array(ids.prefix(stored.count)))
        let verify = try cli.run(["verify", "--store", store])
        #expect(verify.code == 0, "\(verify.stdout)\(verify.stderr)")
        // The failed append still printed the summary of what it committed.
        let partial = try #require(jsonObject(full.stdout))
        #expect(partial["appended"] as? Int == stored.count)
        #expect(partial["lastSeq"] as? Int == stored.count)

        // Reads work on the full disk although the projections cannot be caught up there:
        // balances over the stored claims, computed here from the export alone.
        let events = export.stdout.split(separator: "\n").compactMap { jsonObject(String($0)) }
        let introduced = events.filter { $0["type"] as? String == "ClaimIntroduced" }
            .compactMap { LoadCLITests.cents(($0["data"] as? [String: Any])?["amount"]) }.reduce(0, +)
        let paid = events.filter { $0["type"] as? String == "PaymentRecorded" }
            .compactMap { LoadCLITests.cents(($0["data"] as? [String: Any])?["amount"]) }.reduce(0, +)
        let balances = try cli.run(["balances", "--store", store, "--year", "2025", "--format", "json"])
        #expect(balances.code == 0, "\(balances.stderr)")
        let totals = (jsonObject(balances.stdout)?["totals"] as? [[String: Any]])?.first { $0["key"] as? String == "all" }
        #expect(LoadCLITests.cents(totals?["debtsIntroduced"]) == introduced)
        #expect(LoadCLITests.cents(totals?["debtsPaid"]) == paid)
        let claim = try cli.run(["claim", "show", "--store", store, "full-K-0", "--format", "json"])
        #expect(claim.code == 0, "\(claim.stderr)")
        #expect(jsonObject(claim.stdout)?["paid"] as? String == "50.00")

        // Moved to a larger disk, the same command completes: the rest once, nothing twice.
        let moved = cli.path("moved")
        try FileManager.default.copyItem(atPath: store, toPath: moved)
        let rerun = try cli.run(["append", "--store", moved, file])
        #expect(rerun.code == 0, "\(rerun.stderr)")
        let summary = try #require(jsonObject(rerun.stdout))
        #expect(summary["duplicates"] as? Int == stored.count)
        #expect(summary["appended"] as? Int == ids.count - stored.count)
        let all = try cli.run(["export", "--store", moved]).stdout.split(separator: "\n").compactMap { jsonObject(String($0))?["id"] as? String }
        #expect(all == ids)
        #expect(try cli.run(["verify", "--store", moved]).code == 0)
    }
}
