import CLMDB

/// A named database inside an `Environment`.
///
/// Only `Environment.database(_:flags:)` makes these, after the opening transaction
/// committed, so a `Database` is always valid for the environment that made it.
public struct Database: Sendable, Hashable {
    public let name: String
    let handle: MDB_dbi
}
