import Foundation
@testable import LiaisonServer
import Testing

/// A handler past its deadline: the caller gets 503 `deadline` at once, the work goes on
/// to its end in the background.
struct DeadlineTests {
    @Test func answersDeadlineAndTheWorkStillFinishes() async throws {
        let (release, releaser) = AsyncStream<Void>.makeStream()
        let (finished, finisher) = AsyncStream<Int>.makeStream()
        do {
            _ = try await Deadline.answer(within: 1) {
                // Held until the test lets it go, i.e. certainly past the deadline.
                for await _ in release { break }
                finisher.yield(42)
                return 1
            }
            Issue.record("the body answered before the deadline")
        } catch let error as APIError {
            #expect(error.status == .serviceUnavailable && error.code == "deadline")
            #expect(error.retryAfterSeconds != nil)
        }
        releaser.yield()
        var iterator = finished.makeAsyncIterator()
        #expect(await iterator.next() == 42)
    }

    @Test func aQuickBodyGetsItsOwnAnswerAndError() async throws {
        #expect(try await Deadline.answer(within: 60) { 7 } == 7)
        await #expect(throws: FixtureError.self) { try await Deadline.answer(within: 60) { () async throws -> Int in throw FixtureError(description: "x") } }
    }

    @Test func cancellingTheRequestCancelsTheWorkAndAnswers() async throws {
        let (started, starter) = AsyncStream<Void>.makeStream()
        let (ended, ender) = AsyncStream<Bool>.makeStream()
        let request = Task {
            try await Deadline.answer(within: 3600) {
                starter.yield()
                // Waits until cancelled (no timing: the stream never yields otherwise).
                let (never, keep) = AsyncStream<Void>.makeStream()
                for await _ in never {}  // an AsyncStream's iteration ends on cancellation
                withExtendedLifetime(keep) {}
                ender.yield(Task.isCancelled)
                return 0
            }
        }
        var startedIterator = started.makeAsyncIterator()
        _ = await startedIterator.next()
        request.cancel()
        await #expect(throws: CancellationError.self) { try await request.value }
        var endedIterator = ended.makeAsyncIterator()
        #expect(await endedIterator.next() == true, "the work saw the cancellation")
    }
}
