/// Collects the lines of one chunk of cases and claims, then hands them out sorted by
/// business date, so that the events of a few hundred files interleave the way a
/// liaison body receives them. Memory is bounded by one chunk.
final class ChunkSink {
    private struct Pending {
        var key: UInt64
        var line: String
    }

    let startDay: Int
    let endDay: Int
    private var pending: [Pending] = []
    private var order: UInt64 = 0

    init(startDay: Int, endDay: Int) {
        self.startDay = startDay
        self.endDay = endDay
        pending.reserveCapacity(8192)
    }

    /// Keeps a finished line with its business date. Ties keep the order in which lines
    /// were made, which is each entity's causal order.
    func commit(day: Int, line: String) {
        precondition(day >= startDay && day <= endDay, "business date outside the generated span")
        let key = UInt64(day - startDay) << 32 | order
        order += 1
        pending.append(Pending(key: key, line: line))
    }

    func flush(_ emit: (String) throws -> Void) rethrows {
        // Keys are unique (the order counter), so an unstable sort is still deterministic.
        pending.sort { $0.key < $1.key }
        for entry in pending { try emit(entry.line) }
        pending.removeAll(keepingCapacity: true)
        order = 0
    }
}
