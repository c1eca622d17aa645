import Foundation
import Testing
@testable import SampleData

struct SampleGeneratorTests {
    /// The sample most tests look at: 300 cases and 600 claims, home FR.
    static let sample = SampleGenerator(options: .init(seed: 42, cases: 300)).lines()

    static func objects(_ lines: [String]) -> [[String: Any]] {
        lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    // MARK: Determinism

    @Test func sameOptionsGiveIdenticalLines() {
        let options = SampleGenerator.Options(seed: 7, cases: 400, claims: 900, home: "FR", firstYear: 2021, years: 4)
        let first = SampleGenerator(options: options).lines()
        let second = SampleGenerator(options: options).lines()
        #expect(first.count > 1000)
        #expect(first == second)
    }

    @Test func differentSeedsGiveDifferentLines() {
        let first = SampleGenerator(options: .init(seed: 1, cases: 50)).lines()
        let second = SampleGenerator(options: .init(seed: 2, cases: 50)).lines()
        #expect(first != second)
        #expect(Set(first).intersection(second).count < first.count / 10)
    }

    @Test func streamingGivesTheSameLinesAsCollecting() {
        let generator = SampleGenerator(options: .init(seed: 3, cases: 120, claims: 400))
        var streamed: [String] = []
        generator.generate { streamed.append($0) }
        #expect(streamed == generator.lines())
    }

    /// Pins the default sample byte for byte (FNV-1a over all lines): the same in every
    /// process and on every platform. A deliberate change to the generator changes
    /// every demo and benchmark input; update the digest then, and say so.
    @Test func defaultSampleIsPinnedByItsDigest() {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var count = 0
        SampleGenerator(options: .init()).generate { line in
            count += 1
            for byte in line.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01B3 }
            hash = (hash ^ 0x0A) &* 0x0100_0000_01B3
        }
        #expect(count == 2_105)
        #expect(hash == 938_964_513_108_473_798)
    }

    // MARK: Format

    @Test func everyLineIsACompactJSONObjectWithTheEnvelopeInOrder() throws {
        for line in Self.sample {
            #expect(!line.contains("\n") && !line.contains(": ") && !line.hasSuffix(" "))
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
            #expect(object["recorded"] == nil && object["expectedVersion"] == nil)
            #expect(object["data"] is [String: Any])
            // Key order as in SPEC §2: id, type, occurred, actor, case, data.
            let positions = ["\"id\":", "\"type\":", "\"occurred\":", "\"actor\":", "\"data\":"].map {
                line.range(of: $0)?.lowerBound
            }
            #expect(positions.allSatisfy { $0 != nil })
            #expect(positions.compactMap { $0 }.map { line.distance(from: line.startIndex, to: $0) } == positions.compactMap { $0 }.map { line.distance(from: line.startIndex, to: $0) }.sorted())
            if let casePosition = line.range(of: "\"case\":")?.lowerBound {
                #expect(casePosition > positions[3]! && casePosition < positions[4]!)
            }
        }
    }

    @Test func amountsAreJSONStringsNeverNumbers() {
        var amounts = 0
        for object in Self.objects(Self.sample) {
            let data = object["data"] as! [String: Any]
            for key in ["amount", "fees", "upheld", "rejected"] where data[key] != nil {
                amounts += 1
                #expect(data[key] is String, "\(key) in \(object["id"]!)")
            }
        }
        #expect(amounts > 1000)
    }

    @Test func idsAreUniqueAndWellFormed() {
        var seen: Set<String> = []
        for object in Self.objects(Self.sample) {
            let id = object["id"] as! String
            #expect(seen.insert(id).inserted, "duplicate \(id)")
            #expect(id.count <= 128)
        }
        #expect(seen.count == Self.sample.count)
    }

    // MARK: Coverage

    @Test func everyEventTypeOfTheCatalogueAppears() {
        let catalogue: Set<String> = [
            "CaseOpened", "DocumentReceived", "DocumentSent", "LegislationDetermined", "PeriodCertified",
            "PeriodWithdrawn", "BenefitAwarded", "BenefitEnded", "CaseClosed", "CaseReopened",
            "ClaimIntroduced", "ClaimContested", "ContestationResolved", "CreditNoteIssued",
            "PaymentRecorded", "ClaimWithdrawn",
        ]
        let types = Set(Self.objects(Self.sample).map { $0["type"] as! String })
        #expect(types == catalogue)
    }

