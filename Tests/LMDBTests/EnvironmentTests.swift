import Foundation
import LMDB
import Testing

struct EnvironmentTests {
    @Test func reopeningKeepsTheDataAndTheGrownMap() throws {
        try withTemporaryDirectory { dir in
            let options = testOptions(mapSizeBytes: 64 * 1024)
            let grownBytes = try writeAndClose(dir, options: options, count: 2_000)
            #expect(grownBytes > 64 * 1024)

            let env = try Environment(directory: dir, options: options)
            #expect(env.mapSizeBytes == grownBytes)
            #expect(env.staleReadersCleared == 0)
            let db = try env.database("kept", flags: [])
            try env.read { txn throws in
                #expect(try txn.count(db) == 2_000)
                #expect(try txn.get(db, key: bigEndianKey(1_999)) == derivedValue(for: bigEndianKey(1_999), count: 500))
            }
        }
    }

    @Test func openingAMissingDatabaseWithoutCreateThrowsNotFound() throws {
        try withTemporaryDirectory { dir in
            let env = try Environment(directory: dir, options: testOptions())
            let error = #expect(throws: LMDBError.self) { try env.database("absent", flags: []) }
            #expect(error?.isNotFound == true)
            #expect(error?.description.contains("'absent'") == true)
        }
    }

    @Test func databasesAreCachedByName() throws {
        try withTemporaryDirectory { dir in
            let env = try Environment(directory: dir, options: testOptions())
            let first = try env.database("events")
            let other = try env.database("indexes")
            #expect(try env.database("events") == first)
            #expect(first != other)
        }
    }

    @Test func compactCopyOpensWithTheSameData() throws {
        try withTemporaryDirectory { dir in
            try withTemporaryDirectory { copyDir in
                let env = try Environment(directory: dir, options: testOptions())
                let db = try env.database("copied")
                try env.write { txn throws in
                    for n: UInt64 in 0..<300 { try txn.put(db, key: bigEndianKey(n), value: bigEndianKey(n)) }
                }
                try env.sync()
                try env.copy(to: copyDir, compact: true)
                let copy = try Environment(directory: copyDir, options: testOptions())
                let copied = try copy.database("copied", flags: [])
                #expect(try copy.read { try $0.count(copied) } == 300)
            }
        }
    }

    /// Returns the map size the environment grew to; the environment is closed on return.
    private func writeAndClose(_ dir: String, options: Environment.Options, count: UInt64) throws -> Int {
        let env = try Environment(directory: dir, options: options)
        let db = try env.database("kept")
        try env.write { txn throws in
            for n in 0..<count {
                let key = bigEndianKey(n)
                try txn.put(db, key: key, value: derivedValue(for: key, count: 500))
            }
        }
        return env.mapSizeBytes
    }
}
