import Foundation

private let directoryCounter = Locked(0)

/// Runs `body` with a fresh directory that is removed afterwards.
///
/// Named from the pid, a counter and the test's name rather than randomness, so
/// leftovers of a crashed run say where they came from.
func withTemporaryDirectory<T>(_ label: String = #function, _ body: (String) throws -> T) throws -> T {
    let number = directoryCounter.withLock { value -> Int in
        value += 1
        return value
    }
    let testName = label.prefix { $0.isLetter || $0.isNumber }
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("liaison-lmdb-\(getpid())-\(number)-\(testName)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url.path)
}
