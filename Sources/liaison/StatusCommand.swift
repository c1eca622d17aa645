import ArgumentParser
import Ledger
import LedgerRuntime
import Projections

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "The store at a glance: head, home, map size, each projection's checkpoint and lag. Changes nothing.",
        discussion: "Example: liaison status --store /var/lib/liaison --format json"
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions

    func run() async throws {
        try await runReportingErrors(format: output.format) {
            let log = try store.open()
            let head = try log.head()
            let projections = try ProjectionStore(log: log)
            let checkpoints = try Projections.names.map { ($0, try projections.checkpoint($0)) }
            if output.resolved == .json {
                var writer = JSONWriter()
                writer.beginObject()
                writer.field("store", store.path)
                writer.field("home", log.home)
                writer.key("head")
                writer.beginObject()
                writer.field("seq", head.seq)
                writer.field("hash", head.hashHex)
                writer.field("lastRecorded", head.seq == 0 ? nil : head.lastRecorded.description)
                writer.endObject()
                writer.field("mapSizeBytes", log.environment.mapSizeBytes)
                writer.key("projections")
                writer.beginObject()
                for (name, checkpoint) in checkpoints {
                    writer.key(name)
                    writer.beginObject()
                    writer.field("checkpoint", checkpoint)
                    writer.field("lag", head.seq - min(checkpoint, head.seq))
                    writer.endObject()
                }
                writer.endObject()
                writer.endObject()
                Terminal.out(writer.text)
            } else {
                Terminal.out("Store \(store.path) · home \(log.home) · map \(log.environment.mapSizeBytes / (1 << 20)) MiB")
                Terminal.out("Head: seq \(head.seq) \(head.hashHex)" + (head.seq == 0 ? "" : " · last recorded \(head.lastRecorded)"))
                for (name, checkpoint) in checkpoints {
                    Terminal.out("Projection \(name): at seq \(checkpoint), \(head.seq - min(checkpoint, head.seq)) events behind")
                }
            }
        }
    }
}
