import Ledger

/// Splits a `POST /v1/events` body into its events: JSON Lines (one per line; blank
/// lines skipped but counted, a trailing `\r` dropped, as `liaison append` reads a file)
/// or a JSON array (element N is "line" N in the reports).
enum BodyLines {
    struct Line {
        let number: Int
        let bytes: [UInt8]
    }

    struct Failure: Error {
        let message: String
    }

    static func split(_ body: [UInt8], array: Bool) throws(Failure) -> [Line] {
        array ? try splitArray(body) : splitLines(body)
    }

    /// True when the body's first non-blank byte opens an array.
    static func looksLikeArray(_ body: [UInt8]) -> Bool {
        body.first(where: { !isBlank($0) }) == UInt8(ascii: "[")
    }

    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    static func splitLines(_ body: [UInt8]) -> [Line] {
        var lines: [Line] = []
        var number = 0
        var start = body.startIndex
        // A UTF-8 byte-order mark at the start is skipped, as in a file.
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
        while start < body.endIndex {
            number += 1
            let end = body[start...].firstIndex(of: 0x0A) ?? body.endIndex
            var slice = body[start..<end]
            if slice.last == 0x0D { slice = slice.dropLast() }
            if !slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { lines.append(Line(number: number, bytes: Array(slice))) }
            start = end == body.endIndex ? end : end + 1
        }
        return lines
    }

    /// The top-level elements of an array, each as its exact bytes, found by tracking
    /// strings and nesting; the elements themselves are parsed (strictly) by EventParser.
    static func splitArray(_ body: [UInt8]) throws(Failure) -> [Line] {
        var index = body.startIndex
        func skipBlank() { while index < body.endIndex, isBlank(body[index]) { index += 1 } }
        skipBlank()
        guard index < body.endIndex, body[index] == UInt8(ascii: "[") else { throw Failure(message: "the body is not a JSON array") }
        index += 1
        var lines: [Line] = []
        skipBlank()
        if index < body.endIndex, body[index] == UInt8(ascii: "]") {
            index += 1
            skipBlank()
            guard index == body.endIndex else { throw Failure(message: "bytes after the array's end at offset \(index)") }
            return []
        }
        while true {
            skipBlank()
            let start = index
            var depth = 0
            var inString = false
            var escaped = false
            while index < body.endIndex {
                let byte = body[index]
                if inString {
                    if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                } else if byte == UInt8(ascii: "\"") {
                    inString = true
                } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                    depth += 1
                } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                    if depth == 0 { break }
                    depth -= 1
                } else if byte == UInt8(ascii: ","), depth == 0 {
                    break
                }
                index += 1
            }
            guard index < body.endIndex else { throw Failure(message: "the array is not closed") }
            var element = body[start..<index]
            while let last = element.last, isBlank(last) { element = element.dropLast() }
            guard !element.isEmpty else { throw Failure(message: "an empty array element at offset \(start)") }
            lines.append(Line(number: lines.count + 1, bytes: Array(element)))
            if body[index] == UInt8(ascii: "]") { break }
            guard body[index] == UInt8(ascii: ",") else { throw Failure(message: "unexpected byte at offset \(index)") }
            index += 1
        }
        index += 1
        skipBlank()
        guard index == body.endIndex else { throw Failure(message: "bytes after the array's end at offset \(index)") }
        return lines
    }
}
