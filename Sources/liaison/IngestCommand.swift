import ArgumentParser
import Foundation
import Ledger
import LedgerRuntime
import LedgerService
#if canImport(Glibc)
import Glibc
#endif

/// Options shared by `append` and `import`.
struct IngestOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("JSON Lines files to read, in order; `-` or none reads standard input.", valueName: "FILE"))
    var files: [String] = []

    @Option(help: ArgumentHelp("Also write each rejected line, with its error, to this file (JSON Lines, appended).", valueName: "FILE"))
    var rejects: String?

    @Flag(help: "All lines or none: if any line is rejected, nothing is appended (at most 65,536 lines).")
    var atomic = false

    @Option(name: .long, help: "Accepted for uniformity: the summary is always one JSON line; json also makes errors JSON.")
    var format: OutputFormat?
}

/// The ingest loop of `append` and `import`: read, parse, submit through the writer
/// actor in chunks (parsing the next chunk while the previous one commits), report.
struct IngestRunner {
    static let chunkLines = 2048
    static let atomicLinesMax = 65_536

    let log: EventLog
    let options: IngestOptions
    let mode: LedgerWriter.Mode

    struct Chunk {
        var lines: [LineReader.Line] = []
        var file: String?
    }

    func run() async throws -> Int32 {
        let writer = LedgerWriter(log: log, limits: .init(batchLinesMax: IngestRunner.chunkLines * 2, queueLinesMax: max(IngestRunner.atomicLinesMax, IngestRunner.chunkLines * 4)))
        let parser = EventParser(mode: mode == .import ? .import : .append)
        var rejectsFile: FileHandle?
        if let path = options.rejects {
            if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
            guard let handle = FileHandle(forWritingAtPath: path) else { throw LedgerError.io("Cannot open the rejects file \(path) for writing.") }
            handle.seekToEndOfFile()
            rejectsFile = handle
        }
        defer { try? rejectsFile?.close() }

        var summary = Summary()
        let inputs = options.files.isEmpty ? ["-"] : options.files
        let started = SystemClock.nowMillis()
        var lastProgress = started
        var inFlight: (task: Task<AppendResult, any Error>, chunk: Chunk)?
        var atomicLines: [ParsedLine] = []
        var atomicChunk = Chunk()

        func settle(_ flight: (task: Task<AppendResult, any Error>, chunk: Chunk)) async throws {
            let result = try await flight.task.value
            summary.add(result, chunk: flight.chunk, multipleFiles: inputs.count > 1, rejects: rejectsFile)
            let now = SystemClock.nowMillis()
            if now - lastProgress >= 1000 {
                lastProgress = now
                let rate = Int(Double(summary.linesRead) / Double(max(now - started, 1)) * 1000)
                Terminal.progress("\(summary.linesRead) lines read, \(summary.appended) appended, \(summary.rejected) rejected (\(rate) lines/s)")
            }
        }

        do {
            for input in inputs {
                let fd: Int32 = input == "-" ? 0 : open(input, O_RDONLY)
                guard fd >= 0 else { throw LedgerError.io("Cannot open \(input): \(String(cString: strerror(errno))).") }
                defer { if fd != 0 { close(fd) } }
                var reader = LineReader(fd: fd)
                var chunk = Chunk(file: input == "-" ? nil : input)
                var parsed: [ParsedLine] = []
                while true {
                    let line = try reader.next()
                    if let line {
                        summary.linesRead += 1
                        // Blank lines carry nothing: skipped, but they keep their numbers.
                        if line.length == 0 || line.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                        if line.length > EventParser.lineBytesMax {
                            parsed.append(.rejected(Rejection(.tooLarge, field: nil, "the line has \(line.length) bytes; at most \(EventParser.lineBytesMax) are accepted"), id: nil))
                        } else {
                            parsed.append(parser.parse(line.bytes))
                        }
                        chunk.lines.append(line)
                    }
                    if options.atomic {
                        atomicLines.append(contentsOf: parsed)
                        atomicChunk.lines.append(contentsOf: chunk.lines)
                        atomicChunk.file = chunk.file
                        parsed.removeAll()
                        chunk.lines.removeAll()
                        if atomicLines.count > IngestRunner.atomicLinesMax {
                            throw LedgerError.usage("--atomic takes at most \(IngestRunner.atomicLinesMax) lines; split the input or drop --atomic.")
                        }
                        if line == nil { break }
                        continue
                    }
                    if parsed.count >= IngestRunner.chunkLines || (line == nil && !parsed.isEmpty) {
                        let batch = parsed
                        let submitted = chunk
                        parsed.removeAll(keepingCapacity: true)
                        chunk = Chunk(file: submitted.file)
                        if let flight = inFlight { try await settle(flight) }
                        inFlight = (Task { try await writer.submit(batch, mode: mode) }, submitted)
                    }
                    if line == nil { break }
                }
            }
            if let flight = inFlight { try await settle(flight) }
            if options.atomic, !atomicLines.isEmpty {
                let lines = atomicLines
                try await settle((Task { try await writer.submit(lines, mode: mode, atomic: true) }, atomicChunk))
            }
        } catch let error as LedgerError {
            // Stopped part-way (a full disk, say): what was committed so far is durable and
            // the summary says so, so an operator knows where the input stands.
            Terminal.endProgress()
            if summary.counts.appended + summary.counts.duplicates + summary.counts.rejected > 0, let head = try? log.head() {
                Terminal.out(summary.json(head: head))
            }
            throw error
        }
        Terminal.endProgress()
        Terminal.out(summary.json(head: try log.head()))
        return summary.rejected > 0 ? 65 : 0
    }
}

