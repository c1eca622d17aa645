import ArgumentParser
import Foundation
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

    func open() throws -> EventLog { try EventLog.open(at: path) }
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
