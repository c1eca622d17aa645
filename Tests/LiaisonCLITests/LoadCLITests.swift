import Foundation
import Testing

extension CLI: @unchecked Sendable {}  // immutable after init: a directory path

/// Many OS processes at once on one store: appenders, readers (`claim show`, `balances`,
/// `export`) and `verify`. Every read is checked against the final log at the seq it
/// says it was known at, so a torn read (figures from a different seq than its
/// `knownAt`) fails; the log must hold every appended line once, gapless.
/// Scaled by LIAISON_LOAD_APPENDERS / LIAISON_LOAD_READERS / LIAISON_LOAD_ROUNDS
/// (tools/concurrency.sh runs it bigger).
struct LoadCLITests {
    struct Read: Sendable {
        let kind: String
        let code: Int32
        let stdout: String
        let stderr: String
    }

    final class Collected: @unchecked Sendable {
        private var reads: [Read] = []
        private let lock = NSLock()
        func add(_ read: Read) { lock.lock(); reads.append(read); lock.unlock() }
        var all: [Read] { lock.lock(); defer { lock.unlock() }; return reads }
    }

    final class Flag: @unchecked Sendable {
        private var value = false
        private let lock = NSLock()
        func set() { lock.lock(); value = true; lock.unlock() }
        var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    }

    static func setting(_ name: String, _ fallback: Int) -> Int {
        ProcessInfo.processInfo.environment[name].flatMap(Int.init).map { max(1, min($0, 64)) } ?? fallback
    }

    /// "123.40" -> 12340 (the ledger's EUR amounts have two decimals).
    static func cents(_ text: Any?) -> Int? {
        guard let text = text as? String else { return nil }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let units = Int(parts[0]), let fraction = Int(parts[1]), parts[1].count == 2 else { return nil }
        return units * 100 + (units < 0 || parts[0].hasPrefix("-") ? -fraction : fraction)
    }

