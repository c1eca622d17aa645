#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Ledger

/// Output helpers: stdout for results, stderr for errors and progress (SPEC §8).
enum Terminal {
    static var stdoutIsTerminal: Bool { isatty(1) == 1 }
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    static func out(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }
    static func err(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

    /// A progress line that rewrites itself, only when a person is watching stderr.
    static func progress(_ text: String) {
        guard stderrIsTerminal else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
    }

    static func endProgress() {
        guard stderrIsTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

/// Runs a command body and turns ledger failures into one readable sentence on stderr
/// (JSON with --format json) and the exit code of SPEC §8: never a stack trace.
func runReportingErrors(format: OutputFormat? = nil, _ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as LedgerError {
        report(error.message, code: error.exitCode, format: format)
        throw ExitCode(error.exitCode)
    }
}

func report(_ message: String, code: Int32, format: OutputFormat?) {
    if format == .json {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("error", message)
        writer.field("exitCode", code)
        writer.endObject()
        Terminal.err(writer.text)
    } else {
        Terminal.err("liaison: " + message)
    }
}

import ArgumentParser
