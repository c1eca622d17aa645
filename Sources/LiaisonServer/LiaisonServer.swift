import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import NIOSSL
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

/// `liaison serve`: the ledger over HTTP (docs/api.md). Built from a backend (the store,
/// its writer and projections), the tokens, and the options.
public struct LiaisonServer: Sendable {
    public struct Options: Sendable {
        public var host = "127.0.0.1"
        public var port = 8080
        public var tlsCertificatePath: String?
        public var tlsKeyPath: String?
        public var insecureHTTP = false
        /// The tokens file, re-read on SIGHUP (nil: the tokens given stay as they are).
        public var tokensPath: String?
        public var limits = ServerLimits()

        public init() {}

        public var usesTLS: Bool { tlsCertificatePath != nil }

        /// 127.0.0.0/8, ::1 and localhost: traffic that never leaves the machine.
        public var isLoopback: Bool { Loopback.contains(host) }

        /// Why these options may not run, if they may not: plain HTTP leaves the machine only
        /// when asked for by name, and TLS needs both its files.
        public func problem() -> String? {
            if (tlsCertificatePath == nil) != (tlsKeyPath == nil) { return "--tls-cert and --tls-key go together." }
            if !isLoopback && !usesTLS && !insecureHTTP {
                return "Binding to \(host) (not loopback) needs --tls-cert and --tls-key, or an explicit --insecure-http."
            }
            if !(0...65_535).contains(port) { return "--port must be between 0 (any free port) and 65535." }
            return nil
        }
    }

    public let backend: LedgerBackend
    public let tokens: TokenStore
    public let sessions: SessionTable
    public let options: Options
    public let logger: Logger
    /// Verifies and replays in progress, server-wide (`ServerLimits.auditsMax`).
    public let audits: WorkGate
    /// `POST /v1/events` bodies in progress (`ServerLimits.postsMax`).
    public let posts: WorkGate
    /// Balances requests in progress (`ServerLimits.balancesWalksMax`).
    public let walks: WorkGate

    public init(backend: LedgerBackend, tokens: TokenFile, options: Options, logger: Logger) {
        self.backend = backend
        self.tokens = TokenStore(tokens)
        self.options = options
        self.logger = logger
        audits = WorkGate(countMax: options.limits.auditsMax, retryAfterSeconds: options.limits.busyRetryAfterSeconds)
        posts = WorkGate(countMax: options.limits.postsMax, retryAfterSeconds: options.limits.busyRetryAfterSeconds)
        walks = WorkGate(countMax: options.limits.balancesWalksMax, retryAfterSeconds: options.limits.busyRetryAfterSeconds)
        sessions = SessionTable(countMax: options.limits.sessionsMax, lifetimeSeconds: options.limits.sessionSeconds)
    }

    /// Every route, behind the access log, metrics, error shaping and authentication.
    public func router() -> Router<ServerContext> {
        let router = Router(context: ServerContext.self)
        // Outermost first. Authentication only resolves the caller (routes decide), so it
        // goes first and the access log can name the caller.
        router.middlewares.add(AuthMiddleware(tokens: tokens, sessions: sessions))
        router.middlewares.add(AccessLogMiddleware(logger: logger))
        router.middlewares.add(MetricsMiddleware<ServerContext>())
        router.middlewares.add(ErrorMiddleware())
        let limits = options.limits
        EventRoutes.add(to: router, backend: backend, limits: limits, gate: posts)
        ReadRoutes.add(to: router, backend: backend, limits: limits)
        BalancesRoutes.add(to: router, backend: backend, limits: limits, gate: walks)
        AuditRoutes.add(to: router, backend: backend, limits: limits, gate: audits)
        OperationsRoutes.add(to: router, backend: backend)
        PageRoutes.add(to: router, backend: backend, tokens: tokens, sessions: sessions, secureCookies: options.usesTLS, limits: limits, walks: walks)
        return router
    }

    public func application() throws -> some ApplicationProtocol {
        let http1 = HTTP1Channel.Configuration(idleTimeout: .seconds(Int64(options.limits.idleSecondsMax)))
        let server: HTTPServerBuilder
        if let tls = try options.tlsConfiguration() {
            server = try .tls(.http1(configuration: http1), tlsConfiguration: tls)
        } else {
            server = .http1(configuration: http1)
        }
        let limits = options.limits
        let logger = self.logger
        let options = self.options
        return Application(
            router: router(),
            server: server,
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil,
                                 availableConnectionsDelegate: MaximumAvailableConnections(limits.connectionsMax, logger: logger)),
            onServerRunning: { channel in
                // "(port N)" ends the line: scripts and tests read the port from it (with --port 0).
                let port = channel.localAddress?.port ?? options.port
                logger.notice("liaison serve: listening on \(LiaisonServer.listeningDescription(options, port: port)) (port \(port))")
            },
            logger: logger
        )
    }

    /// Re-reads the tokens file: new tokens work at once, removed ones stop working and
    /// their browser sessions end. A file that does not parse changes nothing (logged).
    public func reloadTokens() {
        guard let path = options.tokensPath else { return }
        do {
            let file = try TokenFile.load(path)
            tokens.replace(file)
            sessions.keepOnly(file.entries.map { Identity(role: $0.role, name: $0.name) })
            logger.notice("liaison serve: SIGHUP: \(file.entries.count) token(s) loaded from \(path)")
        } catch {
            logger.error("liaison serve: SIGHUP: the tokens file was not reloaded, the previous tokens stay in force: \(error)")
        }
    }

    static func listeningDescription(_ options: Options, port: Int) -> String {
        let scheme = options.usesTLS ? "https" : "http"
        let how = options.usesTLS ? "TLS" : (options.isLoopback ? "plain HTTP on loopback" : "PLAIN HTTP OFF LOOPBACK (--insecure-http): tokens travel in clear text")
        let host = options.host.contains(":") ? "[\(options.host)]" : options.host
        return "\(scheme)://\(host):\(port) [\(how)]"
    }

    /// Serves until SIGTERM or SIGINT, then stops accepting, lets every request in flight
    /// finish (an append answers only once committed), and returns. SIGHUP re-reads the
    /// tokens file.
    public func run() async throws {
        let app = try application()
        var configuration = ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        // A request that never ends (a verify of a huge store) must not keep SIGTERM from
        // ending the process: past this the group cancels what is left and returns.
        configuration.maximumGracefulShutdownDuration = .seconds(options.limits.shutdownSecondsMax)
        // Work deaf to cancellation (a verify on the offload queue) must not hold it either.
        configuration.maximumCancellationDuration = .seconds(10)
        let group = ServiceGroup(configuration: configuration)
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { for await _ in hangups { self.reloadTokens() } }
            try await group.run()
            tasks.cancelAll()
        }
        let head = try backend.log.head()
        logger.notice("liaison serve: stopped; head seq \(head.seq) \(head.hashHex)")
    }
}
