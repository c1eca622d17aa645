import ArgumentParser
import Ledger
import LedgerRuntime
import LedgerService
import Projections

struct ClaimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim",
        abstract: "Read a reimbursement claim.",
        subcommands: [ClaimShowCommand.self]
    )
}

struct ClaimShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "A claim: its terms, movements, outstanding, contested, due date (Art 67(5)), overdue and time-bar (Art 67(1)).",
        discussion: """
        Examples:
          liaison claim show DE-2025-H1-000731
          liaison claim show DE-2025-H1-000731 --as-of 2026-12-31 --at-seq 5000 --format json
        """
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "The claim id.") var claimID: String
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Business date of the figures (default: today).", valueName: "YYYY-MM-DD"))
    var asOf: BusinessDate?
    @OptionGroup var at: AtSeqOption
    @OptionGroup var output: FormatOptions

    func run() async throws {
        try await runReportingErrors(format: output.format) {
            let context = try await ReadContext.open(store)
            let knownAt = try context.knownAt(at)
            let date = asOf ?? today()
            guard let state = try context.claimState(claimID, knownAt: knownAt) else { throw LedgerError.noSuchClaim(claimID) }
            let figures = ClaimReport.figures(state, asOf: date, knownAt: knownAt)
            if output.resolved == .json {
                Terminal.out(ClaimReport.json(state, figures: figures, asOf: date, knownAt: knownAt))
            } else {
                Terminal.out(ClaimShowCommand.table(state, figures: figures, asOf: date, knownAt: knownAt))
            }
        }
    }

    static func table(_ state: ClaimState, figures: ClaimState.Figures?, asOf: BusinessDate, knownAt: UInt64) -> String {
        let money = { (units: Int64) in Money(minorUnits: units, scale: state.scale).grouped + " " + state.currency }
        var out = ["Claim \(state.claim): \(state.creditor) claims from \(state.debtor), \(state.basis) basis, \(state.category), period \(state.period)\(state.caseID.map { ", case \($0)" } ?? "")"]
        out.append("  amount \(money(state.amount))\(state.fees.map { " (fees \(money($0)))" } ?? "") · introduced \(state.introduced) (seq \(state.introducedSeq))")
        out.append("  due \(state.dueDate) (Art 67(5))" + (state.introductionDeadline.map { " · introduction deadline \($0) (Art 67)" } ?? "")
                   + (state.timeBarred ? " · TIME-BARRED: introduced late, not considered" : ""))
        out.append("")
        var table = TextTable(headers: ["seq", "date", "movement", "amount", "detail"], alignments: [.right, .left, .left, .right, .left])
        for movement in state.movements where movement.seq <= knownAt {
            var detail = movement.kind ?? ""
            if movement.type == .contestationResolved { detail = "upheld; rejected \(money(movement.rejected))" }
            table.add([String(movement.seq), movement.occurred.description, movement.type.name, money(movement.amount), detail])
        }
        out.append(state.movements.isEmpty ? "(no movements)" : table.rendered)
        out.append("")
        out.append("At \(asOf), as known at seq \(knownAt): \(ClaimReport.status(state, figures))")
        if let figures {
            out.append("  outstanding \(money(figures.outstanding)) · contested \(money(figures.contested)) · paid \(money(figures.paid)) · credited \(money(figures.credited)) · upheld \(money(figures.upheld))"
                       + (figures.cancelled > 0 ? " · cancelled \(money(figures.cancelled))" : ""))
            if state.timeBarred {
                out.append("  time-barred: introduced after \(state.introductionDeadline?.description ?? "its deadline"); not considered (Art 67(1), 67(4)), so never overdue")
            } else {
                out.append("  overdue \(money(figures.overdue))" + (figures.overdue > 0 ? "  (past the due date \(state.dueDate))" : ""))
            }
        }
        return out.joined(separator: "\n")
    }
}
