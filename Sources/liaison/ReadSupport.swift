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

    /// One case's state as known at `knownAt`: the live projection at the head, else the
    /// case's stream folded up to that seq (the same pure fold, so both agree).
    func caseState(_ id: String, knownAt: UInt64) throws -> CaseState? {
        try state(projection: "cases", id: id, knownAt: knownAt, decode: CaseState.init(json:),
                  stream: { try log.caseStream(id, atSeq: knownAt) }, fold: CaseFold.apply)
    }

    func claimState(_ id: String, knownAt: UInt64) throws -> ClaimState? {
        try state(projection: "claims", id: id, knownAt: knownAt, decode: ClaimState.init(json:),
                  stream: { try log.claimStream(id, atSeq: knownAt) }, fold: ClaimFold.apply)
    }

    private func state<State>(projection: String, id: String, knownAt: UInt64, decode: (JSONReader) throws -> State,
                              stream: () throws -> [StoredEvent], fold: (State?, StoredEvent) throws -> State) throws -> State? {
        if knownAt == head {
            return try projections.store.item(projection, key: id).map { bytes in
                try bytes.withUnsafeBytes { try decode(JSONReader(bytes: $0)) }
            }
        }
        return try stream().reduce(nil) { try fold($0, $1) }
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