    @Test func claimsUseSeveralCurrenciesWrittenWithTheirMinorDigits() throws {
        var examples: [String: String] = [:]
        for object in Self.objects(Self.sample) where object["type"] as? String == "ClaimIntroduced" {
            let data = object["data"] as! [String: Any]
            examples[data["currency"] as! String] = data["amount"] as? String
        }
        #expect(examples.count >= 5, "\(examples.keys.sorted())")
        let dinars = try #require(examples["TND"])
        #expect(dinars.split(separator: ".").last?.count == 3)
        let francs = try #require(examples["XPF"])
        #expect(!francs.contains("."))
        let euros = try #require(examples["EUR"])
        #expect(euros.split(separator: ".").last?.count == 2)
    }

    @Test func everyFrameworkAndSectorIsRepresented() {
        var frameworks: Set<String> = [], sectors: Set<String> = [], bucs = 0
        for object in Self.objects(Self.sample) where object["type"] as? String == "CaseOpened" {
            let data = object["data"] as! [String: Any]
            let framework = data["framework"] as! String
            frameworks.insert(framework.split(separator: ":").first.map(String.init) ?? framework)
            sectors.insert(data["sector"] as! String)
            if data["buc"] != nil { bucs += 1 }
        }
        #expect(frameworks == ["EU883", "bilateral", "decree"])
        #expect(sectors.count == 8)
        #expect(bucs > 0)
    }

    @Test func claimsGoBothWaysSomeLateSomeLinkedToCases() {
        var checker = LedgerRulesChecker(home: "FR")
        checker.check(Self.sample)
        var homeCreditor = 0, homeDebtor = 0, fixed = 0
        for object in Self.objects(Self.sample) where object["type"] as? String == "ClaimIntroduced" {
            let data = object["data"] as! [String: Any]
            if data["creditor"] as? String == "FR" { homeCreditor += 1 } else { homeDebtor += 1 }
            if data["basis"] as? String == "fixed" { fixed += 1 }
        }
        #expect(homeCreditor > 200 && homeDebtor > 200)
        #expect(fixed > 5)
        #expect(checker.timeBarred > 3 && checker.timeBarred < 60)
        #expect(checker.linkedClaims > 50)
    }

    // MARK: Ledger rules

    /// The checker itself must catch what the ledger would reject.
    @Test func checkerRejectsBrokenStreams() throws {
        let lines = Array(Self.sample.prefix(3_000))
        func problems(_ lines: [String]) -> [String] {
            var checker = LedgerRulesChecker(home: "FR")
            checker.check(lines)
            return checker.problems
        }
        #expect(problems(lines).isEmpty)

        let opening = try #require(lines.firstIndex { $0.contains("\"type\":\"CaseOpened\"") })
        var withoutOpening = lines
        withoutOpening.remove(at: opening)
        #expect(!problems(withoutOpening).isEmpty)

        #expect(!problems(lines + [lines[10]]).isEmpty)

        let payment = try #require(lines.firstIndex { $0.contains("\"type\":\"PaymentRecorded\"") })
        var overpaid = lines
        overpaid[payment] = overpaid[payment].replacingOccurrences(of: "\"amount\":\"", with: "\"amount\":\"9999")
        #expect(problems(overpaid).contains { $0.contains("exceeds outstanding") })

        let closing = try #require(lines.firstIndex { $0.contains("\"type\":\"CaseClosed\"") })
        let closedCase = try #require(lines[closing].split(separator: "\"case\":\"").last?.split(separator: "\"").first)
        let afterClosing = lines[closing].replacingOccurrences(of: "\"type\":\"CaseClosed\"", with: "\"type\":\"DocumentSent\"")
            .replacingOccurrences(of: "\"id\":\"", with: "\"id\":\"x")
        #expect(problems(Array(lines[...closing]) + [afterClosing]).contains { $0.contains("closed case \(closedCase)") })
    }

