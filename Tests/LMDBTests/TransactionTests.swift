import LMDB
import Testing

struct TransactionTests {
    struct Refused: Error {}

    @Test func throwingBodyAbortsEverything() throws {
        try withTemporaryDirectory { dir in
            let env = try Environment(directory: dir, options: testOptions())
            let db = try env.database("atomic")
            #expect(throws: Refused.self) {
                try env.write { txn throws in
                    try txn.put(db, key: [1], value: [1])
                    throw Refused()
                }
            }
            #expect(try env.read { try $0.count(db) } == 0)
        }
    }

    @Test func transactionUsedAfterItsClosureThrows() throws {
        try withTemporaryDirectory { dir in
            let env = try Environment(directory: dir, options: testOptions())
            let db = try env.database("escape")
            let escaped = try env.read { $0 }
            let error = #expect(throws: LMDBError.self) { try escaped.get(db, key: [1]) }
            #expect(error?.code == LMDBError.Code.badTxn.rawValue)
        }
    }

    @Test func writeTransactionReadsItsOwnWrites() throws {
        try withTemporaryDirectory { dir in
            let env = try Environment(directory: dir, options: testOptions())
            let db = try env.database("own")
            let seen = try env.write { txn throws in
                try txn.put(db, key: [1], value: [2])
                return (try txn.get(db, key: [1]), try txn.count(db), try txn.reader.cursor(db).first().map { Array($0.value) })
            }
            #expect(seen.0 == [2] && seen.1 == 1 && seen.2 == [2])
        }
    }

    @Test func infoIsSafeInsideATransaction() throws {
        try withTemporaryDirectory { dir in
            let env = try Environment(directory: dir, options: testOptions())
            let db = try env.database("info")
            let inside = try env.write { txn throws in
                try txn.put(db, key: [1], value: [1])
                return env.info()
            }
            let after = env.info()
            #expect(inside.mapSizeBytes == env.mapSizeBytes)
            #expect(after.lastTxnID > inside.lastTxnID)
        }
    }

    /// LMDB poisons a transaction after MDB_MAP_FULL; `write` must re-run the body even
    /// when the body swallowed the error instead of rethrowing it.
    @Test func bodySwallowingMapFullStillGetsAGrownMap() throws {
        try withTemporaryDirectory { dir in
            let env = try Environment(directory: dir, options: testOptions(mapSizeBytes: 64 * 1024))
            let db = try env.database("swallow")
            let value = [UInt8](repeating: 7, count: 1_000)
            var runs = 0
            try env.write { txn throws in
                runs += 1
                for n: UInt64 in 0..<500 {
                    do { try txn.put(db, key: bigEndianKey(n), value: value) } catch {}
                }
            }
            #expect(runs > 1)
            #expect(try env.read { try $0.count(db) } == 500)
        }
    }
}
