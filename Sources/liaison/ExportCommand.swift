import ArgumentParser
import Foundation
import Ledger

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write stored events as JSON Lines with seq, recorded, caseVersion and hash.",
        discussion: """
        The output is what `liaison import` takes back: export then import into an empty \
        store gives the same head hash.

        Examples:
          liaison export --store ./demo > ledger.jsonl
          liaison export --from 1000 --to 2000
          liaison export --case FR-P-2024-0007
        """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "First seq to export.") var from: UInt64 = 1
    @Option(help: "Last seq to export (default: the head).") var to: UInt64?
    @Option(name: .customLong("case"), help: "Only this case's stream (its events and linked claim events).") var caseID: String?
    @Option(help: "Only this claim's events.") var claim: String?
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE")) var output: String?
    @Option(name: .long, help: "Accepted for uniformity: export always writes JSON Lines; json also makes errors JSON.")
    var format: OutputFormat?

    func validate() throws {
        if caseID != nil && claim != nil { throw ValidationError("Give --case or --claim, not both.") }
        if let to, to < from { throw ValidationError("--to \(to) is before --from \(from).") }
    }

    func run() async throws {
        try await runReportingErrors(format: format) {
            let log = try store.open()
            let sink = try OutputSink(path: output)
            defer { sink.close() }
            let upper = to ?? .max
            if let caseID {
                let events = try log.caseStream(caseID)
                if events.isEmpty { throw LedgerError.noSuchCase(caseID) }
                for event in events where event.seq >= from && event.seq <= upper { sink.write(event.exportJSON) }
            } else if let claim {
                let events = try log.claimStream(claim)
                if events.isEmpty { throw LedgerError.noSuchClaim(claim) }
                for event in events where event.seq >= from && event.seq <= upper { sink.write(event.exportJSON) }
            } else {
                var written = 0
                try log.forEachEvent(from: from, to: upper) { event in
                    sink.write(event.exportJSON)
                    written += 1
                    if written % 65_536 == 0 { log.boundResidentMemory() }
                    return true
                }
            }
        }
    }
}

/// Buffered line output to stdout or a file (exports run to millions of lines).
final class OutputSink {
    private let handle: FileHandle
    private let owned: Bool
    private var buffer: [UInt8] = []
    static let flushBytes = 1 << 20

    init(path: String?) throws {
        if let path {
            guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
                throw LedgerError.io("Cannot write \(path).")
            }
            self.handle = handle
            owned = true
        } else {
            handle = FileHandle.standardOutput
            owned = false
        }
        buffer.reserveCapacity(OutputSink.flushBytes + 4096)
    }

    func write(_ line: [UInt8]) {
        buffer.append(contentsOf: line)
        buffer.append(0x0A)
        if buffer.count >= OutputSink.flushBytes { flush() }
    }

    func write(_ line: String) { write(Array(line.utf8)) }

    func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    func close() {
        flush()
        if owned { try? handle.close() }
    }
}
