import ArgumentParser
import Foundation
import LMDB
import Ledger

/// `--store DIR`, else `$LIAISON_STORE`, else `./liaison-data` (SPEC §1).
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store directory (default: $LIAISON_STORE, else ./liaison-data).", valueName: "DIR"))
    var store: String?

    var path: String {
        if let store { return store }
        if let fromEnvironment = ProcessInfo.processInfo.environment["LIAISON_STORE"], !fromEnvironment.isEmpty { return fromEnvironment }
        return "./liaison-data"
    }

    func open() throws -> EventLog { try EventLog.open(at: path, options: StoreOptions.environmentOptions()) }

    /// `LIAISON_MAP_SIZE_BYTES` sets the initial map size of a new store (default 64 MiB).
    /// It is a floor, never a ceiling: the map still grows by itself, and an existing
    /// store keeps the larger of this and the size it already has. Tests use a tiny one
    /// to make map growth (and other processes' MDB_MAP_RESIZED) happen on small inputs.
    static func environmentOptions() throws -> Environment.Options {
        var options = Environment.Options()
        if let text = ProcessInfo.processInfo.environment["LIAISON_MAP_SIZE_BYTES"], !text.isEmpty {
            guard let bytes = Int(text), bytes >= 65_536, bytes <= options.mapSizeMaxBytes else {
                throw LedgerError.usage("LIAISON_MAP_SIZE_BYTES must be a number of bytes between 65536 and \(options.mapSizeMaxBytes).")
            }
            options.mapSizeBytes = bytes
        }
        return options
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json, table

    /// `table` for a person at a terminal, JSON for a program reading a pipe.
    static func resolve(_ explicit: OutputFormat?) -> OutputFormat {
        explicit ?? (Terminal.stdoutIsTerminal ? .table : .json)
    }
}

struct FormatOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: json or table (default: table on a terminal, json otherwise).")
    var format: OutputFormat?

    var resolved: OutputFormat { OutputFormat.resolve(format) }
}
