/// A case that a claim may link to: opened earlier in the output and never closed.
struct LinkableCase: Sendable {
    let caseId: String
    let counterparty: String
    let openedDay: Int
}

/// The last few linkable cases, overwritten in a fixed order (bounded memory).
struct LinkableRing {
    private(set) var entries: [LinkableCase] = []
    private var next = 0
    let capacity = 512

    mutating func add(_ entry: LinkableCase) {
        if entries.count < capacity {
            entries.append(entry)
        } else {
            entries[next] = entry
            next = (next + 1) % capacity
        }
    }
}
