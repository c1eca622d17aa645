import Testing
@testable import Ledger

struct ExportImportTests {
    private func export(_ log: EventLog) throws -> [String] {
        var lines: [String] = []
        try log.forEachEvent { lines.append(String(decoding: $0.exportJSON, as: UTF8.self)); return true }
        return lines
    }

    @Test func exportThenImportGivesTheSameHead() throws {
        let source = try TestStore()
        try source.append(Array(Fixtures.lines(cases: 15)[0..<40]), clock: 1_700_000_000_000)
        try source.append(Array(Fixtures.lines(cases: 15)[40...]), clock: 1_700_000_100_000)
        let target = try TestStore()
        let parser = EventParser(mode: .import)
        let result = try target.log.append(try export(source.log).map { parser.parse($0) }, mode: .importStored)
        let allAppended = result.outcomes.allSatisfy { $0.isAppended }
        #expect(allAppended)
        #expect(try target.log.head() == source.log.head())
        #expect(try export(target.log) == export(source.log))
    }

    @Test func importChecksStampsInsteadOfTrustingThem() throws {
        let source = try TestStore()
        try source.append(Fixtures.lines(cases: 2))
        let lines = try export(source.log)
        let parser = EventParser(mode: .import)
        let badHash = lines[0].replacingOccurrences(of: "\"hash\":\"", with: "\"hash\":\"00")
            .replacingOccurrences(of: "\"}", with: "\"}").dropLast(3) + "\"}"
        let wrongSeq = lines[0].replacingOccurrences(of: "{\"seq\":1,", with: "{\"seq\":7,")
        let target = try TestStore()
        let outcomes = try target.log.append([parser.parse(String(badHash)), parser.parse(wrongSeq)], mode: .importStored).outcomes
        #expect(outcomes[0].rejection?.field == "hash")
        #expect(outcomes[1].rejection?.field == "seq")
        let missingRecorded = Line.open()
        #expect(try target.log.append([parser.parse(missingRecorded)], mode: .importStored).outcomes[0].rejection?.field == "recorded")
    }

    @Test func reimportingChecksTheStampsOfDuplicatesToo() throws {
        let store = try TestStore()
        try store.append(Fixtures.lines(cases: 2))
        let lines = try export(store.log)
        let parser = EventParser(mode: .import)
        let forged = lines[4].replacingOccurrences(of: "{\"seq\":5,", with: "{\"seq\":99,")
        let rerecorded = lines[4].replacingOccurrences(of: "\"recorded\":\"2023-11-14T22:13:20.000Z\"", with: "\"recorded\":\"2023-11-15T00:00:00.000Z\"")
        #expect(rerecorded != lines[4])
        let outcomes = try store.log.append([parser.parse(lines[4]), parser.parse(forged), parser.parse(rerecorded)], mode: .importStored).outcomes
        #expect(outcomes[0] == .duplicate(seq: 5))
        #expect(outcomes[1].rejection?.field == "seq")
        #expect(outcomes[2].rejection?.field == "recorded")
    }

    @Test func importRefusesInstantsFromTheFuture() throws {
        let source = try TestStore()
        try source.append(Fixtures.lines(cases: 1), clock: 1_900_000_000_000)
        let target = try TestStore()
        let parser = EventParser(mode: .import)
        let outcome = try target.log.append(try export(source.log).prefix(1).map { parser.parse($0) }, mode: .import(clockMillis: 1_800_000_000_000)).outcomes[0]
        #expect(outcome.rejection?.field == "recorded")
    }
}
