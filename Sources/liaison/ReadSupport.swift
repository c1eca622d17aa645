import ArgumentParser
import Ledger
import LedgerRuntime
import Projections

/// `--at-seq N`: the ledger as it was known at seq N (default: the head).
struct AtSeqOption: ParsableArguments {
    @Option(name: .customLong("at-seq"), help: ArgumentHelp("Read the ledger as it was known at this seq (default: the head).", valueName: "N"))
    var atSeq: UInt64?
}

/// Opens the store and catches the projections up (reads see everything appended before them).
struct ReadContext {
    let log: EventLog
    let projections: ProjectionSet
    let head: UInt64

    static func open(_ store: StoreOptions) async throws -> ReadContext {
        let log = try store.open()
        let projections = try ProjectionSet(log: log)
        let head: UInt64
        do {
            head = try await projections.catchUp { name, done, total in
                Terminal.progress("catching up \(name): \(done) of \(total) events")
            }
        } catch let error as ProjectionError {
            throw LedgerError.corrupt(error.description + ". Run `liaison verify`.")
        }
        Terminal.endProgress()
        return ReadContext(log: log, projections: projections, head: head)
    }

    /// The seq a read is known at: `--at-seq`, capped at the head.
    func knownAt(_ option: AtSeqOption) throws -> UInt64 {
        guard let atSeq = option.atSeq else { return head }
        guard atSeq <= head else { throw LedgerError.usage("--at-seq \(atSeq) is beyond the head of the ledger (seq \(head)).") }
        return atSeq
    }
}

/// Today's business date from the system clock (UTC): only a default for `--as-of`, never folded.
func today() -> BusinessDate {
    BusinessDate(days: Int32(SystemClock.nowMillis() / 86_400_000))
}

extension BusinessDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
