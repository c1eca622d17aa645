import Crypto
import Foundation
import Ledger

/// The tokens file: one line per token, `ROLE NAME SHA256-HEX-OF-TOKEN`; `#` starts a
/// comment; blank lines are skipped. Only hashes are stored, so the file can be read by
/// an operator without revealing a usable token.
public struct TokenFile: Sendable {
    public struct Entry: Sendable, Equatable {
        public let role: Role
        public let name: String
        public let hash: [UInt8]
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    public let entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// Names: 1-64 of `[A-Za-z0-9._-]`, so `connector:NAME` is a valid actor and logs stay plain.
    public static func isValidName(_ name: String) -> Bool {
        (1...64).contains(name.utf8.count) && name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }

    public static func parse(_ text: String, path: String = "the tokens file") throws -> TokenFile {
        var entries: [Entry] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            if fields.isEmpty { continue }
            let at = "\(path) line \(index + 1)"
            guard fields.count == 3 else { throw Failure(description: "\(at): expected `ROLE NAME SHA256-HEX`, found \(fields.count) fields.") }
            // Failures name the line and the rule, never a field's text: a token pasted
            // into the file by mistake would otherwise reach the server's log.
            guard let role = Role(rawValue: fields[0]) else {
                throw Failure(description: "\(at): the first field is not a role; roles are \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            guard isValidName(fields[1]) else { throw Failure(description: "\(at): a name is 1-64 characters of A-Z a-z 0-9 . _ -.") }
            guard let hash = Hex.decode(fields[2].lowercased()), hash.count == 32 else {
                throw Failure(description: "\(at): the third field must be the 64-digit SHA-256 hex of the token.")
            }
            entries.append(Entry(role: role, name: fields[1], hash: hash))
        }
        return TokenFile(entries: entries)
    }

    public static func load(_ path: String) throws -> TokenFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "Cannot read the tokens file \(path); create it with `liaison token add --role ROLE --name NAME --tokens \(path)`.")
        }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    /// The identity whose hash matches `token`. Every entry is compared, in constant time
    /// per entry, so the answer's timing says nothing about which hash nearly matched.
    public func identity(forToken token: String) -> Identity? {
        let presented = Array(SHA256.hash(data: Array(token.utf8)))
        var found: Entry?
        for entry in entries where TokenFile.constantTimeEqual(entry.hash, presented) && found == nil {
            found = entry
        }
        return found.map { Identity(role: $0.role, name: $0.name) }
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    /// A new random token (256 bits, hex) and its file line. The token is shown once; only the hash is kept.
    public static func newToken(role: Role, name: String) -> (token: String, line: String) {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let token = "lsn_" + Hex.encode(bytes)
        let hash = Hex.encode(Array(SHA256.hash(data: Array(token.utf8))))
        return (token, "\(role.rawValue) \(name) \(hash)")
    }
}
