import Foundation
import LMDB
import Testing

struct ConcurrencyTests {
    /// 8 writer and 8 reader threads on a map that starts at 64 KiB and must grow about
    /// seven times meanwhile: exercises writer queueing, growth waiting out readers, and
    /// readers seeing only whole, consistent commits.
    @Test func writersAndReadersShareATinyGrowingMap() throws {
        try withTemporaryDirectory { dir in
            let env = try Environment(directory: dir, options: testOptions(mapSizeBytes: 64 * 1024))
            let db = try env.database("shared")
            let writers = 8, readers = 8, batches = 40, perBatch = 100
            let writersFinished = Locked(0)
            let failures = Locked<[String]>([])
            let readsDone = Locked(0)

            @Sendable func key(_ writer: Int, _ batch: Int, _ item: Int) -> [UInt8] {
                bigEndianKey(UInt64(writer) << 32 | UInt64(batch) << 16 | UInt64(item))
            }

            let group = DispatchGroup()
            for worker in 0..<(writers + readers) {
                group.enter()
                Thread {
                    defer { group.leave() }
                    do {
                        if worker < writers {
                            for batch in 0..<batches {
                                try env.write { txn throws in
                                    for item in 0..<perBatch {
                                        let k = key(worker, batch, item)
                                        try txn.put(db, key: k, value: derivedValue(for: k, count: 100))
                                    }
                                }
                            }
                            writersFinished.withLock { $0 += 1 }
                        } else {
                            var lastCount = 0
                            while writersFinished.current < writers {
                                let count = try env.read { txn throws in
                                    let count = try txn.count(db)
                                    // Commits are whole batches; a snapshot never shows part of one.
                                    guard count % perBatch == 0, count >= lastCount else {
                                        throw LMDBError(code: -1, operation: "snapshot", context: "saw \(count) entries after \(lastCount)")
                                    }
                                    let cursor = try txn.cursor(db)
                                    try cursor.forEach(from: key(worker - writers, 0, 0), while: { _ in true }) { entry in
                                        guard entry.value.elementsEqual(derivedValue(for: Array(entry.key), count: 100)) else {
                                            throw LMDBError(code: -1, operation: "read", context: "value does not match its key")
                                        }
                                    }
                                    return count
                                }
                                lastCount = count
                                readsDone.withLock { $0 += 1 }
                            }
                        }
                    } catch {
                        failures.withLock { $0.append("worker \(worker): \(error)") }
                    }
                }.start()
            }
            group.wait()

            #expect(failures.current == [])
            #expect(readsDone.current > 0)
            #expect(env.mapSizeBytes > 64 * 1024)
            try env.read { txn throws in
                #expect(try txn.count(db) == writers * batches * perBatch)
                for writer in 0..<writers {
                    for batch in 0..<batches {
                        for item in 0..<perBatch {
                            let k = key(writer, batch, item)
                            #expect(try txn.get(db, key: k) == derivedValue(for: k, count: 100))
                        }
                    }
                }
            }
        }
    }
}
