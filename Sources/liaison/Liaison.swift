import ArgumentParser

@main
struct Liaison: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "liaison",
        abstract: "An event-sourced case ledger for a social security liaison body.",
        discussion: """
        Every liaison action is appended as an immutable, hash-chained event to a store \
        (an LMDB environment in one directory). The store is --store DIR, else \
        $LIAISON_STORE, else ./liaison-data.

        Quick start:
          liaison init --store ./demo --home FR
          liaison generate --cases 200 --seed 7 > sample.jsonl
          liaison append --store ./demo sample.jsonl
          liaison verify --store ./demo
          liaison balances --store ./demo --year 2024 --by zone

        Exit codes: 0 ok · 2 verification failed · 64 usage · 65 input rejected · \
        66 no such store, case or claim · 74 I/O error · 75 store busy.
        """,
        subcommands: [
            InitCommand.self, AppendCommand.self, ImportCommand.self, ExportCommand.self,
            VerifyCommand.self, ReplayCommand.self, CaseCommand.self, ClaimCommand.self, BalancesCommand.self,
            StatusCommand.self, BackupCommand.self, GenerateCommand.self, ServeCommand.self, TokenCommand.self,
        ]
    )
}
