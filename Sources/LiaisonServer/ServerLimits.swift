/// Every limit of `liaison serve` in one place (docs/api.md states them).
public struct ServerLimits: Sendable {
    /// Bytes in one request body; more is answered 413 `too-large`.
    public var bodyBytesMax = 16 << 20
    /// Lines (or array elements) in one `POST /v1/events`; more is answered 413 `too-many-lines`.
    public var linesPerRequestMax = 65_536
    /// Seconds a client has to send its whole request body; slower is answered 408.
    public var bodySecondsMax = 30
    /// Seconds a connection may sit idle before the server closes it.
    public var idleSecondsMax = 30
    /// Open connections; beyond it the server stops accepting until one closes.
    public var connectionsMax = 256
    /// Browser sessions held at once, and how long one lasts.
    public var sessionsMax = 1024
    public var sessionSeconds = 8 * 3600
    /// Lines a request hands the writer at a time (the CLI's chunk): several requests then
    /// share each commit, and no request holds a transaction long.
    public var submitChunkLines = 2048

    /// `/ready` answers 503 while a projection is further than this behind the head: a
    /// server still catching up after a restart, or one that cannot keep up.
    public var readyLagEventsMax: UInt64 = 4096

    /// Full verifies and replays at once, server-wide: each reads the whole log and a replay
    /// builds a scratch copy of the projections, so two would only halve each other's speed
    /// and double the disk. One more is answered 503 `busy`.
    public var auditsMax = 1
    /// `POST /v1/events` bodies being collected or processed at once: bounds their memory
    /// to `postsMax * bodyBytesMax` (8 x 16 MiB = 128 MiB). One more is answered 503 `busy`.
    public var postsMax = 8
    /// Balances walks at once (`/v1/balances` and the balances page; a page walks twice):
    /// each reads every claim, so beyond the cores they only slow each other down.
    public var balancesWalksMax = 4
    /// `Retry-After` seconds on a 503 `busy`.
    public var busyRetryAfterSeconds = 5
    /// Handler time of reads and posts, and of verify and replay (minutes on a large store);
    /// beyond it the client gets 503 `deadline` while the work finishes in the background.
    public var requestSecondsMax = 120
    public var auditSecondsMax = 3600
    /// SIGTERM waits this long for requests in flight, then the server stops regardless.
    public var shutdownSecondsMax = 60

    public init() {}
}
