#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGHUP's default action ends the process. `liaison serve` handles it (re-reading the
/// tokens) only once it serves; before, during the projection catch-up, an operator's
/// `kill -HUP` would kill a starting server. Ignoring it first closes that window; the
/// handler installed later (UnixSignalsSequence) works with the signal ignored.
public enum HangupSignal {
    public static func ignoreUntilHandled() {
        signal(SIGHUP, SIG_IGN)
    }
}
