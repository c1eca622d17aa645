import Foundation
import Testing

struct AppendCLITests {
    @Test func rejectedLinesAreReportedWithLineFieldAndKeptInTheRejectsFile() throws {
        let cli = try CLI()
        try cli.run(["init", "--store", cli.store])
        let lines = volumeLines(cases: 2, prefix: "a") + [
            "this is not json",
            "{\"id\":\"b1\",\"type\":\"CaseClosed\",\"occurred\":\"2024-03-01\",\"actor\":\"user:t\",\"case\":\"nope\",\"data\":{\"reason\":\"r\"}}",
            "{\"id\":\"b2\",\"type\":\"PaymentRecorded\",\"occurred\":\"2025-06-02\",\"actor\":\"user:t\",\"data\":{\"claim\":\"a-K-0\",\"amount\":\"999.00\",\"currency\":\"EUR\",\"kind\":\"payment\"}}",
        ]
        let input = try cli.write("in.jsonl", lines: lines)
        let result = try cli.run(["append", "--store", cli.store, "--rejects", cli.path("rejects.jsonl"), input])
        #expect(result.code == 65)
        let summary = try #require(jsonObject(result.stdout))
        #expect(summary["appended"] as? Int == 8 && summary["rejected"] as? Int == 3 && summary["duplicates"] as? Int == 0)
        #expect(summary["firstSeq"] as? Int == 1 && summary["lastSeq"] as? Int == 8)
        let reports = result.stderrLines.compactMap(jsonObject)
        #expect(reports.map { $0["line"] as? Int } == [9, 10, 11])
        #expect(reports.map { $0["error"] as? String } == ["malformed-json", "unknown-case", "amount-exceeds"])
        #expect((reports[1]["message"] as? String)?.hasPrefix("case: ") == true)
        #expect((reports[2]["message"] as? String)?.hasPrefix("data.amount: ") == true)
        #expect(reports[2]["id"] as? String == "b2")
        let kept = try String(contentsOfFile: cli.path("rejects.jsonl"), encoding: .utf8).split(separator: "\n").compactMap { jsonObject(String($0)) }
        #expect(kept.map { $0["original"] as? String } == Array(lines[8...]))
    }

    @Test func resendingAFileCountsDuplicatesAndKeepsTheHead() throws {
        let cli = try CLI()
        try cli.run(["init", "--store", cli.store])
        let input = try cli.write("in.jsonl", lines: volumeLines(cases: 25, prefix: "r"))
        let first = try cli.run(["append", "--store", cli.store, input])
        let second = try cli.run(["append", "--store", cli.store], stdin: try String(contentsOfFile: input, encoding: .utf8))
        #expect(first.code == 0 && second.code == 0)
        let a = try #require(jsonObject(first.stdout)), b = try #require(jsonObject(second.stdout))
        #expect(a["appended"] as? Int == 100 && b["appended"] as? Int == 0 && b["duplicates"] as? Int == 100)
        #expect(a["head"] as? String == b["head"] as? String)
    }

    @Test func aMissingStoreIsOneSentenceAndExit66() throws {
        let cli = try CLI()
        let result = try cli.run(["append", "--store", cli.path("nowhere")], stdin: "")
        #expect(result.code == 66)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.contains("liaison init"))
    }

    @Test func usageErrorsExit64() throws {
        let cli = try CLI()
        #expect(try cli.run(["verify", "--store", cli.store, "--anchor", "nonsense"]).code == 64)
        #expect(try cli.run(["frobnicate"]).code == 64)
    }

    @Test func atomicAppendsNothingWhenALineIsBad() throws {
        let cli = try CLI()
        try cli.run(["init", "--store", cli.store])
        let input = try cli.write("in.jsonl", lines: volumeLines(cases: 3, prefix: "t") + ["{"])
        let result = try cli.run(["append", "--store", cli.store, "--atomic", input])
        #expect(result.code == 65)
        #expect(jsonObject(result.stdout)?["appended"] as? Int == 0)
        let export = try cli.run(["export", "--store", cli.store])
        #expect(export.stdout.isEmpty)
    }

    @Test func aByteOrderMarkIsSkippedAndNonUTF8OriginalsKeepTheirBytes() throws {
        let cli = try CLI()
        try cli.run(["init", "--store", cli.store])
        let lines = volumeLines(cases: 1, prefix: "u")
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array((lines[0] + "\n").utf8)
        let bad: [UInt8] = Array("{\"id\":\"x\",\"type\":\"CaseClosed\",\"actor\":\"".utf8) + [0xFF] + Array("\"}\n".utf8)
        bytes += bad
        try Data(bytes).write(to: URL(fileURLWithPath: cli.path("in.jsonl")))
        let result = try cli.run(["append", "--store", cli.store, "--rejects", cli.path("rej.jsonl"), "--format", "json", cli.path("in.jsonl")])
        #expect(result.code == 65)
        #expect(jsonObject(result.stdout)?["appended"] as? Int == 1, "the first line, after its byte-order mark, is valid")
        let kept = try #require(jsonObject(try String(contentsOfFile: cli.path("rej.jsonl"), encoding: .utf8)))
        let encoded = try #require(kept["originalBase64"] as? String)
        #expect(Data(base64Encoded: encoded).map(Array.init) == Array(bad.dropLast()))
    }

    @Test func everyCommandAcceptsFormat() throws {
        let cli = try CLI()
        try cli.run(["init", "--store", cli.store])
        #expect(try cli.run(["append", "--store", cli.store, "--format", "table"], stdin: "").code == 0)
        #expect(try cli.run(["replay", "--store", cli.store, "--format", "table"]).code == 0)
        #expect(try cli.run(["export", "--store", cli.store, "--format", "json"]).code == 0)
        let missing = try cli.run(["append", "--store", cli.path("none"), "--format", "json"], stdin: "")
        #expect(missing.code == 66)
        #expect(jsonObject(missing.stderr)?["exitCode"] as? Int == 66)
    }

    @Test func aTimeBarredClaimIsNeverShownOpenOrOverdue() throws {
        let cli = try CLI()
        try cli.run(["init", "--store", cli.store])
        let late = "{\"id\":\"t\",\"type\":\"ClaimIntroduced\",\"occurred\":\"2025-01-01\",\"actor\":\"connector:t\",\"data\":{\"claim\":\"T2\",\"creditor\":\"FR\",\"debtor\":\"DE\",\"basis\":\"actual\",\"category\":\"urgent\",\"period\":\"2023-H2\",\"amount\":\"10.00\",\"currency\":\"EUR\"}}"
        try cli.run(["append", "--store", cli.store], stdin: late)
        let shown = try #require(jsonObject(try cli.run(["claim", "show", "--store", cli.store, "T2", "--as-of", "2030-01-01", "--format", "json"]).stdout))
        #expect(shown["status"] as? String == "time-barred")
        #expect(shown["overdue"] as? String == "0.00")
        #expect(shown["timeBarred"] as? Bool == true)
    }
}
