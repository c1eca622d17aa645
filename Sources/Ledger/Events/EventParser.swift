/// Turns one JSON line into a `Submission`, checking everything that needs no ledger
/// state: JSON syntax, known fields only, required fields, value shapes, dates, amounts
/// (when the event carries its currency) and rules internal to the event.
///
/// Rules that need the ledger (does the case exist, is the amount still open…) are the
/// `Validator`'s, run inside the write transaction.
public struct EventParser: Sendable {
    public enum Mode: Sendable {
        /// `liaison append`: the ledger stamps `recorded`; a line may not carry it.
        case append
        /// `liaison import`: `recorded` is required; `seq`, `caseVersion` and `hash` are checked if present.
        case `import`
    }

    /// SPEC §2: at most 64 KiB a line.
    public static let lineBytesMax = 64 * 1024

    public let mode: Mode

    public init(mode: Mode) { self.mode = mode }

    private static let envelopeKeys: Set<String> = ["id", "type", "occurred", "actor", "case", "data", "expectedVersion"]
    private static let importKeys: Set<String> = ["recorded", "seq", "caseVersion", "hash"]

    public func parse(_ line: UnsafeBufferPointer<UInt8>) -> ParsedLine {
        if line.count > EventParser.lineBytesMax {
            return .rejected(Rejection(.tooLarge, field: nil, "the line has \(line.count) bytes; at most \(EventParser.lineBytesMax) are accepted"), id: nil)
        }
        let json: JSONValue
        do {
            json = try JSONParser.parse(line)
        } catch {
            return .rejected(Rejection(.malformedJSON, field: nil, "invalid JSON at byte \(error.offset + 1): \(error.reason)"), id: nil)
        }
        guard case .object(let members) = json else {
            return .rejected(Rejection(.malformedJSON, field: nil, "a line must be one JSON object, not \(json.kindName)"), id: nil)
        }
        // Best effort id for the report, even if the line is otherwise wrong.
        var lineID: String?
        if case .string(let id)? = json["id"] { lineID = id }
        do {
            return .submission(try submission(members, json))
        } catch {
            return .rejected(error, id: lineID)
        }
    }

    public func parse(_ line: [UInt8]) -> ParsedLine { line.withUnsafeBufferPointer { parse($0) } }
    public func parse(_ line: String) -> ParsedLine { parse(Array(line.utf8)) }

