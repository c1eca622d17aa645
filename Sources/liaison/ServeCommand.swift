import ArgumentParser
import Foundation
import Ledger
import LedgerRuntime
import LiaisonServer
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the ledger over HTTP: appends for connectors, reads and audits, balances as JSON, CSV and a page.",
        discussion: """
        Requests carry `Authorization: Bearer TOKEN`, a token made by `liaison token add`; \
        each token has a role (connector, auditor, finance, admin). Binding to anything but \
        loopback needs --tls-cert and --tls-key, or an explicit --insecure-http. SIGTERM or \
        SIGINT stops accepting, finishes and commits what is in flight, and exits 0; \
        SIGHUP re-reads the tokens file. \
        The endpoints are in docs/api.md and at GET /openapi.json.

        Examples:
          liaison token add --role connector --name eessi-ap --tokens ./tokens
          liaison serve --store ./data --tokens ./tokens
          liaison serve --store ./data --tokens ./tokens --host 0.0.0.0 --port 8443 --tls-cert cert.pem --tls-key key.pem
        """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "The address to bind (default: loopback).") var host = "127.0.0.1"
    @Option(help: "The port to listen on (0: any free port, logged at start).") var port = 8080
    @Option(help: ArgumentHelp("The tokens file (`ROLE NAME SHA256-HEX` per line).", valueName: "FILE")) var tokens: String
    @Option(name: .customLong("tls-cert"), help: ArgumentHelp("PEM certificate chain: serve HTTPS.", valueName: "FILE")) var tlsCertificate: String?
    @Option(name: .customLong("tls-key"), help: ArgumentHelp("PEM private key of --tls-cert.", valueName: "FILE")) var tlsKey: String?
    @Flag(name: .customLong("insecure-http"), help: "Allow plain HTTP on a non-loopback address (tokens then cross the network in clear).")
    var insecureHTTP = false

    func options() -> LiaisonServer.Options {
        var options = LiaisonServer.Options()
        options.host = host
        options.port = port
        options.tlsCertificatePath = tlsCertificate
        options.tlsKeyPath = tlsKey
        options.insecureHTTP = insecureHTTP
        options.tokensPath = tokens
        return options
    }

    func validate() throws {
        if let problem = options().problem() { throw ValidationError(problem) }
    }

    func run() async throws {
        try await runReportingErrors {
            let tokenFile: TokenFile
            do {
                tokenFile = try TokenFile.load(tokens)
            } catch let error as TokenFile.Failure {
                throw LedgerError.usage(error.description)
            }
            var logger = Logger(label: "liaison.serve", factory: { label in StreamLogHandler.standardError(label: label) })
            logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
            // Before the catch-up, which may take minutes: a bad certificate is said at once,
            // and a SIGHUP then (SIGHUP's default action ends the process) is harmless.
            _ = try options().tlsConfiguration()
            HangupSignal.ignoreUntilHandled()
            let log = try store.open()
            logger.notice("liaison serve: store \(store.path), \(tokenFile.entries.count) token(s) loaded; catching the projections up")
            let backend = try await LedgerBackend(log: log)
            // A SIGHUP during the catch-up was ignored: read the file again so a token
            // changed meanwhile counts (a file that no longer parses keeps the first reading).
            let current = (try? TokenFile.load(tokens)) ?? tokenFile
            let server = LiaisonServer(backend: backend, tokens: current, options: options(), logger: logger)
            do {
                try await server.run()
            } catch let error as LedgerError {
                throw error
            } catch {
                throw LedgerError.io("The server could not run: \(error).")
            }
        }
    }
}
