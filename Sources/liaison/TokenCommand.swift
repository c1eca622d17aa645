import ArgumentParser
import Foundation
import Ledger
import LiaisonServer

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Manage the bearer tokens of `liaison serve`.",
        subcommands: [TokenAddCommand.self]
    )
}

struct TokenAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Make a new random token: print it once, store only its SHA-256 in the tokens file.",
        discussion: """
        The file gets a line `ROLE NAME SHA256-HEX`; the token itself is printed on stdout \
        and kept nowhere, so copy it now. Roles: connector (POST /v1/events, only as actor \
        connector:NAME), auditor, finance, admin. To revoke a token, delete its line and \
        send the server SIGHUP (it re-reads the file).

        Example:
          liaison token add --role connector --name eessi-ap --tokens ./tokens
        """
    )

    @Option(help: "connector, auditor, finance or admin.") var role: String
    @Option(help: "Who holds it (1-64 of A-Z a-z 0-9 . _ -); a connector's events carry actor connector:NAME.") var name: String
    @Option(help: ArgumentHelp("The tokens file (created if missing).", valueName: "FILE")) var tokens = "./liaison-tokens"

    func validate() throws {
        guard Role(rawValue: role) != nil else { throw ValidationError("--role must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", ")).") }
        guard TokenFile.isValidName(name) else { throw ValidationError("--name must be 1-64 characters of A-Z a-z 0-9 . _ -.") }
    }

    func run() async throws {
        try await runReportingErrors {
            if FileManager.default.fileExists(atPath: tokens) {
                do {
                    let existing = try TokenFile.load(tokens)
                    if existing.entries.contains(where: { $0.name == name && $0.role.rawValue == role }) {
                        Terminal.err("liaison: note: \(tokens) already has a \(role) token for \(name); both will work until one line is removed.")
                    }
                } catch let error as TokenFile.Failure {
                    throw LedgerError.usage(error.description)
                }
            } else {
                // Only hashes inside, but still nobody else's business: owner read/write only.
                guard FileManager.default.createFile(atPath: tokens, contents: Data("# liaison serve tokens: ROLE NAME SHA256-HEX-OF-TOKEN\n".utf8),
                                                     attributes: [.posixPermissions: 0o600]) else {
                    throw LedgerError.io("Cannot create the tokens file \(tokens).")
                }
            }
            let (token, line) = TokenFile.newToken(role: Role(rawValue: role)!, name: name)
            guard let handle = FileHandle(forUpdatingAtPath: tokens) else { throw LedgerError.io("Cannot open the tokens file \(tokens) for writing.") }
            defer { try? handle.close() }
            // A file edited by hand may lack its last newline: the new line must not be glued to it.
            let end = handle.seekToEndOfFile()
            var separator = ""
            if end > 0 {
                handle.seek(toFileOffset: end - 1)
                if handle.readData(ofLength: 1) != Data("\n".utf8) { separator = "\n" }
                handle.seekToEndOfFile()
            }
            handle.write(Data((separator + line + "\n").utf8))
            Terminal.out(token)
        }
    }
}
