import Ledger
import LedgerRuntime
import LedgerService
import Projections

/// The ledger behind one server: one writer (so concurrent posts share commits), one set
/// of projections that follows it, and the read path shared with the CLI.
public final class LedgerBackend: Sendable {
    public let log: EventLog
    public let writer: LedgerWriter
    public let projections: ProjectionSet
    let metrics: ServerMetrics
    let limits: ServerLimits
    private let parser = EventParser(mode: .append)

    public init(log: EventLog, limits: ServerLimits = .init()) async throws {
        self.log = log
        self.limits = limits
        writer = LedgerWriter(log: log, limits: .init(batchLinesMax: 4096, queueLinesMax: max(limits.linesPerRequestMax, 4 * limits.submitChunkLines)))
        projections = try ProjectionSet(log: log)
        metrics = ServerMetrics.shared
        await projections.follow(writer)
        // Catch up before serving, so `/ready` means what it says from the first request.
        _ = try await ReadContext.caughtUp(log: log, projections: projections)
    }

    public struct AppendOutcome: Sendable {
        public var summary = AppendSummary()
        public var rejections: [RejectedLine] = []
        public var head: LedgerHead
    }

    /// Validates and appends lines as `liaison append` does (in order, each seeing the ones
    /// before it), in chunks through the shared writer. Returns once every appended line is
    /// durable. A connector's lines must carry its own actor (`forbidden-actor` otherwise).
    func append(_ lines: [BodyLines.Line], as identity: Identity) async throws -> AppendOutcome {
        let parsed: [ParsedLine] = lines.map { line in
            guard line.bytes.count <= EventParser.lineBytesMax else {
                return .rejected(Rejection(.tooLarge, field: nil, "the line has \(line.bytes.count) bytes; at most \(EventParser.lineBytesMax) are accepted"), id: nil)
            }
            let result = parser.parse(line.bytes)
            if identity.role == .connector, case .submission(let submission) = result, submission.event.actor != "connector:" + identity.name {
                return .rejected(Rejection(.forbiddenActor, field: "actor", "a connector named \(identity.name) may only submit events with actor connector:\(identity.name)"),
                                 id: submission.event.id)
            }
            return result
        }
        var outcome = AppendOutcome(head: try log.head())
        var start = 0
        while start < parsed.count {
            let end = min(start + limits.submitChunkLines, parsed.count)
            let result = try await writer.submit(Array(parsed[start..<end]))
            for (offset, lineOutcome) in result.outcomes.enumerated() {
                if let rejection = outcome.summary.count(lineOutcome) {
                    let line = lines[start + offset]
                    outcome.rejections.append(RejectedLine(line: line.number, id: RejectedLine.id(of: line.bytes), rejection: rejection))
                    metrics.rejected(rejection.code)
                }
            }
            outcome.head = result.head
            start = end
        }
        outcome.summary.linesRead = lines.count
        metrics.appended(outcome.summary.appended)
        return outcome
    }

    /// A read with the projections caught up to the head (a read after an acknowledged
    /// post sees it).
    public func read() async throws -> ReadContext {
        try await ReadContext.caughtUp(log: log, projections: projections)
    }

    /// Events the slowest projection is behind the head (0 when caught up).
    public func projectionLag() throws -> [(name: String, events: UInt64)] {
        let head = try log.head().seq
        return try Projections.names.map { name in (name, head - min(head, try projections.store.checkpoint(name))) }
    }
}
