import LMDB

/// Tests don't need fsync; the durability flag changes nothing they check.
func testOptions(mapSizeBytes: Int = 1 << 20, mapSizeMaxBytes: Int = 1 << 30) -> Environment.Options {
    Environment.Options(mapSizeBytes: mapSizeBytes, mapSizeMaxBytes: mapSizeMaxBytes, durable: false)
}

/// The ledger's key scheme: big-endian, so byte order is numeric order.
func bigEndianKey(_ value: UInt64) -> [UInt8] {
    withUnsafeBytes(of: value.bigEndian) { Array($0) }
}

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// A value derived from its key, so a reader can check any entry on its own.
func derivedValue(for key: [UInt8], count: Int) -> [UInt8] {
    (0..<count).map { key[$0 % key.count] &+ UInt8(truncatingIfNeeded: $0) }
}
