import Hummingbird

extension Request {
    /// The whole body, bounded in bytes and in time: more than `bytesMax` is a 413, a body
    /// still arriving after `secondsMax` a 408 (a slow client cannot hold a handler forever).
    func collectBounded(bytesMax: Int, secondsMax: Int) async throws -> [UInt8] {
        if let length = headers[.contentLength].flatMap({ Int($0) }), length > bytesMax {
            throw APIError(.contentTooLarge, "too-large", "The body has \(length) bytes; at most \(bytesMax) are accepted in one request.")
        }
        let body = self.body
        return try await withThrowingTaskGroup(of: [UInt8]?.self) { group in
            group.addTask {
                var bytes: [UInt8] = []
                for try await buffer in body {
                    guard bytes.count + buffer.readableBytes <= bytesMax else {
                        throw APIError(.contentTooLarge, "too-large", "The body has more than \(bytesMax) bytes, the most accepted in one request.")
                    }
                    bytes.append(contentsOf: buffer.readableBytesView)
                }
                return bytes
            }
            group.addTask {
                try await Task.sleep(for: .seconds(secondsMax))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let bytes = first else {
                throw APIError(.requestTimeout, "timeout", "The body did not arrive within \(secondsMax) seconds.")
            }
            return bytes
        }
    }
}
