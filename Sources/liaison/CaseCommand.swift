import ArgumentParser
import Ledger
import LedgerRuntime
import Projections

struct CaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Read a case: its state, or its audit trail.",
        subcommands: [CaseShowCommand.self, CaseHistoryCommand.self]
    )
}

struct CaseShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "A case's state: status, legislation, periods with Art 6 day counts, documents, benefits, claims.",
        discussion: """
        Superseded provisional determinations are dropped from `legislation` (the full \
        list is in `determinations`); withdrawn periods are flagged and left out of \
        `periodDays`, which counts each calendar day once per state and once in total.

        Examples:
          liaison case show FR-P-2024-0007
          liaison case show FR-P-2024-0007 --at-seq 1200 --format json
        """
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "The case id.") var caseID: String
    @OptionGroup var at: AtSeqOption
    @OptionGroup var output: FormatOptions

    func run() async throws {
        try await runReportingErrors(format: output.format) {
            let context = try await ReadContext.open(store)
            let knownAt = try context.knownAt(at)
            guard let state = try context.caseState(caseID, knownAt: knownAt) else { throw LedgerError.noSuchCase(caseID) }
            if output.resolved == .json {
                Terminal.out(String(decoding: state.canonicalJSON(knownAt: knownAt), as: UTF8.self))
            } else {
                Terminal.out(CaseShowCommand.table(state, knownAt: knownAt))
            }
        }
    }

    static func table(_ state: CaseState, knownAt: UInt64) -> String {
        var out: [String] = []
        out.append("Case \(state.caseID) (\(state.closed ? "closed on \(state.closedOn!)" : "open")), as known at seq \(knownAt)")
        out.append("  framework \(state.framework) · sector \(state.sector) · counterparty \(state.counterparty) · person \(state.person)\(state.buc.map { " · BUC \($0)" } ?? "")")
        out.append("  opened \(state.opened) · version \(state.version)")
        out.append("")
        out.append("Legislation")
        if state.currentLegislation.isEmpty { out.append("  (none determined)") }
        for item in state.currentLegislation {
            out.append("  \(item.state)  Art \(item.article)  \(item.from) → \(item.to?.description ?? "open")\(item.provisional ? "  (provisional)" : "")")
        }
        out.append("")
        out.append("Periods")
        var periods = TextTable(headers: ["state", "kind", "from", "to", "days", "flags"], alignments: [.left, .left, .left, .left, .right, .left])
        for period in state.periods {
            var flags: [String] = []
            if !period.compulsory { flags.append("voluntary") }
            if period.equivalent { flags.append("equivalent") }
            if period.withdrawn { flags.append("WITHDRAWN" + (period.withdrawnReason.map { ": \($0)" } ?? "")) }
            periods.add([period.state, period.kind, period.from.description, period.to.description,
                         String(period.to.days - period.from.days + 1), flags.joined(separator: ", ")])
        }
        out.append(state.periods.isEmpty ? "  (none)" : periods.rendered)
        let days = state.periodDays
        out.append("  Days covered (overlaps once): " + (days.byState.map { "\($0.state) \($0.days)" } + ["total \(days.total)"]).joined(separator: " · "))
        out.append("")
        out.append("Documents")
        var documents = TextTable(headers: ["date", "dir", "document", "id", "state", "institution", "reply to", "replies"],
                                  alignments: [.left, .left, .left, .left, .left, .left, .left, .left])
        for document in state.documents {
            documents.add([document.occurred.description, document.direction, document.document, document.documentId, document.state,
                           document.institution, document.replyTo ?? "", document.replies.joined(separator: " ")])
        }
        out.append(state.documents.isEmpty ? "  (none)" : documents.rendered)
        out.append("")
        out.append("Benefits")
        for benefit in state.benefits {
            let amount = benefit.amount.map { " \($0.grouped) \(benefit.currency ?? "") \(benefit.frequency ?? "")" } ?? ""
            let ended = benefit.endedOn.map { " · ended \($0)\(benefit.endReason.map { " (\($0))" } ?? "")" } ?? ""
            out.append("  \(benefit.benefit) from \(benefit.state), \(benefit.from) → \(benefit.to?.description ?? "open")\(amount)\(ended)")
        }
        if state.benefits.isEmpty { out.append("  (none)") }
        out.append("")
        out.append("Claims: " + (state.claims.isEmpty ? "(none)" : state.claims.joined(separator: ", ")))
        return out.joined(separator: "\n")
    }
}

struct CaseHistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "A case's audit trail: every event with seq, recorded, actor, caseVersion, data and hash.",
        discussion: """
        Examples:
          liaison case history FR-P-2024-0007
          liaison case history FR-P-2024-0007 --at-seq 1200 --format json
        """
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "The case id.") var caseID: String
    @OptionGroup var at: AtSeqOption
    @OptionGroup var output: FormatOptions

    func run() async throws {
        try await runReportingErrors(format: output.format) {
            let log = try store.open()
            let head = try log.head().seq
            if let atSeq = at.atSeq, atSeq > head { throw LedgerError.usage("--at-seq \(atSeq) is beyond the head of the ledger (seq \(head)).") }
            let knownAt = at.atSeq ?? head
            let events = try log.caseStream(caseID, atSeq: knownAt)
            guard !events.isEmpty else { throw LedgerError.noSuchCase(caseID) }
            if output.resolved == .json {
                var writer = JSONWriter()
                writer.beginObject()
                writer.field("case", caseID)
                writer.field("knownAt", knownAt)
                writer.key("events")
                writer.beginArray()
                for event in events { writer.raw(event.exportJSON) }
                writer.endArray()
                writer.endObject()
                Terminal.out(writer.text)
            } else {
                var table = TextTable(headers: ["seq", "occurred", "recorded", "actor", "type", "ver", "hash"],
                                      alignments: [.right, .left, .left, .left, .left, .right, .left])
                for event in events {
                    table.add([String(event.seq), event.event.occurred.description, event.recorded.description, event.event.actor,
                               event.event.type.name, event.caseVersion == 0 ? "-" : String(event.caseVersion), String(Hex.encode(event.hash).prefix(16)) + "…"])
                }
                Terminal.out("History of case \(caseID), as known at seq \(knownAt)\n" + table.rendered)
            }
        }
    }
}
