#if canImport(Glibc)
import Glibc
#endif
import Foundation
@testable import LiaisonServer
import Testing

/// Which hosts count as loopback (plain HTTP allowed), parsed as IP literals.
struct LoopbackTests {
    @Test(arguments: [
        ("127.0.0.1", true), ("127.255.255.254", true), ("127.1.2.3", true), ("::1", true), ("localhost", true), ("LOCALHOST", true),
        ("0:0:0:0:0:0:0:1", true), ("::ffff:127.0.0.1", true),
        ("127.0.0.1.nip.io", false), ("127.example.com", false), ("128.0.0.1", false), ("0.0.0.0", false), ("::", false),
        ("::2", false), ("10.0.0.1", false), ("localhost.evil.example", false), ("", false), ("1127.0.0.1", false),
    ])
    func loopbackIsAnIPLiteralOrLocalhost(host: String, loopback: Bool) {
        #expect(Loopback.contains(host) == loopback, "\(host)")
        var options = LiaisonServer.Options()
        options.host = host
        #expect((options.problem() == nil) == loopback, "\(host): \(options.problem() ?? "allowed")")
    }

    /// A SIGHUP during startup (before the token reload handler exists) must not end the
    /// process: without the ignore, raising it here would kill the test run.
    @Test func hangupBeforeTheHandlerIsHarmless() {
        HangupSignal.ignoreUntilHandled()
        #expect(raise(SIGHUP) == 0)
        #expect(Loopback.contains("127.0.0.1"))  // still here
    }
}
