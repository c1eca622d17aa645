import LMDB
import Testing

struct RoundTripTests {
    // MARK: put, get, delete

    @Test func putThenGetThenDelete() throws {
        try withTemporaryDirectory { dir in
            let env = try Environment(directory: dir, options: testOptions())
            let db = try env.database("cases")
            try env.write { txn throws in
                try txn.put(db, key: bytes("c-1"), value: bytes("open"))
                try txn.put(db, key: bytes("c-2"), value: [])
            }
            try env.read { txn throws in
                #expect(try txn.get(db, key: bytes("c-1")) == bytes("open"))
                #expect(try txn.get(db, key: bytes("c-2")) == [])
                #expect(try txn.get(db, key: bytes("c-3")) == nil)
                #expect(try txn.withValue(db, key: bytes("c-1")) { $0?.count } == 4)
            }
            let deleted = try env.write { txn throws in
                (try txn.delete(db, key: bytes("c-1")), try txn.delete(db, key: bytes("c-9")))
            }
            #expect(deleted == (true, false))
            #expect(try env.read { try $0.get(db, key: bytes("c-1")) } == nil)
        }
    }

    @Test func rawBufferPutAndGet() throws {
        try withTemporaryDirectory { dir in
            let env = try Environment(directory: dir, options: testOptions())
            let db = try env.database("raw")
            let key = bigEndianKey(7), value = bytes("seven")
            try env.write { txn throws in
                try key.withUnsafeBytes { k in try value.withUnsafeBytes { v in try txn.put(db, key: k, value: v) } }
            }
            let read = try env.read { txn throws in
                try key.withUnsafeBytes { k in try txn.get(db, key: k).map { Array($0) } }
            }
            #expect(read == value)
        }
    }

    @Test func noOverwriteReturnsFalseAndKeepsTheOldValue() throws {
        try withTemporaryDirectory { dir in
            let env = try Environment(directory: dir, options: testOptions())
            let db = try env.database("ids")
            let results = try env.write { txn throws in
                (try txn.put(db, key: bytes("k"), value: bytes("first"), flags: .noOverwrite),
                 try txn.put(db, key: bytes("k"), value: bytes("second"), flags: .noOverwrite))
            }
            #expect(results == (true, false))
            #expect(try env.read { try $0.get(db, key: bytes("k")) } == bytes("first"))
        }
    }

    // MARK: append

    @Test func appendTakesAscendingBigEndianKeys() throws {
        try withTemporaryDirectory { dir in
            let env = try Environment(directory: dir, options: testOptions())
            let db = try env.database("log")
            try env.write { txn throws in
                // 255 -> 256 crosses a byte boundary: wrong only if keys were little-endian.
                for seq: UInt64 in 1...1_000 {
                    try txn.put(db, key: bigEndianKey(seq), value: bigEndianKey(seq * 10), flags: .append)
                }
            }
            #expect(try env.read { try $0.count(db) } == 1_000)
            #expect(try env.read { try $0.get(db, key: bigEndianKey(256)) } == bigEndianKey(2_560))
            let outOfOrder = #expect(throws: LMDBError.self) {
                try env.write { txn in try txn.put(db, key: bigEndianKey(5), value: [], flags: .append) }
            }
            #expect(outOfOrder?.isKeyExist == true)
        }
    }

    // MARK: count, drop, limits

    @Test func countAndDrop() throws {
        try withTemporaryDirectory { dir in
            let env = try Environment(directory: dir, options: testOptions())
            let db = try env.database("counted")
            try env.write { txn throws in
                for n: UInt64 in 0..<42 { try txn.put(db, key: bigEndianKey(n), value: [1]) }
            }
            #expect(try env.read { try $0.count(db) } == 42)
            try env.write { try $0.drop(db) }
            #expect(try env.read { try $0.count(db) } == 0)
            try env.write { try $0.put(db, key: [1], value: [1]) }  // the handle survives a drop
            #expect(try env.read { try $0.count(db) } == 1)
        }
    }

    @Test(arguments: [0, 512, 4_096])
    func badKeySizeThrowsBadValueSize(keyBytes: Int) throws {
        try withTemporaryDirectory { dir in
            let env = try Environment(directory: dir, options: testOptions())
            #expect(env.maxKeySizeBytes == 511)
            let db = try env.database("keys")
            let key = [UInt8](repeating: 1, count: keyBytes)
            let error = #expect(throws: LMDBError.self) {
                try env.write { try $0.put(db, key: key, value: [1]) }
            }
            #expect(error?.code == LMDBError.Code.badValueSize.rawValue)
            #expect(error?.description.contains("key of \(keyBytes) bytes") == true)
            #expect(throws: LMDBError.self) { try env.read { try $0.get(db, key: key) } }
            try env.write { try $0.put(db, key: [UInt8](repeating: 1, count: 511), value: [1]) }
        }
    }
}
