import LMDB
import Testing

struct CursorTests {
    // MARK: ordered iteration

    @Test func seekAndRangeIterationFollowKeyOrder() throws {
        try withTemporaryDirectory { dir in
            let env = try Environment(directory: dir, options: testOptions())
            let db = try env.database("ordered")
            // Inserted in a scrambled but fixed order: 37 is coprime to 100.
            try env.write { txn throws in
                for i: UInt64 in 0..<100 {
                    let n = (i * 37) % 100 * 10
                    try txn.put(db, key: bigEndianKey(n), value: bigEndianKey(n + 1))
                }
            }
            try env.read { txn throws in
                let cursor = try txn.cursor(db)
                #expect(try cursor.seek(bigEndianKey(455)).map { Array($0.key) } == bigEndianKey(460))
                #expect(try cursor.seek(bigEndianKey(991)) == nil)
                #expect(try cursor.seekExact(bigEndianKey(455)) == nil)
                #expect(try cursor.seekExact(bigEndianKey(450)).map { Array($0.value) } == bigEndianKey(451))

                var seen: [[UInt8]] = []
                try cursor.forEach(from: bigEndianKey(200), while: { $0.elementsEqual(bigEndianKey(300)) == false }) {
                    seen.append(Array($0.key))
                }
                #expect(seen == (20..<30).map { bigEndianKey(UInt64($0) * 10) })

                var all: [[UInt8]] = []
                try cursor.forEach { all.append(Array($0.key)) }
                #expect(all == (0..<100).map { bigEndianKey(UInt64($0) * 10) })
            }
        }
    }

    @Test func backwardIterationFromLast() throws {
        try withTemporaryDirectory { dir in
            let env = try Environment(directory: dir, options: testOptions())
            let db = try env.database("backward")
            try env.write { txn throws in
                for n: UInt64 in 1...5 { try txn.put(db, key: bigEndianKey(n), value: []) }
            }
            let keys = try env.read { txn throws in
                let cursor = try txn.cursor(db)
                var keys: [[UInt8]] = []
                var entry = try cursor.last()
                while let current = entry {
                    keys.append(Array(current.key))
                    entry = try cursor.prev()
                }
                return keys
            }
            #expect(keys == (1...5).reversed().map { bigEndianKey(UInt64($0)) })
        }
    }

    // MARK: dupSort

    @Test func dupSortValuesIterateWithNextDup() throws {
        try withTemporaryDirectory { dir in
            let env = try Environment(directory: dir, options: testOptions())
            let db = try env.database("byCase", flags: [.create, .dupSort])
            try env.write { txn throws in
                for value in ["e3", "e1", "e2"] { try txn.put(db, key: bytes("case-a"), value: bytes(value)) }
                try txn.put(db, key: bytes("case-b"), value: bytes("e9"))
                #expect(try txn.put(db, key: bytes("case-a"), value: bytes("e1"), flags: .noDupData) == false)
            }
            try env.read { txn throws in
                #expect(try txn.count(db) == 4)
                let cursor = try txn.cursor(db)
                var values: [String] = []
                var entry = try cursor.seekExact(bytes("case-a"))
                #expect(try cursor.duplicateCount() == 3)
                while let current = entry {
                    #expect(Array(current.key) == bytes("case-a"))
                    values.append(String(decoding: current.value, as: UTF8.self))
                    entry = try cursor.nextDup()
                }
                #expect(values == ["e1", "e2", "e3"])
                #expect(try cursor.lastDup().map { String(decoding: $0.value, as: UTF8.self) } == "e3")
                #expect(try cursor.firstDup().map { Array($0.key) } == bytes("case-a"))
                #expect(try cursor.nextKey().map { Array($0.key) } == bytes("case-b"))
            }
            #expect(try env.write { try $0.delete(db, key: bytes("case-a"), value: bytes("e2")) })
            #expect(try env.read { try $0.count(db) } == 3)
        }
    }

    // MARK: lifetime

    @Test func cursorUsedAfterItsTransactionThrows() throws {
        try withTemporaryDirectory { dir in
            let env = try Environment(directory: dir, options: testOptions())
            let db = try env.database("escape")
            try env.write { try $0.put(db, key: [1], value: [1]) }
            let escaped = try env.read { try $0.cursor(db) }
            let error = #expect(throws: LMDBError.self) { try escaped.first() }
            #expect(error?.code == LMDBError.Code.badTxn.rawValue)
        }
    }
}
