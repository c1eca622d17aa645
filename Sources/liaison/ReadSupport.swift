import ArgumentParser
import Ledger
import LedgerRuntime
import LedgerService
import Projections

/// `--at-seq N`: the ledger as it was known at seq N (default: the head).
struct AtSeqOption: ParsableArguments {
    @Option(name: .customLong("at-seq"), help: ArgumentHelp("Read the ledger as it was known at this seq (default: the head).", valueName: "N"))
    var atSeq: UInt64?
}

extension ReadContext {
    /// Opens the store and catches the projections up, showing progress to a person watching.
    static func open(_ store: StoreOptions) async throws -> ReadContext {
        let context = try await ReadContext.open(try store.open()) { name, done, total in
            Terminal.progress("catching up \(name): \(done) of \(total) events")
        }
        Terminal.endProgress()
        return context
    }

    /// The seq a read is known at: `--at-seq`, capped at the head.
    func knownAt(_ option: AtSeqOption) throws -> UInt64 { try knownAt(option.atSeq) }
}

extension BusinessDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
