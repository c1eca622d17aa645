import ArgumentParser
import Ledger
import SampleData

struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a realistic, valid sample event file (deterministic for a seed).",
        discussion: """
        Cases with documents, legislation, periods and benefits under EU883, bilateral \
        conventions and the overseas decrees; reimbursement claims in both directions \
        in EUR, CHF, GBP, TND, XPF and more, with contestations, credit notes, advances, \
        payments and withdrawals. The same options give the same bytes on any machine.

        Examples:
          liaison generate --cases 200 --seed 7 > sample.jsonl
          liaison generate --cases 50000 --claims 100000 --first-year 2015 --years 10 -o big.jsonl
        """
    )

    @Option(help: "Number of cases.") var cases: Int = 200
    @Option(help: "Number of reimbursement claims (default: twice the cases).") var claims: Int?
    @Option(help: "Seed of the generator.") var seed: UInt64 = 1
    @Option(help: "Home state.") var home: String = "FR"
    @Option(help: "First business year.") var firstYear: Int = 2022
    @Option(help: "Number of business years.") var years: Int = 3
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE")) var output: String?

    func validate() throws {
        guard cases >= 0, cases <= 100_000_000 else { throw ValidationError("--cases must be between 0 and 100,000,000.") }
        if let claims, claims < 0 || claims > 200_000_000 { throw ValidationError("--claims must be between 0 and 200,000,000.") }
        guard StateCode(home) != nil, SampleGenerator.supports(home: home) else { throw ValidationError("--home \(home) is not a coordination state code the generator knows.") }
        guard (1950...2100).contains(firstYear), (1...50).contains(years) else { throw ValidationError("--first-year must be 1950-2100 and --years 1-50.") }
    }

    func run() async throws {
        try await runReportingErrors {
            let sink = try OutputSink(path: output)
            defer { sink.close() }
            let generator = SampleGenerator(options: .init(seed: seed, cases: cases, claims: claims, home: home, firstYear: firstYear, years: years))
            generator.generate { sink.write($0) }
        }
    }
}
