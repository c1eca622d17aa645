import ArgumentParser
import Ledger
import LedgerRuntime
import LedgerService

struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-read the whole ledger: hash chain, validation of every event, every index.",
        discussion: """
        Prints {"ok":…,"events":N,"head":{"seq":N,"hash":…},"problems":[…]}; any problem \
        names the first bad seq and the exit code is 2. An anchor is a head an auditor \
        kept elsewhere (from an earlier verify): verify fails if the ledger no longer has it.

        Examples:
          liaison verify --store ./demo
          liaison verify --anchor 1000:3f5a…e9 --anchor 2000:77c1…04
        """
    )

    @OptionGroup var store: StoreOptions
    @Option(name: .customLong("anchor"), help: ArgumentHelp("A kept head SEQ:HEX that must still be in the chain (repeatable).", valueName: "SEQ:HEX"))
    var anchors: [String] = []
    @OptionGroup var output: FormatOptions

    func validate() throws { _ = try parsedAnchors() }

    func parsedAnchors() throws -> [(seq: UInt64, hash: [UInt8])] {
        try anchors.map { text in
            guard let anchor = LedgerVerification.anchor(text) else {
                throw ValidationError("--anchor \(text) is not SEQ:HEX (a seq and a 64-digit SHA-256 hash).")
            }
            return anchor
        }
    }

    func run() async throws {
        var failed = false
        try await runReportingErrors(format: output.format) {
            let report: VerifyReport
            if let shortfall = try EventLog.truncation(at: store.path, options: StoreOptions.environmentOptions()) {
                // Refused by every other command; verify salvages what survives (docs/audit.md).
                report = try EventLog.verifyTruncated(at: store.path, shortfall: shortfall, anchors: parsedAnchors())
            } else {
                let log = try store.open()
                // The projections too: the live ones, caught up, must equal a replay from the log alone.
                report = try await LedgerVerification.run(log, anchors: parsedAnchors()) { step, done, total in
                    Terminal.progress(step == "verify" ? "verified \(done) of \(total) events"
                                                       : "replaying \(done) of \(total) events to check the projections")
                }
            }
            Terminal.endProgress()
            if output.resolved == .json {
                Terminal.out(report.json)
            } else {
                Terminal.out(report.ok ? "OK: \(report.events) events; chain, validation, indexes and projections verified." : "FAILED: \(report.problems.count) problem(s), first bad seq \(report.firstBadSeq.map(String.init) ?? "-").")
                Terminal.out("Head: seq \(report.head.seq) \(report.head.hashHex)")
                for problem in report.problems {
                    Terminal.out("  [\(problem.check)] seq \(problem.seq.map(String.init) ?? "-"): \(problem.message)")
                }
            }
            failed = !report.ok
        }
        if failed { throw ExitCode(2) }
    }
}
