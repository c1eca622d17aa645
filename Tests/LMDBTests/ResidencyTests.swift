import Testing
@testable import LMDB

struct ResidencyTests {
    /// Reading a store through the map makes its pages resident; releasing them drops the
    /// process's file-backed memory while every value still reads back the same.
    @Test func releasingMappedPagesDropsResidentMemoryAndKeepsTheData() throws {
        try withTemporaryDirectory { directory in
            let environment = try Environment(directory: directory, options: testOptions(mapSizeBytes: 64 << 20))
            let db = try environment.database("data")
            let value = [UInt8](repeating: 0xAB, count: 4000)
            for batch in 0..<10 {
                try environment.write { txn in
                    for index in 0..<1000 { try txn.put(db, key: bigEndianKey(UInt64(batch * 1000 + index)), value: value) }
                }
            }
            var sum = 0
            let touched = try environment.read { txn -> Int in
                let cursor = try txn.cursor(db)
                var entry = try cursor.first()
                while let (_, stored) = entry { sum += Int(stored[0]); entry = try cursor.next() }
                return Environment.residentSharedBytes()
            }
            #expect(touched > 30 << 20, "40 MB of values were read through the map")
            #expect(environment.releaseMappedPages(ifResidentAbove: 0))
            #expect(Environment.residentSharedBytes() < touched - (20 << 20))
            #expect(!environment.releaseMappedPages(ifResidentAbove: Int.max), "under the limit, nothing is done")
            let again = try environment.read { txn in try txn.get(db, key: bigEndianKey(9_999)) }
            #expect(again == value)
            #expect(sum == 10_000 * 0xAB)
        }
    }
}
