import Foundation
import LMDB

/// The ledger's log and its indexes in one LMDB environment (docs/architecture.md).
///
/// Guarantees: serialised writes (one LMDB write transaction at a time, across
/// processes, by LMDB's writer lock), snapshot reads (a read sees one committed head
/// and everything up to it), durable commits (fsync before `append` returns).
public final class EventLog: Sendable {
    public let path: String
    public let environment: Environment
    public let layout: StoreLayout
    public let home: String

    /// File-backed pages of the map a process keeps resident before long loops release
    /// them (`Environment.releaseMappedPages`): bounds memory whatever the store's size.
    public static let mappedBytesMax = 192 << 20

    /// Called between batches of long work (appends, replays, scans): drops mapped pages
    /// beyond the budget. Cheap when under it (one read of /proc/self/statm).
    public func boundResidentMemory() {
        environment.releaseMappedPages(ifResidentAbove: EventLog.mappedBytesMax)
    }

    static let headKey = Array("head".utf8)
    static let homeKey = Array("home".utf8)
    static let formatKey = Array("format".utf8)
    static let dataFile = "data.mdb"

    private init(path: String, environment: Environment, layout: StoreLayout, home: String) {
        self.path = path
        self.environment = environment
        self.layout = layout
        self.home = home
    }

    public static func exists(at path: String) -> Bool {
        FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(dataFile))
    }

    /// Creates a store (the directory too). Initialising an existing store with the same
    /// home is a no-op, so setup scripts can run twice; another home is refused.
    @discardableResult
    public static func create(at path: String, home: String, options: Environment.Options = .init()) throws -> EventLog {
        guard let state = StateCode(home) else { throw LedgerError.usage("--home \(home) is not a coordination state code (e.g. FR).") }
        if exists(at: path) {
            let log = try open(at: path, options: options)
            guard log.home == state.code else { throw LedgerError.alreadyInitialised(path, home: log.home) }
            return log
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw LedgerError.io("Cannot create the store directory \(path): \(error.localizedDescription)")
        }
        let environment = try mapped { try Environment(directory: path, options: options) }
        let layout = try mapped { try StoreLayout(environment: environment) }
        try mapped {
            try environment.write { txn in
                try txn.put(layout.meta, key: homeKey, value: Array(state.code.utf8))
                try txn.put(layout.meta, key: formatKey, value: [StoredEvent.formatVersion])
                try txn.put(layout.meta, key: headKey, value: LedgerHead.empty.bytes)
            }
        }
        return EventLog(path: path, environment: environment, layout: layout, home: state.code)
    }

    public static func open(at path: String, options: Environment.Options = .init()) throws -> EventLog {
        guard exists(at: path) else { throw LedgerError.noStore(path) }
        let environment = try mapped { try Environment(directory: path, options: options) }
        if let shortfall = environment.dataFileShortfall() {
            throw LedgerError.corrupt("The store \(path) is damaged: \(shortfall). Run `liaison verify` to see the first event lost, and restore from a backup.")
        }
        let layout = try mapped { try StoreLayout(environment: environment) }
        let home: String? = try mapped {
            try environment.read { txn in
                try txn.get(layout.meta, key: homeKey).map { String(decoding: $0, as: UTF8.self) }
            }
        }
        guard let home else { throw LedgerError.noStore(path) }
        return EventLog(path: path, environment: environment, layout: layout, home: home)
    }

    public func head() throws -> LedgerHead {
        try EventLog.mapped { try environment.read { try readHead($0) } }
    }

    func readHead(_ txn: some Transaction) throws -> LedgerHead {
        guard let raw = try txn.get(layout.meta, key: EventLog.headKey) else { return .empty }
        guard let head = raw.withUnsafeBytes({ LedgerHead($0) }) else { throw LedgerError.corrupt("The store's head record is damaged.") }
        return head
    }

    /// Maps storage errors to `LedgerError`s with the exit codes of SPEC §8.
    public static func mapped<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as LMDBError {
            if error.isNoSpace { throw LedgerError.diskFull("The disk holding the store is full (\(error.description)). Everything committed before is kept and nothing was half-written; free space or move the store to a larger disk, then run the same command again (lines already stored count as duplicates).") }
            if error.isBusy { throw LedgerError.busy("The store is busy: \(error.description). Try again.") }
            if error.code == LMDBError.Code.corrupted.rawValue || error.code == LMDBError.Code.pageNotFound.rawValue
                || error.code == LMDBError.Code.invalid.rawValue {
                throw LedgerError.corrupt("The store is damaged: \(error.description). Run `liaison verify`.")
            }
            throw LedgerError.io("Storage error: \(error.description)")
        }
    }
}
