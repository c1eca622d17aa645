import Testing
@testable import Ledger
@testable import LedgerRuntime

struct WriterTests {
    @Test func concurrentProducersShareCommits() async throws {
        let store = try TestStore(durable: true)
        let writer = LedgerWriter(log: store.log)
        let parser = EventParser(mode: .append)
        let producers = 64
        let seqs = try await withThrowingTaskGroup(of: UInt64.self) { group in
            for index in 0..<producers {
                group.addTask {
                    let line = Line.claim(id: "p-\(index)", claim: "K-\(index)")
                    let result = try await writer.submit([parser.parse(line)])
                    guard case .appended(let seq) = result.outcomes[0] else { throw Rejection(.invalidValue, field: nil, "not appended: \(result.outcomes[0])") }
                    return seq
                }
            }
            return try await group.reduce(into: [UInt64]()) { $0.append($1) }
        }
        #expect(seqs.sorted() == Array(1...UInt64(producers)), "gapless, each event once")
        let commits = await writer.commits
        #expect(commits < producers, "producers waiting during a commit share the next one (\(commits) commits)")
        #expect(try store.log.verify().ok)
    }

    @Test func atomicRequestDoesNotTakeOthersDown() async throws {
        let store = try TestStore()
        let writer = LedgerWriter(log: store.log)
        let parser = EventParser(mode: .append)
        async let bad = writer.submit([parser.parse(Line.open()), parser.parse("{")], atomic: true)
        async let good = writer.submit([parser.parse(Line.claim())])
        let (badResult, goodResult) = try await (bad, good)
        #expect(badResult.outcomes[0] == .notAppended)
        #expect(goodResult.outcomes[0].isAppended)
        #expect(try store.ids() == ["claim-ev-1"])
    }

    @Test func headWatchersHearEachCommit() async throws {
        let store = try TestStore()
        let writer = LedgerWriter(log: store.log)
        let heard = LockedBox<[UInt64]>([])
        await writer.onHeadMoved { head in heard.update { $0.append(head.seq) } }
        let parser = EventParser(mode: .append)
        _ = try await writer.submit([parser.parse(Line.open())])
        _ = try await writer.submit([parser.parse(Line.open())]) // duplicate: the head does not move
        _ = try await writer.submit([parser.parse(Line.claim())])
        #expect(heard.value == [1, 2])
    }
}

final class LockedBox<T>: @unchecked Sendable {
    private var stored: T
    private let lock = NSLockShim()
    init(_ value: T) { stored = value }
    var value: T { lock.locked { stored } }
    func update(_ body: (inout T) -> Void) { lock.locked { body(&stored) } }
}

import Foundation
final class NSLockShim: @unchecked Sendable {
    private let lock = NSLock()
    func locked<R>(_ body: () -> R) -> R { lock.lock(); defer { lock.unlock() }; return body() }
}