    @Test func appendersReadersAndVerifyAtOnceSeeConsistentSnapshots() throws {
        let appenders = Self.setting("LIAISON_LOAD_APPENDERS", 3)
        let readers = Self.setting("LIAISON_LOAD_READERS", 3)
        let rounds = Self.setting("LIAISON_LOAD_ROUNDS", 8)
        let cli = try CLI()
        try cli.run(["init", "--store", cli.store])

        var files: [[String]] = []
        var expectedIDs: [String] = []
        for appender in 0..<appenders {
            var own: [String] = []
            for round in 0..<rounds {
                let lines = volumeLines(cases: 25, prefix: "a\(appender)r\(round)")
                expectedIDs += lines.compactMap { jsonObject($0)?["id"] as? String }
                own.append(try cli.write("a\(appender)-\(round).jsonl", lines: lines))
            }
            files.append(own)
        }
        let claimIDs = (0..<appenders).flatMap { a in (0..<rounds).flatMap { r in (0..<25).map { "a\(a)r\(r)-K-\($0)" } } }

        let collected = Collected()
        let done = Flag()
        let group = DispatchGroup()
        let writersLeft = DispatchGroup()
        for own in files {
            group.enter(); writersLeft.enter()
            DispatchQueue.global().async {
                defer { group.leave(); writersLeft.leave() }
                for file in own {
                    let result = try? cli.run(["append", "--store", cli.store, file])
                    collected.add(Read(kind: "append", code: result?.code ?? -1, stdout: result?.stdout ?? "", stderr: result?.stderr ?? ""))
                }
            }
        }
        for reader in 0..<readers {
            group.enter()
            DispatchQueue.global().async {
                defer { group.leave() }
                var turn = reader
                repeat {
                    let claim = claimIDs[(turn * 7919) % claimIDs.count]
                    let (kind, arguments): (String, [String]) = switch turn % 3 {
                    case 0: ("claim", ["claim", "show", "--store", cli.store, claim, "--format", "json"])
                    case 1: ("balances", ["balances", "--store", cli.store, "--year", "2025", "--format", "json"])
                    default: ("export", ["export", "--store", cli.store])
                    }
                    let result = try? cli.run(arguments)
                    collected.add(Read(kind: kind, code: result?.code ?? -1, stdout: result?.stdout ?? "", stderr: result?.stderr ?? ""))
                    turn += readers
                } while !done.isSet
            }
        }
        group.enter()
        DispatchQueue.global().async {
            defer { group.leave() }
            repeat {
                let result = try? cli.run(["verify", "--store", cli.store, "--format", "json"])
                collected.add(Read(kind: "verify", code: result?.code ?? -1, stdout: result?.stdout ?? "", stderr: result?.stderr ?? ""))
            } while !done.isSet
        }
        writersLeft.wait()
        done.set()
        group.wait()

        // Writers: every line once, seq gapless.
        let final = try cli.run(["export", "--store", cli.store])
        let finalLines = final.stdout.split(separator: "\n").map(String.init)
        let events = finalLines.compactMap { jsonObject($0) }
        #expect(events.map { $0["seq"] as? Int } == Array(1...expectedIDs.count).map { $0 })
        #expect(events.compactMap { $0["id"] as? String }.sorted() == expectedIDs.sorted())
        let reads = collected.all
        #expect(reads.filter { $0.kind == "append" }.allSatisfy { $0.code == 0 })

        // Independent figures at any seq K, from the final log.
        var introducedAt: [Int] = [0], paidAt: [Int] = [0]
        var paymentSeq: [String: Int] = [:], introducedSeq: [String: Int] = [:]
        for event in events {
            let data = event["data"] as? [String: Any] ?? [:]
            let amount = Self.cents(data["amount"]) ?? 0
            let type = event["type"] as? String
            introducedAt.append(introducedAt.last! + (type == "ClaimIntroduced" ? amount : 0))
            paidAt.append(paidAt.last! + (type == "PaymentRecorded" ? amount : 0))
            if type == "PaymentRecorded", let claim = data["claim"] as? String { paymentSeq[claim] = event["seq"] as? Int }
            if type == "ClaimIntroduced", let claim = data["claim"] as? String { introducedSeq[claim] = event["seq"] as? Int }
        }

        var checked: [String: Int] = [:]
        for read in reads where read.kind != "append" {
            switch read.kind {
            case "claim":
                // Not yet introduced when read: "no such claim" is the right answer.
                if read.code == 66 { checked["claim-not-yet", default: 0] += 1; continue }
                #expect(read.code == 0, "\(read.stderr)")
                let json = try #require(jsonObject(read.stdout))
                let knownAt = try #require(json["knownAt"] as? Int)
                let claim = try #require((json["claim"] as? [String: Any])?["claim"] as? String)
                #expect(try #require(introducedSeq[claim]) <= knownAt)
                let paid = paymentSeq[claim].map { $0 <= knownAt } ?? false
                #expect(Self.cents(json["paid"]) == (paid ? 5000 : 0), "claim \(claim) known at \(knownAt)")
            case "balances":
                #expect(read.code == 0, "\(read.stderr)")
                let json = try #require(jsonObject(read.stdout))
                let knownAt = try #require(json["knownAt"] as? Int)
                let all = (json["totals"] as? [[String: Any]])?.first { $0["key"] as? String == "all" }
                #expect(Self.cents(all?["debtsIntroduced"]) ?? 0 == introducedAt[knownAt], "balances known at \(knownAt)")
                #expect(Self.cents(all?["debtsPaid"]) ?? 0 == paidAt[knownAt], "balances known at \(knownAt)")
            case "export":
                #expect(read.code == 0, "\(read.stderr)")
                let lines = read.stdout.split(separator: "\n").map(String.init)
                #expect(lines == Array(finalLines.prefix(lines.count)), "an export is a prefix of the final log")
            default:
                #expect(read.code == 0, "verify during load: \(read.stdout)\(read.stderr)")
            }
            checked[read.kind, default: 0] += 1
        }
        #expect(checked["balances", default: 0] + checked["claim", default: 0] + checked["export", default: 0] > 0)
        #expect(checked["verify", default: 0] > 0)
        print("load: \(appenders) appenders, \(readers) readers, 1 verifier; \(expectedIDs.count) events; reads checked: \(checked.sorted { $0.key < $1.key })")
    }
}
