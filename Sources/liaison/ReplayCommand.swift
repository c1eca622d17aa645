import ArgumentParser
import Foundation
import Ledger
import LedgerRuntime
import LedgerService
import Projections

struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Rebuild every projection from the log alone and print their digests.",
        discussion: """
        Prints {"seq":N,"digests":{"cases":…,"claims":…,"audit":…}}: SHA-256 over each \
        projection's canonical serialisation. Same log, same digests, on any run. \
        --check also compares with the live projections (exit 2 when they differ); \
        --dump writes each projection's canonical JSON Lines to a directory.

        Examples:
          liaison replay --store ./demo
          liaison replay --to 5000 --dump ./at-5000
          liaison replay --check
        """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "Replay events up to this seq (default: the head).") var to: UInt64?
    @Flag(help: "Compare with the live projections; exit 2 when they differ.") var check = false
    @Option(help: ArgumentHelp("Write cases.jsonl, claims.jsonl, audit.jsonl and digests.json to DIR.", valueName: "DIR")) var dump: String?
    @Option(name: .long, help: "Accepted for uniformity: the summary is always one JSON line; json also makes errors JSON.")
    var format: OutputFormat?

    func validate() throws {
        if check && to != nil { throw ValidationError("--check compares at the head; drop --to.") }
    }

    func run() async throws {
        var differs = false
        try await runReportingErrors(format: format) {
            let log = try store.open()
            // With --check the live projections catch up first, and the replay goes to exactly their seq.
            var live: ProjectionSet?
            var target = to
            if check {
                let projections = try ProjectionSet(log: log)
                target = try await projections.catchUp()
                live = projections
            }
            let (replay, digests) = try ReplayReport.run(log, to: target) { done, total in Terminal.progress("replayed \(done) of \(total) events") }
            Terminal.endProgress()
            if let dump { try ReplayCommand.write(replay, digests: digests, to: dump) }
            Terminal.out(Replay.summaryJSON(seq: replay.seq, digests: digests))
            if let live {
                for ((name, expected), (_, actual)) in zip(digests, try live.digests()) where expected != actual {
                    Terminal.err("liaison: the live \(name) projection differs from a replay at seq \(replay.seq) (live \(actual), replay \(expected)).")
                    differs = true
                }
            }
        }
        if differs { throw ExitCode(2) }
    }

    static func write(_ replay: Replay, digests: [(name: String, digest: String)], to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for name in Projections.names {
            try replay.projections.dump(name, to: directory + "/\(name).jsonl")
        }
        let summary = Replay.summaryJSON(seq: replay.seq, digests: digests) + "\n"
        guard FileManager.default.createFile(atPath: directory + "/digests.json", contents: Data(summary.utf8)) else {
            throw LedgerError.io("Cannot write \(directory)/digests.json.")
        }
    }
}
