import Foundation
import Ledger

/// One rejected input line as reported to its sender:
/// `{"line":N,"id":"…","error":"CODE","message":"…"}` (SPEC §3), with `file` when
/// several files were read and, in a rejects file, the original line.
public struct RejectedLine: Sendable {
    public var file: String?
    public var line: Int
    public var id: String?
    public var rejection: Rejection

    public init(file: String? = nil, line: Int, id: String?, rejection: Rejection) {
        self.file = file
        self.line = line
        self.id = id
        self.rejection = rejection
    }

    /// Writes the report object; with `original`, the line as sent travels with its error
    /// (as text when it is UTF-8, else base64), so nothing sent is lost.
    public func write(to writer: inout JSONWriter, original: [UInt8]? = nil) {
        writer.beginObject()
        if let file { writer.field("file", file) }
        writer.field("line", line)
        writer.field("id", id)
        writer.field("error", rejection.code.rawValue)
        writer.field("message", rejection.message)
        if let original {
            if let text = String(validating: original, as: UTF8.self) {
                writer.field("original", text)
            } else {
                writer.field("originalBase64", Data(original).base64EncodedString())
            }
        }
        writer.endObject()
    }

    public func json(original: [UInt8]? = nil) -> String {
        var writer = JSONWriter()
        write(to: &writer, original: original)
        return writer.text
    }

    /// The `id` of a line for its report, when the line is JSON with a string `id`
    /// (a line too large to parse, or not JSON, has none).
    public static func id(of bytes: [UInt8], length: Int? = nil) -> String? {
        guard (length ?? bytes.count) <= EventParser.lineBytesMax, let json = try? JSONParser.parse(bytes),
              case .string(let id)? = json["id"] else { return nil }
        return id
    }
}
