import Synchronization

/// The tokens in force: a `TokenFile` that `liaison serve` replaces on SIGHUP (re-read from
/// its file), so a token is added or revoked without a restart.
public final class TokenStore: Sendable {
    private let file: Mutex<TokenFile>

    public init(_ file: TokenFile) { self.file = Mutex(file) }

    public var current: TokenFile { file.withLock { $0 } }

    public func replace(_ newFile: TokenFile) { file.withLock { $0 = newFile } }

    public func identity(forToken token: String) -> Identity? { current.identity(forToken: token) }
}
