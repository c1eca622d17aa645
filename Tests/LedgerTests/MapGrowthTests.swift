import Testing
@testable import Ledger

struct MapGrowthTests {
    @Test func ledgerGrowsFromATinyMap() throws {
        let store = try TestStore(mapSizeBytes: 64 * 1024)
        let lines = Fixtures.lines(cases: 600)
        var appended = 0
        for start in stride(from: 0, to: lines.count, by: 500) {
            appended += try store.append(Array(lines[start..<min(start + 500, lines.count)])).filter(\.isAppended).count
        }
        #expect(appended == 3000)
        #expect(store.log.environment.mapSizeBytes > 64 * 1024)
        #expect(try store.log.verify().ok)
    }
}
