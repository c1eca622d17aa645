/// A tiny, fast, portable pseudo-random generator (Steele, Lea and Flood's SplitMix64).
///
/// The sample data must be the same byte for byte in any process and on any platform,
/// so nothing here touches the system's random sources: every draw comes from this
/// 64-bit state, which only integer arithmetic advances.
struct SplitMix64 {
    private var state: UInt64

    init(state: UInt64) {
        self.state = state
    }

    /// An independent stream for one entity (a case, a claim), so that each entity's
    /// content depends only on the seed and its own index, not on what came before it.
    init(seed: UInt64, stream: UInt64, index: UInt64) {
        self.state = SplitMix64.mix(seed &+ SplitMix64.mix(stream &* 0xD1B5_4A32_D192_ED03 &+ index))
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound` (Lemire's multiply-high; the tiny bias does not matter here).
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A value in `range`, both ends included.
    mutating func within(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `perMille` / 1000.
    mutating func chance(perMille: Int) -> Bool {
        below(1000) < perMille
    }

    mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }
}
