import Testing
@testable import Ledger
import SampleData

/// The generator and the validator were written apart; each checks the other here.
struct GeneratedSampleTests {
    @Test func everyGeneratedLineIsAcceptedAndSurvivesTheStoredEncoding() throws {
        let store = try TestStore()
        let lines = SampleGenerator(options: .init(seed: 5, cases: 300, firstYear: 2021, years: 3)).lines()
        #expect(lines.count > 2000)
        var accepted = 0
        for start in stride(from: 0, to: lines.count, by: 700) {
            let outcomes = try store.append(Array(lines[start..<min(start + 700, lines.count)]))
            for (offset, outcome) in outcomes.enumerated() {
                if let rejection = outcome.rejection { Issue.record("line \(start + offset + 1): \(rejection.message)") } else { accepted += 1 }
            }
        }
        #expect(accepted == lines.count)
        // Decoding the stored bytes and writing them back as an export line gives the submitted event.
        let parser = EventParser(mode: .append)
        var stored: [StoredEvent] = []
        try store.log.forEachEvent { stored.append($0); return true }
        #expect(stored.count == lines.count)
        for (index, event) in stored.enumerated() {
            guard case .submission(let submission) = parser.parse(lines[index]) else { Issue.record("line \(index + 1) no longer parses"); continue }
            var submitted = submission.event
            if submitted.hasUnnormalisedAmounts, let claim = submitted.claimID {
                try submitted.normaliseAmounts(scale: try store.log.claimStream(claim).first!.event.money("amount")!.scale)
            }
            #expect(event.event == submitted, "seq \(event.seq)")
        }
        #expect(try store.log.verify().ok)
    }
}
