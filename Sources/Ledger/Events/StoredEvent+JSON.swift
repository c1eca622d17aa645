extension StoredEvent {
    /// The export line: the event as submitted (amounts with the currency's digits)
    /// plus `seq`, `recorded`, `caseVersion` and `hash`. `liaison import` takes it back as is.
    public var exportJSON: [UInt8] {
        var writer = JSONWriter(capacity: 320)
        writer.beginObject()
        writer.field("seq", seq)
        event.writeEnvelope(into: &writer, recorded: recorded)
        writer.key("caseVersion")
        if caseVersion == 0 { writer.null() } else { writer.int(caseVersion) }
        writer.field("hash", Hex.encode(hash))
        writer.endObject()
        return writer.bytes
    }
}

extension Event {
    /// Writes the envelope and data members (no braces around the whole).
    public func writeEnvelope(into writer: inout JSONWriter, recorded: RecordedInstant?) {
        writer.field("id", id)
        writer.field("type", type.name)
        writer.field("occurred", occurred.description)
        if let recorded { writer.field("recorded", recorded.description) }
        writer.field("actor", actor)
        if let caseID { writer.field("case", caseID) }
        if let expectedVersion { writer.field("expectedVersion", expectedVersion) }
        writer.key("data")
        writeData(into: &writer)
    }

    /// The data object, members in schema order.
    public func writeData(into writer: inout JSONWriter) {
        writer.beginObject()
        for (index, spec) in type.schema.enumerated() {
            guard let value = fields[index] else { continue }
            writer.key(spec.name)
            switch value {
            case .text(let text): writer.string(text)
            case .bool(let flag): writer.bool(flag)
            case .date(let date): writer.string(date.description)
            case .money(let money): writer.string(money.formatted)
            case .decimal(let text): writer.string(text)
            }
        }
        writer.endObject()
    }
}
