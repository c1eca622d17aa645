import Crypto
import Foundation
import Testing
@testable import Ledger
@testable import LedgerRuntime
@testable import Projections

/// The reference scenarios in snapshots/: replaying each event file must give its
/// expected projections byte for byte, and the digests must be the SHA-256 of those bytes.
struct SnapshotTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("snapshots")
    static let scenarios = ["pension-three-states", "posting-article-12", "claims-year-five-partners"]

    @Test(arguments: scenarios)
    func replayGivesTheExpectedProjectionsByteForByte(_ scenario: String) throws {
        let directory = Self.root.appendingPathComponent(scenario)
        let events = try String(contentsOf: directory.appendingPathComponent("events.jsonl"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let store = try ProjectionTestStore()
        let parser = EventParser(mode: .import)
        let outcomes = try store.log.append(events.map { parser.parse($0) }, mode: .importStored).outcomes
        #expect(outcomes.allSatisfy { if case .appended = $0 { return true } else { return false } })

        let replay = try Replay(log: store.log)
        let dump = store.path + "-dump"
        defer { try? FileManager.default.removeItem(atPath: dump) }
        try FileManager.default.createDirectory(atPath: dump, withIntermediateDirectories: true)
        var digests: [String: String] = [:]
        for (name, digest) in try replay.digests() {
            try replay.projections.dump(name, to: dump + "/\(name).jsonl")
            let produced = try Data(contentsOf: URL(fileURLWithPath: dump + "/\(name).jsonl"))
            let expected = try Data(contentsOf: directory.appendingPathComponent("expected/\(name).jsonl"))
            #expect(produced == expected, "\(scenario)/\(name).jsonl differs from the snapshot")
            // The digest is the file's SHA-256, computed here independently of the ledger.
            #expect(digest == SHA256.hash(data: expected).map { String(format: "%02x", $0) }.joined())
            digests[name] = digest
        }
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("expected/digests.json"))) as? [String: Any]
        #expect(summary?["digests"] as? [String: String] == digests)
        #expect(summary?["seq"] as? Int == events.count)
    }

    @Test func pensionScenarioCountsAggregationDaysByHand() throws {
        let cases = try String(contentsOf: Self.root.appendingPathComponent("pension-three-states/expected/cases.jsonl"), encoding: .utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(cases.utf8)) as? [String: Any])
        let days = try #require(object["periodDays"] as? [String: Any])
        // DE 2001-09-01…2010-06-30 = 3225; FR 2010-07-01…2020-12-31 = 3837; IT 1998-01-01…2001-12-31 = 1461;
        // all states 1998-01-01…2020-12-31 = 23 years with 6 leap days = 8401.
        #expect(days["byState"] as? [String: Int] == ["DE": 3225, "FR": 3837, "IT": 1461])
        #expect(days["total"] as? Int == 8401)
    }

    @Test func postingScenarioDropsTheSupersededProvisionalDetermination() throws {
        let cases = try String(contentsOf: Self.root.appendingPathComponent("posting-article-12/expected/cases.jsonl"), encoding: .utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(cases.utf8)) as? [String: Any])
        let legislation = try #require(object["legislation"] as? [[String: Any]])
        #expect(legislation.map { $0["id"] as? String } == ["cleiss:FR-LA-2024-0311:final", "cleiss:FR-LA-2024-0311:after"])
    }
}
