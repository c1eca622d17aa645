/// A failure of the ledger as a whole (not of one submitted line), with a sentence a
/// user can act on and the exit code of SPEC §8.
public struct LedgerError: Error, Sendable, CustomStringConvertible {
    enum Kind: Sendable {
        case noStore, alreadyInitialised, noSuchCase, noSuchClaim, usage, io, busy, corrupt, diskFull
    }

    let kind: Kind
    public let message: String

    init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// The disk holding the store is full: reads still work, writes wait for space.
    public var isDiskFull: Bool { kind == .diskFull }

    /// 64 usage · 66 no such store, case or claim · 74 I/O · 75 busy · 2 verification failed.
    public var exitCode: Int32 {
        switch kind {
        case .usage, .alreadyInitialised: return 64
        case .noStore, .noSuchCase, .noSuchClaim: return 66
        case .io, .diskFull: return 74
        case .busy: return 75
        case .corrupt: return 2
        }
    }

    public static func noStore(_ path: String) -> LedgerError {
        LedgerError(.noStore, "No ledger store at \(path): create one with `liaison init --store \(path)`, or point --store (or LIAISON_STORE) at an existing one.")
    }
    public static func alreadyInitialised(_ path: String, home: String) -> LedgerError {
        LedgerError(.alreadyInitialised, "The store at \(path) already exists with home \(home); a store's home cannot change.")
    }
    public static func usage(_ message: String) -> LedgerError { LedgerError(.usage, message) }
    public static func io(_ message: String) -> LedgerError { LedgerError(.io, message) }
    public static func busy(_ message: String) -> LedgerError { LedgerError(.busy, message) }
    public static func corrupt(_ message: String) -> LedgerError { LedgerError(.corrupt, message) }
    public static func diskFull(_ message: String) -> LedgerError { LedgerError(.diskFull, message) }
    public static func noSuchCase(_ id: String) -> LedgerError { LedgerError(.noSuchCase, "No case \(id) in the ledger.") }
    public static func noSuchClaim(_ id: String) -> LedgerError { LedgerError(.noSuchClaim, "No claim \(id) in the ledger.") }
}
