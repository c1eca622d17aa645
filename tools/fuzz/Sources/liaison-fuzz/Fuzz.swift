import Foundation
import Ledger
import LMDB
import SampleData

// The libFuzzer target: each input is up to `linesMax` JSON Lines. Every line is parsed
// as `append` and as `import` would parse it, and the append-parsed lines are validated
// against a store seeded with generated cases, through the real append path (state
// lookups, encoding, hashing, index writes) in one atomic transaction that a final,
// always-rejected line rolls back. So the store never changes and an input always
// behaves the same way, which libFuzzer needs to reproduce a crash.
//
// A crash is any trap (a failed precondition, an out-of-range index, an overflow) or a
// broken invariant checked below. tools/fuzz.sh runs it; docs/reliability.md says how
// a crash becomes a regression test.

/// Lines taken from one input; more are ignored (the CLI's own batches are larger, but
/// libFuzzer explores better with small inputs).
let linesMax = 64

/// The seeded store, created once per process. Its directory comes from the script
/// (LIAISON_FUZZ_STORE) so the script can remove it afterwards.
let fuzzLog: EventLog = {
    let path = ProcessInfo.processInfo.environment["LIAISON_FUZZ_STORE"]
        ?? NSTemporaryDirectory() + "liaison-fuzz-\(getpid())"
    try? FileManager.default.removeItem(atPath: path)
    var options = Environment.Options()
    options.durable = false
    do {
        let log = try EventLog.create(at: path, home: "FR", options: options)
        // The same generated ledger the corpus comes from, so mutated lines meet the
        // cases, claims and documents they refer to.
        let seedLines = SampleGenerator(options: .init(seed: 5, cases: 40)).lines()
        let parser = EventParser(mode: .append)
        let result = try log.append(seedLines.map { parser.parse($0) }, mode: .append(clockMillis: 1_800_000_000_000))
        precondition(result.outcomes.allSatisfy { if case .appended = $0 { return true } else { return false } },
                     "the generated seed ledger must be accepted whole")
        return log
    } catch {
        fatalError("cannot create the fuzz store at \(path): \(error)")
    }
}()

let appendParser = EventParser(mode: .append)
let importParser = EventParser(mode: .import)

@_cdecl("LLVMFuzzerTestOneInput")
public func liaisonFuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data = data, size > 0 else { return 0 }
    let input = UnsafeBufferPointer(start: data, count: size)
    var lines: [ParsedLine] = []
    for slice in input.split(separator: 0x0A, maxSplits: linesMax, omittingEmptySubsequences: true).prefix(linesMax) {
        let bytes = Array(slice)
        guard bytes.count <= EventParser.lineBytesMax else { continue }
        let parsed = appendParser.parse(bytes)
        check(parsed)
        check(importParser.parse(bytes))
        lines.append(parsed)
    }
    guard !lines.isEmpty else { return 0 }

    // The last line is always rejected, so the atomic batch never commits.
    lines.append(.rejected(Rejection(.malformedJSON, field: nil, "fuzz harness: roll back"), id: nil))
    do {
        let before = try fuzzLog.head()
        let result = try fuzzLog.append(lines, mode: .append(clockMillis: 1_800_000_000_000), atomic: true)
        precondition(result.outcomes.count == lines.count, "one outcome per line")
        for outcome in result.outcomes {
            switch outcome {
            case .appended: preconditionFailure("an atomic batch with a rejected line appended something")
            case .rejected(let rejection): check(rejection)
            case .duplicate, .notAppended: break
            }
        }
        let after = try fuzzLog.head()
        precondition(after == before, "a rolled-back batch moved the head")
    } catch {
        // The store itself failing (I/O, corruption) is not the input's fault, but it is
        // never expected here: stop, so it is seen.
        fatalError("the store failed: \(error)")
    }
    return 0
}

/// Every rejection says what was wrong, in a sentence, naming a field when it has one.
func check(_ rejection: Rejection) {
    precondition(!rejection.message.isEmpty, "a rejection without a message (\(rejection.code))")
    if let field = rejection.field { precondition(!field.isEmpty, "a rejection naming an empty field") }
}

func check(_ line: ParsedLine) {
    if case .rejected(let rejection, _) = line { check(rejection) }
}

/// Called once by libFuzzer before the first input: with LIAISON_FUZZ_SEED_CORPUS=DIR
/// and DIR empty, writes the seed corpus there, from the same generator run as the
/// store: each line alone, and each case's lines together (so sequences get mutated too).
@_cdecl("LLVMFuzzerInitialize")
public func liaisonFuzzInitialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    _ = fuzzLog
    guard let directory = ProcessInfo.processInfo.environment["LIAISON_FUZZ_SEED_CORPUS"],
          (try? FileManager.default.contentsOfDirectory(atPath: directory))?.isEmpty ?? true else { return 0 }
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let lines = SampleGenerator(options: .init(seed: 5, cases: 40)).lines()
    var groups: [String: [String]] = [:]
    var order: [String] = []
    for (index, line) in lines.enumerated() {
        _ = FileManager.default.createFile(atPath: directory + "/line-\(index)", contents: Data((line + "\n").utf8))
        // The case (or claim) a line belongs to, by its "case" or "claim" field: a crude
        // scan is enough to group seed lines.
        let key = line.range(of: "\"case\":\"").map { String(line[$0.upperBound...].prefix { $0 != "\"" }) }
            ?? line.range(of: "\"claim\":\"").map { String(line[$0.upperBound...].prefix { $0 != "\"" }) } ?? "other"
        if groups[key] == nil { order.append(key) }
        groups[key, default: []].append(line)
    }
    for (index, key) in order.enumerated() {
        let text = groups[key]!.prefix(linesMax).joined(separator: "\n") + "\n"
        _ = FileManager.default.createFile(atPath: directory + "/group-\(index)", contents: Data(text.utf8))
    }
    return 0
}
