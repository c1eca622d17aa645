/// A deterministic, streaming generator of realistic sample events for the ledger.
///
/// It writes JSON Lines in the format of SPEC §2 (`id`, `type`, `occurred`, `actor`,
/// `case`, `data`; no `recorded`, no `expectedVersion`), and every line is valid when
/// appended, in order, to an empty ledger whose home is `options.home`: cases open
/// before anything happens in them, documents answer earlier documents, postings stay
/// within 24 months, final determinations of different states never overlap, claims
/// are never paid, credited or contested beyond what is outstanding, and nothing
/// follows a withdrawal.
///
/// Guarantees:
/// - **Deterministic.** The same options give the same lines, byte for byte, in any
///   process: randomness comes from SplitMix64 seeded by `options.seed`, amounts are
///   integer minor units, no hashed collection's order reaches the output.
/// - **Streaming.** Cases and claims are made in chunks of about `chunkUnits`; only one
///   chunk's lines are in memory at a time, so ten million events need no more memory
///   than a thousand.
/// - **Interleaved.** Within a chunk, lines come sorted by business date (each case's
///   and claim's own events keep their causal order), so `occurred` rises the way a
///   liaison body's inbox does; it starts again at the next chunk.
///
/// Volume (seed 1, three years, home FR): about 6.2 events per case and 2.1 per claim,
/// so with the default two claims per case about 10.3 lines per case; `cases: 970_000`
/// gives about ten million lines. Fewer `years` cut more lives short (a case or claim
/// stops at the end of the span), so the rates drop a little.
public struct SampleGenerator: Sendable {
    public struct Options: Sendable {
        public var seed: UInt64
        /// Number of cases (files about one person).
        public var cases: Int
        /// Number of reimbursement claims between institutions.
        public var claims: Int
        /// The state whose liaison body runs the ledger.
        public var home: String
        /// Business dates (`occurred`) fall in `firstYear` … `firstYear + years - 1`.
        public var firstYear: Int
        public var years: Int

        /// `claims` defaults to twice the number of cases.
        public init(seed: UInt64 = 1, cases: Int = 200, claims: Int? = nil, home: String = "FR",
                    firstYear: Int = 2022, years: Int = 3) {
            self.seed = seed
            self.cases = cases
            self.claims = claims ?? cases * 2
            self.home = home
            self.firstYear = firstYear
            self.years = years
        }
    }

    /// Cases plus claims per chunk: big enough to interleave, small enough to bound memory.
    public static let chunkUnits = 500

    public let options: Options
    private let world: World

    /// Whether `state` can be the home of a generated sample: any coordination partner
    /// of SPEC §2 (`init` traps on anything else, so check a user's input first).
    public static func supports(home state: String) -> Bool {
        World.allStates.contains(state)
    }

    public init(options: Options) {
        precondition(options.cases >= 0 && options.claims >= 0, "cases and claims cannot be negative")
        precondition(options.years >= 1, "years must be at least 1")
        precondition(options.firstYear >= 1900 && options.firstYear + options.years <= 9999, "years must lie within 1900…9998")
        self.options = options
        self.world = World(home: options.home)
    }

    /// Calls `emit` once per line (no trailing newline), in append order.
    public func generate(_ emit: (String) throws -> Void) rethrows {
        let startDay = CivilDay.from(year: options.firstYear, month: 1, day: 1)
        let endDay = CivilDay.from(year: options.firstYear + options.years - 1, month: 12, day: 31)
        let sink = ChunkSink(startDay: startDay, endDay: endDay)
        var ring = LinkableRing()
        let units = options.cases + options.claims
        let chunks = max(1, (units + Self.chunkUnits - 1) / Self.chunkUnits)
        for chunk in 0..<chunks {
            // Cases first, so that a claim of this chunk can link to one opened in it.
            for index in share(options.cases, chunk, of: chunks) {
                var script = CaseScript(world: world, sink: sink, seed: options.seed, index: index)
                script.run(linkable: &ring)
            }
            for index in share(options.claims, chunk, of: chunks) {
                var script = ClaimScript(world: world, sink: sink, seed: options.seed, index: index, linkable: ring)
                script.run()
            }
            try sink.flush(emit)
        }
    }

    /// All lines at once: for tests and small samples only.
    public func lines() -> [String] {
        var lines: [String] = []
        generate { lines.append($0) }
        return lines
    }

    /// The indices of `total` items that fall in chunk `chunk` of `chunks`.
    private func share(_ total: Int, _ chunk: Int, of chunks: Int) -> Range<Int> {
        (total * chunk / chunks)..<(total * (chunk + 1) / chunks)
    }
}
