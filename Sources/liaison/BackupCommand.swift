import ArgumentParser
import Foundation
import Ledger

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Hot, consistent, compacted copy of a store while writers keep appending.",
        discussion: """
        The copy is one LMDB snapshot (mdb_env_copy2 with MDB_CP_COMPACT): a prefix of the \
        log with its indexes and projections, as of one commit. A backup directory is a \
        store: restore by pointing --store at it (or copying it back), and prove it with \
        `liaison verify --store DIR`. Prints {"backup":DIR,"head":{"seq":N,"hash":…},"bytes":…}.

        Examples:
          liaison backup --store /var/lib/liaison --to /backups/liaison-2026-11-27
          liaison verify --store /backups/liaison-2026-11-27
        """
    )

    @OptionGroup var store: StoreOptions
    @Option(name: .customLong("to"), help: ArgumentHelp("The backup directory (new or empty).", valueName: "DIR")) var target: String
    @OptionGroup var output: FormatOptions

    func run() async throws {
        try await runReportingErrors(format: output.format) {
            let log = try store.open()
            let manager = FileManager.default
            if manager.fileExists(atPath: target) {
                guard (try? manager.contentsOfDirectory(atPath: target))?.isEmpty == true else {
                    throw LedgerError.usage("--to \(target) exists and is not an empty directory; a backup never overwrites anything.")
                }
            } else {
                do { try manager.createDirectory(atPath: target, withIntermediateDirectories: true) } catch {
                    throw LedgerError.io("Cannot create \(target): \(error.localizedDescription)")
                }
            }
            try EventLog.mapped { try log.environment.copy(to: target, compact: true) }
            let copy = try EventLog.open(at: target)
            let head = try copy.head()
            let bytes = (try? manager.attributesOfItem(atPath: target + "/data.mdb")[.size] as? Int) ?? 0
            if output.resolved == .json {
                var writer = JSONWriter()
                writer.beginObject()
                writer.field("backup", target)
                writer.key("head")
                writer.beginObject()
                writer.field("seq", head.seq)
                writer.field("hash", head.hashHex)
                writer.endObject()
                writer.field("bytes", bytes)
                writer.endObject()
                Terminal.out(writer.text)
            } else {
                Terminal.out("Backup of \(store.path) in \(target): seq \(head.seq) \(head.hashHex), \(bytes / (1 << 20)) MiB. Check it with `liaison verify --store \(target)`.")
            }
        }
    }
}
