import LMDB
import Testing

struct MapGrowthTests {
    @Test func batchedWritesGrowATinyMap() throws {
        try withTemporaryDirectory { dir in
            let env = try Environment(directory: dir, options: testOptions(mapSizeBytes: 64 * 1024))
            let db = try env.database("batched")
            let total: UInt64 = 20_000, batch: UInt64 = 500
            for start in stride(from: 0, to: total, by: Int(batch)) {
                try env.write { txn throws in
                    for n in start..<(start + batch) {
                        let key = bigEndianKey(n)
                        try txn.put(db, key: key, value: derivedValue(for: key, count: 200))
                    }
                }
            }
            #expect(env.mapSizeBytes > 64 * 1024)
            try env.read { txn throws in
                #expect(try txn.count(db) == Int(total))
                for n in 0..<total {
                    let key = bigEndianKey(n)
                    #expect(try txn.get(db, key: key) == derivedValue(for: key, count: 200))
                }
            }
        }
    }

    @Test func oneFiveMegabyteTransactionGrowsATinyMap() throws {
        try withTemporaryDirectory { dir in
            let env = try Environment(directory: dir, options: testOptions(mapSizeBytes: 64 * 1024))
            let db = try env.database("single")
            let count: UInt64 = 2_560  // x 2 KiB = 5 MiB
            try env.write { txn throws in
                for n in 0..<count {
                    let key = bigEndianKey(n)
                    try txn.put(db, key: key, value: derivedValue(for: key, count: 2_048))
                }
            }
            #expect(env.mapSizeBytes >= 5 << 20)
            try env.read { txn throws in
                #expect(try txn.count(db) == Int(count))
                for n in 0..<count {
                    let key = bigEndianKey(n)
                    #expect(try txn.get(db, key: key) == derivedValue(for: key, count: 2_048))
                }
            }
        }
    }

    @Test func growthStopsAtTheLimitWithMapFull() throws {
        try withTemporaryDirectory { dir in
            let options = testOptions(mapSizeBytes: 64 * 1024, mapSizeMaxBytes: 256 * 1024)
            let env = try Environment(directory: dir, options: options)
            let db = try env.database("capped")
            let error = #expect(throws: LMDBError.self) {
                try env.write { txn throws in
                    for n: UInt64 in 0..<1_000 { try txn.put(db, key: bigEndianKey(n), value: [UInt8](repeating: 1, count: 1_000)) }
                }
            }
            #expect(error?.isMapFull == true)
            #expect(error?.description.contains("mapSizeMaxBytes") == true)
            #expect(env.mapSizeBytes == 256 * 1024)
            #expect(try env.read { try $0.count(db) } == 0)
        }
    }
}
