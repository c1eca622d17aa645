import Ledger

/// Canonical JSON of projection state: members sorted by key (byte order), no
/// whitespace, integers as digits, amounts as strings with the currency's digits,
/// dates as `YYYY-MM-DD`. The same state always gives the same bytes, in any process.
public struct CanonicalObject {
    private var members: [(key: String, value: [UInt8])] = []
    private var rawBytes: [UInt8]?

    public init() {}

    /// Already-canonical object bytes, to nest as they are.
    public init(raw: [UInt8]) { rawBytes = raw }

    public mutating func set(_ key: String, _ value: String) { members.append((key, Self.encode { $0.string(value) })) }
    public mutating func set(_ key: String, _ value: String?) { members.append((key, Self.encode { w in if let value { w.string(value) } else { w.null() } })) }
    public mutating func set<T: BinaryInteger>(_ key: String, _ value: T) { members.append((key, Self.encode { $0.int(value) })) }
    public mutating func set(_ key: String, _ value: Bool) { members.append((key, Self.encode { $0.bool(value) })) }
    public mutating func set(_ key: String, _ value: BusinessDate?) { set(key, value?.description) }
    public mutating func set(_ key: String, object: CanonicalObject) { members.append((key, object.bytes)) }
    public mutating func set(_ key: String, array: [[UInt8]]) {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, item) in array.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: item)
        }
        bytes.append(UInt8(ascii: "]"))
        members.append((key, bytes))
    }
    public mutating func set(_ key: String, strings: [String]) { set(key, array: strings.map { s in Self.encode { $0.string(s) } }) }
    public mutating func set(_ key: String, objects: [CanonicalObject]) { set(key, array: objects.map(\.bytes)) }

    public var bytes: [UInt8] {
        if let rawBytes { return rawBytes }
        // Sorted by UTF-8 bytes, never by a Dictionary's order.
        let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        var out: [UInt8] = [UInt8(ascii: "{")]
        for (index, member) in sorted.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            JSONWriter.appendString(member.key, to: &out)
            out.append(UInt8(ascii: ":"))
            out.append(contentsOf: member.value)
        }
        out.append(UInt8(ascii: "}"))
        return out
    }

    private static func encode(_ body: (inout JSONWriter) -> Void) -> [UInt8] {
        var writer = JSONWriter(capacity: 16)
        body(&writer)
        return writer.bytes
    }
}

/// Typed reads of a decoded JSON object, for projection states read back from the store.
/// A missing or mistyped member is a damaged projection, reported as such.
public struct JSONReader {
    public struct Damaged: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    let value: JSONValue

    public init(_ value: JSONValue) { self.value = value }

    public init(bytes: UnsafeRawBufferPointer) throws {
        do {
            value = try JSONParser.parse(bytes.bindMemory(to: UInt8.self))
        } catch {
            throw Damaged(description: "projection state is not valid JSON: \(error.reason)")
        }
    }

    public func member(_ key: String) throws -> JSONValue {
        guard let member = value[key] else { throw Damaged(description: "projection state lacks \"\(key)\"") }
        return member
    }

    public func string(_ key: String) throws -> String {
        guard case .string(let text) = try member(key) else { throw Damaged(description: "\"\(key)\" is not a string") }
        return text
    }

    public func optionalString(_ key: String) throws -> String? {
        let member = try member(key)
        if case .null = member { return nil }
        guard case .string(let text) = member else { throw Damaged(description: "\"\(key)\" is not a string or null") }
        return text
    }

    public func int(_ key: String) throws -> Int64 {
        guard case .number(let text) = try member(key), let number = Int64(text) else { throw Damaged(description: "\"\(key)\" is not an integer") }
        return number
    }

    public func bool(_ key: String) throws -> Bool {
        guard case .bool(let flag) = try member(key) else { throw Damaged(description: "\"\(key)\" is not a boolean") }
        return flag
    }

    public func date(_ key: String) throws -> BusinessDate {
        guard let date = BusinessDate(try string(key)) else { throw Damaged(description: "\"\(key)\" is not a date") }
        return date
    }

    public func optionalDate(_ key: String) throws -> BusinessDate? {
        guard let text = try optionalString(key) else { return nil }
        guard let date = BusinessDate(text) else { throw Damaged(description: "\"\(key)\" is not a date") }
        return date
    }

    public func array(_ key: String) throws -> [JSONReader] {
        guard case .array(let items) = try member(key) else { throw Damaged(description: "\"\(key)\" is not an array") }
        return items.map(JSONReader.init)
    }

    public func strings(_ key: String) throws -> [String] {
        try array(key).map { reader in
            guard case .string(let text) = reader.value else { throw Damaged(description: "\"\(key)\" holds a non-string") }
            return text
        }
    }
}