    @Test func casesAndClaimsFollowTheLedgerRules() {
        var checker = LedgerRulesChecker(home: "FR")
        checker.check(Self.sample)
        #expect(checker.problems.isEmpty, "\(checker.problems)")
    }

    @Test(arguments: [("FR", UInt64(1)), ("DE", 7), ("ES", 11), ("TN", 5), ("PF", 9), ("GB", 13)])
    func outputIsValidForOtherHomesAndSeeds(home: String, seed: UInt64) {
        let lines = SampleGenerator(options: .init(seed: seed, cases: 700, claims: 1_500, home: home, firstYear: 2019, years: 2)).lines()
        var checker = LedgerRulesChecker(home: home)
        checker.check(lines)
        #expect(checker.problems.isEmpty, "\(checker.problems)")
        #expect(checker.typeCounts["ClaimIntroduced"] == 1_500)
        #expect(checker.typeCounts["CaseOpened"] == 700)
    }

    @Test func oneYearSpanKeepsEveryDateInsideIt() {
        let lines = SampleGenerator(options: .init(seed: 5, cases: 200, firstYear: 2024, years: 1)).lines()
        for object in Self.objects(lines) {
            let occurred = object["occurred"] as! String
            #expect(occurred >= "2024-01-01" && occurred <= "2024-12-31")
        }
        var checker = LedgerRulesChecker(home: "FR")
        checker.check(lines)
        #expect(checker.problems.isEmpty, "\(checker.problems)")
    }

    @Test func homeMustBeACoordinationPartner() {
        #expect(SampleGenerator.supports(home: "FR"))
        #expect(SampleGenerator.supports(home: "NC"))
        #expect(!SampleGenerator.supports(home: "XX"))
        #expect(!SampleGenerator.supports(home: "fr"))
    }

    @Test func emptyOptionsGiveNoLines() {
        #expect(SampleGenerator(options: .init(cases: 0, claims: 0)).lines().isEmpty)
        #expect(SampleGenerator(options: .init(cases: 0, claims: 10)).lines().count >= 10)
    }

    // MARK: Streaming

    @Test func businessDatesRiseWithinEachChunk() {
        let options = SampleGenerator.Options(seed: 2, cases: 1_000)
        var previous = "", descents = 0
        SampleGenerator(options: options).generate { line in
            let object = try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let occurred = object["occurred"] as! String
            if occurred < previous { descents += 1 }
            previous = occurred
        }
        let chunks = (options.cases + options.claims + SampleGenerator.chunkUnits - 1) / SampleGenerator.chunkUnits
        #expect(descents < chunks)
    }

    @Test func twentyThousandCasesStreamWithoutBeingStored() {
        var count = 0, bytes = 0
        SampleGenerator(options: .init(seed: 9, cases: 20_000)).generate { line in
            count += 1
            bytes += line.utf8.count
        }
        #expect(count > 200_000)
        #expect(bytes / count < 400)
    }

    // MARK: Measurement (opt-in)

    /// `SAMPLEDATA_MEASURE=200000 swift test -c release --filter measure` prints the
    /// throughput and the event mix; it asserts nothing about time.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SAMPLEDATA_MEASURE"] != nil))
    func measureThroughputAndMix() {
        let target = Int(ProcessInfo.processInfo.environment["SAMPLEDATA_MEASURE"] ?? "") ?? 200_000
        let options = SampleGenerator.Options(seed: 1, cases: max(1, target * 100 / 1_027))
        var lines = 0, bytes = 0
        let elapsed = ContinuousClock().measure {
            SampleGenerator(options: options).generate { line in
                lines += 1
                bytes += line.utf8.count
            }
        }
        var claimEvents = 0
        SampleGenerator(options: options).generate { line in
            if line.contains("\"data\":{\"claim\"") { claimEvents += 1 }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("""
            \(lines) lines, \(bytes / lines) bytes each, in \(seconds) s: \(Int(Double(lines) / seconds)) lines/s; \
            \(Double(lines - claimEvents) / Double(options.cases)) events per case, \
            \(Double(claimEvents) / Double(options.claims)) per claim, \
            \(Double(lines) / Double(options.cases)) lines per case with its claims
            """)
    }
}
