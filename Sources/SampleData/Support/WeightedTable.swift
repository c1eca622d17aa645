/// A list of values drawn with fixed integer weights, in the list's own order.
struct WeightedTable<Value: Sendable>: Sendable {
    private(set) var values: [Value] = []
    private var cumulative: [Int] = []

    init(_ entries: [(Value, Int)]) {
        var total = 0
        for (value, weight) in entries where weight > 0 {
            total += weight
            values.append(value)
            cumulative.append(total)
        }
    }

    var isEmpty: Bool { values.isEmpty }
    var total: Int { cumulative.last ?? 0 }

    func pick(_ rng: inout SplitMix64) -> Value {
        precondition(!values.isEmpty, "cannot draw from an empty table")
        let target = rng.below(total)
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return values[low]
    }
}
