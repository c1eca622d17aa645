/// The canonical stored encoding of an event: `bytes(n)` of the hash chain.
/// docs/format.md describes it byte by byte; change it only with a new format byte.
extension StoredEvent {
    public static let formatVersion: UInt8 = 1
    /// Bytes before the content: format (1), seq (8), recorded (8), caseVersion (4).
    public static let stampBytes = 21

    enum FieldTag: UInt8 {
        case absent = 0, text = 1, boolFalse = 2, boolTrue = 3, date = 4, money = 5
    }

    /// The stamped encoding: stamps followed by `Event.contentBytes`.
    public static func encode(seq: UInt64, recorded: RecordedInstant, caseVersion: UInt32, content: [UInt8]) -> [UInt8] {
        var writer = ByteWriter(capacity: stampBytes + content.count)
        writer.u8(formatVersion)
        writer.u64(seq)
        writer.i64(recorded.millis)
        writer.u32(caseVersion)
        writer.raw(content)
        return writer.bytes
    }

    public struct DecodingError: Error, Sendable, CustomStringConvertible {
        public let reason: String
        public var description: String { reason }
    }

    /// Decodes `bytes(n)`; `hash` is attached as given.
    public static func decode(_ bytes: UnsafeRawBufferPointer, hash: [UInt8]) throws -> StoredEvent {
        var reader = ByteReader(bytes)
        do {
            let format = try reader.u8()
            guard format == formatVersion else { throw DecodingError(reason: "unknown format byte \(format)") }
            let seq = try reader.u64()
            let recorded = RecordedInstant(millis: try reader.i64())
            let caseVersion = try reader.u32()
            let event = try Event.decodeContent(&reader)
            guard reader.isAtEnd else { throw DecodingError(reason: "trailing bytes after the event") }
            return StoredEvent(seq: seq, recorded: recorded, caseVersion: caseVersion, event: event, hash: hash)
        } catch is ByteReader.Truncated {
            throw DecodingError(reason: "truncated event record")
        }
    }
}

extension Event {
    /// The content part of the stored encoding: everything the submitter sent, normalised.
    /// Two submissions are "the same content" exactly when these bytes are equal.
    public var contentBytes: [UInt8] {
        precondition(!hasUnnormalisedAmounts, "amounts are normalised before encoding")
        var writer = ByteWriter(capacity: 160)
        writer.u8(type.rawValue)
        writer.string(id)
        writer.i32(occurred.days)
        writer.string(actor)
        writer.string(caseID ?? "")
        if let expectedVersion {
            writer.u8(1)
            writer.u64(expectedVersion)
        } else {
            writer.u8(0)
        }
        writer.u8(UInt8(fields.count))
        for field in fields {
            switch field {
            case nil: writer.u8(StoredEvent.FieldTag.absent.rawValue)
            case .text(let text)?: writer.u8(StoredEvent.FieldTag.text.rawValue); writer.string(text)
            case .bool(let flag)?: writer.u8(flag ? StoredEvent.FieldTag.boolTrue.rawValue : StoredEvent.FieldTag.boolFalse.rawValue)
            case .date(let date)?: writer.u8(StoredEvent.FieldTag.date.rawValue); writer.i32(date.days)
            case .money(let money)?:
                writer.u8(StoredEvent.FieldTag.money.rawValue)
                writer.i64(money.minorUnits)
                writer.u8(UInt8(money.scale))
            case .decimal?: preconditionFailure("amounts are normalised before encoding")
            }
        }
        return writer.bytes
    }

    static func decodeContent(_ reader: inout ByteReader) throws -> Event {
        do {
            let code = try reader.u8()
            guard let type = EventType(rawValue: code) else { throw StoredEvent.DecodingError(reason: "unknown event type code \(code)") }
            let id = try reader.string()
            let occurred = BusinessDate(days: try reader.i32())
            let actor = try reader.string()
            let caseText = try reader.string()
            let expectedVersion: UInt64? = try reader.u8() == 1 ? try reader.u64() : nil
            let count = Int(try reader.u8())
            guard count == type.schema.count else { throw StoredEvent.DecodingError(reason: "\(count) fields for \(type.name), whose schema has \(type.schema.count)") }
            var fields: [FieldValue?] = []
            fields.reserveCapacity(count)
            for _ in 0..<count {
                let rawTag = try reader.u8()
                guard let tag = StoredEvent.FieldTag(rawValue: rawTag) else { throw StoredEvent.DecodingError(reason: "unknown field tag \(rawTag)") }
                switch tag {
                case .absent: fields.append(nil)
                case .text: fields.append(.text(try reader.string()))
                case .boolFalse: fields.append(.bool(false))
                case .boolTrue: fields.append(.bool(true))
                case .date: fields.append(.date(BusinessDate(days: try reader.i32())))
                case .money:
                    let units = try reader.i64()
                    fields.append(.money(Money(minorUnits: units, scale: Int(try reader.u8()))))
                }
            }
            return Event(type: type, id: id, occurred: occurred, actor: actor,
                         caseID: caseText.isEmpty ? nil : caseText, expectedVersion: expectedVersion, fields: fields)
        } catch is ByteReader.Truncated {
            throw StoredEvent.DecodingError(reason: "truncated event record")
        }
    }
}
