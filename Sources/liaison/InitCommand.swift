import ArgumentParser
import Ledger

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a store (idempotent for the same home).",
        discussion: "Example: liaison init --store /var/lib/liaison --home FR"
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "The home state whose liaison body runs the ledger.")
    var home: String = "FR"
    @OptionGroup var output: FormatOptions

    func run() async throws {
        try await runReportingErrors(format: output.format) {
            let log = try EventLog.create(at: store.path, home: home, options: StoreOptions.environmentOptions())
            let head = try log.head()
            if output.resolved == .json {
                var writer = JSONWriter()
                writer.beginObject()
                writer.field("store", store.path)
                writer.field("home", log.home)
                writer.field("events", head.seq)
                writer.endObject()
                Terminal.out(writer.text)
            } else {
                Terminal.out("Store \(store.path) ready: home \(log.home), \(head.seq) events.")
            }
        }
    }
}
