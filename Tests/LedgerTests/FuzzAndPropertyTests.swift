import Testing
@testable import Ledger
import SampleData

/// A seeded mutation loop over generated lines (no fuzzing engine needed, reproducible
/// from its seed) and the property that bad lines leave no trace.
struct FuzzAndPropertyTests {
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    static func mutate(_ line: String, _ random: inout Random) -> [UInt8] {
        var bytes = Array(line.utf8)
        switch random.next(7) {
        case 0: bytes[random.next(bytes.count)] ^= UInt8(1 << random.next(8))              // flip a bit
        case 1: bytes.removeSubrange(random.next(bytes.count)...)                            // truncate
        case 2: bytes.insert([0x22, 0x7B, 0x5D, 0x3A, 0x2C, 0x5C, 0x00, 0xFF][random.next(8)], at: random.next(bytes.count))
        case 3: // swap two bytes
            let a = random.next(bytes.count), b = random.next(bytes.count)
            bytes.swapAt(a, b)
        case 4: // replace a digit
            if let index = bytes.indices.filter({ (0x30...0x39).contains(bytes[$0]) }).randomElement(using: &random) {
                bytes[index] = UInt8(0x30 + random.next(10))
            }
        case 5: // duplicate a chunk
            let start = random.next(bytes.count), end = min(bytes.count, start + random.next(40))
            bytes.insert(contentsOf: bytes[start..<end], at: random.next(bytes.count))
        default: // drop a chunk
            let start = random.next(bytes.count), end = min(bytes.count, start + random.next(20))
            bytes.removeSubrange(start..<end)
        }
        return bytes
    }

    /// The parser and validator never trap on mangled input: every line gets an outcome.
    @Test func mutatedLinesAlwaysGetAnOutcome() throws {
        let lines = SampleGenerator(options: .init(seed: 3, cases: 60)).lines()
        let parser = EventParser(mode: .append)
        var random = Random(state: 2026)
        var rejected = 0, parsed = 0
        for round in 0..<20_000 {
            let bytes = Self.mutate(lines[round % lines.count], &random)
            switch parser.parse(bytes) {
            case .rejected: rejected += 1
            case .submission: parsed += 1
            }
        }
        #expect(rejected + parsed == 20_000)
        #expect(rejected > 10_000, "most mutations break something")
    }

    /// Any mix of valid and invalid lines leaves the ledger equal to appending only the valid ones.
    @Test(arguments: [11, 12, 13])
    func badLinesLeaveNoTrace(seed: UInt64) throws {
        let lines = SampleGenerator(options: .init(seed: seed, cases: 40)).lines()
        var random = Random(state: seed)
        var mixed: [[UInt8]] = []
        for line in lines {
            if random.next(4) == 0 { mixed.append(Self.mutate(line, &random)) }
            mixed.append(Array(line.utf8))
        }
        let parser = EventParser(mode: .append)
        let clock: Int64 = 1_800_000_000_000
        let noisy = try TestStore()
        var outcomes: [LineOutcome] = []
        for start in stride(from: 0, to: mixed.count, by: 500) {
            outcomes += try noisy.log.append(mixed[start..<min(start + 500, mixed.count)].map { parser.parse($0) }, mode: .append(clockMillis: clock)).outcomes
        }
        // The same store built from exactly the lines that were appended, in one go.
        let accepted = zip(mixed, outcomes).compactMap { line, outcome -> [UInt8]? in
            if case .appended = outcome { return line } else { return nil }
        }
        let clean = try TestStore()
        let cleanOutcomes = try clean.log.append(accepted.map { parser.parse($0) }, mode: .append(clockMillis: clock)).outcomes
        #expect(cleanOutcomes.allSatisfy { if case .appended = $0 { return true } else { return false } })
        #expect(try clean.log.head() == noisy.log.head())
        // Most lines still go in (a mutated line that stays valid may take an original's id first).
        #expect(accepted.count > lines.count * 9 / 10)
        #expect(try noisy.log.verify().ok)
    }
}

extension Array {
    func randomElement(using random: inout FuzzAndPropertyTests.Random) -> Element? {
        isEmpty ? nil : self[random.next(count)]
    }
}