/// The one-line JSON summary of SPEC §3 (LedgerService's `AppendSummary`), and the
/// rejected-line reports on stderr and in the rejects file.
struct Summary {
    var counts = AppendSummary()
    var linesRead: Int { get { counts.linesRead } set { counts.linesRead = newValue } }
    var appended: Int { counts.appended }
    var rejected: Int { counts.rejected }

    mutating func add(_ result: AppendResult, chunk: IngestRunner.Chunk, multipleFiles: Bool, rejects: FileHandle?) {
        for (outcome, line) in zip(result.outcomes, chunk.lines) {
            if let rejection = counts.count(outcome) {
                let report = RejectedLine(file: multipleFiles ? chunk.file : nil, line: line.number,
                                          id: RejectedLine.id(of: line.bytes, length: line.length), rejection: rejection)
                Terminal.err(report.json())
                rejects?.write(Data((report.json(original: line.bytes) + "\n").utf8))
            }
        }
    }

    func json(head: LedgerHead) -> String { counts.json(head: head) }
}

struct AppendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append",
        abstract: "Validate JSON Lines events and append the valid ones (durable, idempotent by id).",
        discussion: """
        Each line is checked against the ledger including the lines before it. Accepted \
        lines are committed durably in batches; a line whose id is already stored with \
        the same content is a duplicate (not appended, not an error), so resending a file \
        after a failure is safe. Rejected lines go to stderr as JSON ({"line":N,"id":…,"error":CODE,"message":…}) \
        and, with --rejects, to a file. Prints one JSON summary on stdout.
        Exit: 0 all accepted · 65 some lines rejected · 74 I/O error or full disk (the summary of what was committed is still printed).

        Examples:
          liaison append --store ./demo events.jsonl
          cat events.jsonl | liaison append --rejects rejected.jsonl -
          liaison append --atomic correction.jsonl
        """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var ingest: IngestOptions

    func run() async throws {
        var code: Int32 = 0
        try await runReportingErrors(format: ingest.format) {
            code = try await IngestRunner(log: try store.open(), options: ingest, mode: .append).run()
        }
        if code != 0 { throw ExitCode(code) }
    }
}

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Append events keeping their recorded instants (migrations, fixtures, restores).",
        discussion: """
        Like append, but every line must carry `recorded` (non-decreasing, not before the \
        store's last). Takes `liaison export` output as it is: its seq, caseVersion and \
        hash are checked against what the store computes, never trusted.

        Example:
          liaison export --store ./old > all.jsonl && liaison import --store ./new all.jsonl
        """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var ingest: IngestOptions

    func run() async throws {
        var code: Int32 = 0
        try await runReportingErrors(format: ingest.format) {
            code = try await IngestRunner(log: try store.open(), options: ingest, mode: .import).run()
        }
        if code != 0 { throw ExitCode(code) }
    }
}
