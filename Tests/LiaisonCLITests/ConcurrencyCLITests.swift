import Foundation
import Testing

struct ConcurrencyCLITests {
    /// Several OS processes append to one store at once: LMDB's writer lock serialises them.
    @Test func processesAppendingAtOnceStayGaplessAndVerified() throws {
        let cli = try CLI()
        try cli.run(["init", "--store", cli.store])
        let processes = 4
        var expected: [String] = []
        var running: [Process] = []
        for index in 0..<processes {
            let lines = volumeLines(cases: 150, prefix: "proc\(index)")
            expected.append(contentsOf: lines.compactMap { jsonObject($0)?["id"] as? String })
            let file = try cli.write("p\(index).jsonl", lines: lines)
            let process = cli.start(["append", "--store", cli.store, file])
            try process.run()
            running.append(process)
        }
        for process in running {
            let result = cli.finish(process)
            #expect(result.code == 0, "\(result.stderr)")
        }
        let export = try cli.run(["export", "--store", cli.store])
        let events = export.stdout.split(separator: "\n").compactMap { jsonObject(String($0)) }
        #expect(events.map { $0["seq"] as? Int } == Array(1...(processes * 600)).map { $0 })
        #expect(events.compactMap { $0["id"] as? String }.sorted() == expected.sorted())
        #expect(try cli.run(["verify", "--store", cli.store]).code == 0)
    }

    /// A child killed with SIGKILL mid-append loses nothing committed; re-running completes it once.
    @Test func killedAppendCompletesOnRerunWithNoDuplicates() throws {
        let cli = try CLI()
        try cli.run(["init", "--store", cli.store])
        let lines = volumeLines(cases: 6000, prefix: "k")
        let file = try cli.write("big.jsonl", lines: lines)
        let process = cli.start(["append", "--store", cli.store, file])
        try process.run()
        // Kill once some batches are committed (the data file has grown past its initial pages), or after 3 s.
        let deadline = Date().addingTimeInterval(3)
        while Date() < deadline {
            let size = (try? FileManager.default.attributesOfItem(atPath: cli.store + "/data.mdb")[.size] as? Int) ?? 0
            if size > 2_000_000 { break }
            usleep(5_000)
        }
        kill(process.processIdentifier, SIGKILL)
        let killed = cli.finish(process)
        #expect(killed.code != 0 || killed.stdout.contains("appended"))

        let rerun = try cli.run(["append", "--store", cli.store, file])
        #expect(rerun.code == 0)
        let summary = try #require(jsonObject(rerun.stdout))
        #expect((summary["appended"] as! Int) + (summary["duplicates"] as! Int) == lines.count)
        let export = try cli.run(["export", "--store", cli.store])
        let ids = export.stdout.split(separator: "\n").compactMap { jsonObject(String($0))?["id"] as? String }
        #expect(ids.count == lines.count)
        #expect(ids.sorted() == lines.compactMap { jsonObject($0)?["id"] as? String }.sorted())
        #expect(try cli.run(["verify", "--store", cli.store]).code == 0)
    }
}

struct MapGrowthCLITests {
    /// Processes that each grow the map while the others have it open: the others must
    /// adopt the new size (MDB_MAP_RESIZED) and carry on, losing nothing.
    @Test func processesGrowTheMapUnderEachOther() throws {
        let cli = try CLI()
        let tiny: [String: String?] = ["LIAISON_MAP_SIZE_BYTES": "65536"]
        try cli.run(["init", "--store", cli.store], environment: tiny)
        var running: [Process] = []
        for index in 0..<3 {
            let file = try cli.write("m\(index).jsonl", lines: volumeLines(cases: 700, prefix: "grow\(index)"))
            let process = cli.start(["append", "--store", cli.store, file], environment: tiny)
            try process.run()
            running.append(process)
        }
        for process in running {
            let result = cli.finish(process)
            #expect(result.code == 0, "\(result.stderr)")
            #expect(jsonObject(result.stdout)?["appended"] as? Int == 2800)
        }
        let status = try #require(jsonObject(try cli.run(["status", "--store", cli.store, "--format", "json"]).stdout))
        #expect((status["head"] as? [String: Any])?["seq"] as? Int == 8400)
        #expect((status["mapSizeBytes"] as? Int ?? 0) > 65536)
        #expect(try cli.run(["verify", "--store", cli.store]).code == 0)
    }
}
