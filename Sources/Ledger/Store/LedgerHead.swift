/// The head of the log: the last seq, its chain hash and the last recorded instant.
public struct LedgerHead: Sendable, Equatable {
    public let seq: UInt64
    public let hash: [UInt8]
    public let lastRecorded: RecordedInstant

    public static let empty = LedgerHead(seq: 0, hash: [UInt8](repeating: 0, count: 32), lastRecorded: RecordedInstant(millis: 0))

    public init(seq: UInt64, hash: [UInt8], lastRecorded: RecordedInstant) {
        self.seq = seq
        self.hash = hash
        self.lastRecorded = lastRecorded
    }

    var bytes: [UInt8] {
        var writer = ByteWriter(capacity: 48)
        writer.u64(seq)
        writer.raw(hash)
        writer.i64(lastRecorded.millis)
        return writer.bytes
    }

    init?(_ raw: UnsafeRawBufferPointer) {
        var reader = ByteReader(raw)
        guard let seq = try? reader.u64(), let hash = try? reader.bytes(32), let recorded = try? reader.i64(), reader.isAtEnd else { return nil }
        self.init(seq: seq, hash: hash, lastRecorded: RecordedInstant(millis: recorded))
    }

    public var hashHex: String { Hex.encode(hash) }
}
