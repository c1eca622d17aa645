import Testing
@testable import Ledger

/// Inputs that tools/fuzz.sh (libFuzzer) once crashed on, each kept as a case so the
/// bug cannot come back. Add a case for every new crash before fixing it.
struct FuzzRegressionTests {
    /// Found 2026-11-27: an empty key made a rejection with an empty field name and the
    /// message ": is not a field of an event". Odd keys are now quoted in the message.
    @Test(arguments: [
        (#"{"id":"x:1","type":"CaseOpened","occurred":"2022-05-20","actor":"user:a","case":"FR-S-1","":1,"data":{}}"#, #"a key "" is not a field of an event"#),
        (#"{"id":"x:1","type":"CaseOpened","occurred":"2022-05-20","actor":"user:a","case":"FR-S-1","data":{"":1}}"#, #"a key "" in data is not a field of CaseOpened"#),
        (#"{"id":"x:1","type":"CaseOpened","occurred":"2022-05-20","actor":"user:a","case":"FR-S-1","a\"b\n":1,"data":{}}"#, #"a key "a\"b\n" is not a field of an event"#),
    ])
    func oddKeysAreQuotedNotUsedAsFieldNames(line: String, message: String) throws {
        guard case .rejected(let rejection, _) = EventParser(mode: .append).parse(line) else {
            Issue.record("the line was accepted")
            return
        }
        #expect(rejection.code == .unknownField)
        #expect(rejection.field == nil)
        #expect(rejection.message == message)
    }

    /// Plain unknown keys still name their field, so connectors can find it.
    @Test func plainUnknownKeysStillNameTheirField() throws {
        let line = #"{"id":"x:1","type":"CaseOpened","occurred":"2022-05-20","actor":"user:a","case":"FR-S-1","data":{"colour":"red"}}"#
        guard case .rejected(let rejection, _) = EventParser(mode: .append).parse(line) else {
            Issue.record("the line was accepted")
            return
        }
        #expect(rejection.field == "data.colour")
        #expect(rejection.message == "data.colour: is not a field of CaseOpened")
    }
}