    private func submission(_ members: [(key: String, value: JSONValue)], _ json: JSONValue) throws(Rejection) -> Submission {
        for member in members where !EventParser.envelopeKeys.contains(member.key) {
            if EventParser.importKeys.contains(member.key) {
                if case .import = mode { continue }
                throw Rejection(.unknownField, field: member.key, "is set by the ledger; only `liaison import` accepts it")
            }
            throw FieldRules.unknownKey(member.key, prefix: "", of: "an event")
        }
        if json["id"] == nil { throw Rejection(.missingField, field: "id", "is required") }
        guard let typeValue = json["type"] else { throw Rejection(.missingField, field: "type", "is required") }
        guard case .string(let typeName) = typeValue else { throw Rejection(.invalidValue, field: "type", "must be a string, got \(typeValue.kindName)") }
        guard let type = EventType(name: typeName) else {
            throw Rejection(.unknownType, field: "type", "\"\(typeName)\" is not in the catalogue (schema version 1)")
        }
        let id = try requiredString(json, "id")
        guard FieldRules.isIdentifier(id, max: 128) else {
            throw Rejection(.invalidValue, field: "id", "must be 1-128 characters of A-Z a-z 0-9 . _ : / -")
        }
        let occurredText = try requiredString(json, "occurred")
        guard let occurred = BusinessDate(occurredText) else {
            throw Rejection(.invalidValue, field: "occurred", "\"\(occurredText)\" is not a real calendar date YYYY-MM-DD")
        }
        guard BusinessDate.ledgerRange.contains(occurred) else {
            throw Rejection(.invalidValue, field: "occurred", "\(occurredText) is outside the years the ledger keeps (\(BusinessDate.ledgerYears.lowerBound)-\(BusinessDate.ledgerYears.upperBound))")
        }
        let actor = try requiredString(json, "actor")
        guard FieldRules.isPrintable(actor, max: 128) else {
            throw Rejection(.invalidValue, field: "actor", "must be 1-128 printable characters")
        }
        var caseID: String?
        if let caseValue = json["case"], caseValue != .null {
            guard case .string(let text) = caseValue else { throw Rejection(.invalidValue, field: "case", "must be a string, got \(caseValue.kindName)") }
            guard FieldRules.isIdentifier(text, max: 64) else {
                throw Rejection(.invalidValue, field: "case", "must be 1-64 characters of A-Z a-z 0-9 . _ : / -")
            }
            caseID = text
        } else if !type.isClaimEvent {
            throw Rejection(.missingField, field: "case", "is required for \(type.name)")
        }
        var expectedVersion: UInt64?
        if let value = json["expectedVersion"], value != .null {
            expectedVersion = try nonNegativeInteger(value, field: "expectedVersion")
        }
        guard let dataValue = json["data"] else { throw Rejection(.missingField, field: "data", "is required") }
        guard case .object(let dataMembers) = dataValue else {
            throw Rejection(.invalidValue, field: "data", "must be an object, got \(dataValue.kindName)")
        }
        let fields = try FieldRules.parseData(type: type, members: dataMembers)
        var event = Event(type: type, id: id, occurred: occurred, actor: actor, caseID: caseID,
                          expectedVersion: expectedVersion, fields: fields)
        try FieldRules.checkInternalRules(&event)

        guard case .import = mode else { return Submission(event: event) }
        guard let recordedValue = json["recorded"] else { throw Rejection(.missingField, field: "recorded", "is required by `liaison import`") }
        guard case .string(let recordedText) = recordedValue, let recorded = RecordedInstant(recordedText) else {
            throw Rejection(.invalidValue, field: "recorded", "must be an instant YYYY-MM-DDTHH:MM:SS.sssZ")
        }
        let seq = try json["seq"].map { value throws(Rejection) in try nonNegativeInteger(value, field: "seq") }
        var caseVersion: UInt64?
        var caseVersionIsNull = false
        if let value = json["caseVersion"] {
            if case .null = value { caseVersionIsNull = true } else { caseVersion = try nonNegativeInteger(value, field: "caseVersion") }
        }
        var hash: [UInt8]?
        if let value = json["hash"] {
            guard case .string(let hex) = value, let bytes = Hex.decode(hex), bytes.count == 32 else {
                throw Rejection(.invalidValue, field: "hash", "must be 64 lower-case hex digits")
            }
            hash = bytes
        }
        return Submission(event: event, recorded: recorded, seq: seq, caseVersion: caseVersion,
                          caseVersionIsNull: caseVersionIsNull, hash: hash)
    }

    private func requiredString(_ json: JSONValue, _ key: String) throws(Rejection) -> String {
        guard let value = json[key] else { throw Rejection(.missingField, field: key, "is required") }
        guard case .string(let text) = value else { throw Rejection(.invalidValue, field: key, "must be a string, got \(value.kindName)") }
        return text
    }

    private func nonNegativeInteger(_ value: JSONValue, field: String) throws(Rejection) -> UInt64 {
        guard case .number(let text) = value, !text.contains("."), !text.contains("e"), !text.contains("E"), !text.hasPrefix("-") else {
            throw Rejection(.invalidValue, field: field, "must be an integer ≥ 0")
        }
        guard text.count <= 18, let number = UInt64(text) else {
            throw Rejection(.invalidValue, field: field, "\(text) is too large (at most 18 digits)")
        }
        return number
    }
}
