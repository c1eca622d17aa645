/// A snapshot read: sees the last commit before it began, nothing after, and never
/// blocks on (or blocks) a writer. See `Transaction` for what it can do.
public struct ReadTransaction: Transaction {
    let state: TransactionState

    public var reader: ReadTransaction { self }
}
