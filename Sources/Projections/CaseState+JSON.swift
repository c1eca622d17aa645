import Ledger

extension CaseState {
    /// Canonical JSON: the `cases` projection's item, and `case show --format json` (which
    /// adds `knownAt`). `legislation` lists current determinations only (superseded
    /// provisional ones dropped); `determinations` is the whole history.
    public var canonicalJSON: [UInt8] { canonicalJSON(knownAt: nil) }

    public func canonicalJSON(knownAt: UInt64?) -> [UInt8] {
        var writer = CanonicalWriter(capacity: 512 + 160 * (determinations.count + periods.count + documents.count + benefits.count))
        write(to: &writer, knownAt: knownAt)
        return writer.bytes
    }

    /// Members in canonical (byte) order of their keys; `CanonicalWriter` checks it in debug builds.
    func write(to writer: inout CanonicalWriter, knownAt: UInt64?) {
        writer.beginObject()
        writer.key("benefits")
        writer.beginArray()
        for benefit in benefits {
            writer.beginObject()
            writer.key("amount"); writer.money(benefit.amount)
            writer.key("benefit"); writer.string(benefit.benefit)
            writer.key("currency"); writer.string(benefit.currency)
            writer.key("endReason"); writer.string(benefit.endReason)
            writer.key("ended"); writer.date(benefit.endedOn)
            writer.key("frequency"); writer.string(benefit.frequency)
            writer.key("from"); writer.date(benefit.from)
            writer.key("id"); writer.string(benefit.id)
            writer.key("state"); writer.string(benefit.state)
            writer.key("to"); writer.date(benefit.to)
            writer.endObject()
        }
        writer.endArray()
        writer.key("buc"); writer.string(buc)
        writer.key("case"); writer.string(caseID)
        writer.key("claims"); writer.strings(claims)
        writer.key("closed"); writer.date(closedOn)
        writer.key("counterparty"); writer.string(counterparty)
        writer.key("determinations")
        Self.write(determinations, to: &writer)
        writer.key("documents")
        writer.beginArray()
        for document in documents {
            writer.beginObject()
            writer.key("direction"); writer.string(document.direction)
            writer.key("document"); writer.string(document.document)
            writer.key("documentId"); writer.string(document.documentId)
            writer.key("institution"); writer.string(document.institution)
            writer.key("occurred"); writer.date(document.occurred)
            writer.key("replies"); writer.strings(document.replies)
            writer.key("replyTo"); writer.string(document.replyTo)
            writer.key("seq"); writer.int(document.seq)
            writer.key("state"); writer.string(document.state)
            writer.endObject()
        }
        writer.endArray()
        writer.key("framework"); writer.string(framework)
        if let knownAt { writer.key("knownAt"); writer.int(knownAt) }
        writer.key("lastSeq"); writer.int(lastSeq)
        writer.key("legislation")
        Self.write(currentLegislation, to: &writer)
        writer.key("opened"); writer.date(opened)
        let days = periodDays
        writer.key("periodDays")
        writer.beginObject()
        writer.key("byState")
        writer.beginObject()
        // Keys of an object ascend by UTF-8 bytes, whatever order `periodDays` chose.
        for (state, count) in days.byState.sorted(by: { $0.state.utf8.lexicographicallyPrecedes($1.state.utf8) }) {
            writer.dataKey(state); writer.int(count)
        }
        writer.endObject()
        writer.key("total"); writer.int(days.total)
        writer.endObject()
        writer.key("periods")
        writer.beginArray()
        for period in periods {
            writer.beginObject()
            writer.key("compulsory"); writer.bool(period.compulsory)
            writer.key("equivalent"); writer.bool(period.equivalent)
            writer.key("from"); writer.date(period.from)
            writer.key("id"); writer.string(period.id)
            writer.key("kind"); writer.string(period.kind)
            writer.key("seq"); writer.int(period.seq)
            writer.key("state"); writer.string(period.state)
            writer.key("to"); writer.date(period.to)
            writer.key("withdrawn"); writer.bool(period.withdrawn)
            writer.key("withdrawnReason"); writer.string(period.withdrawnReason)
            writer.endObject()
        }
        writer.endArray()
        writer.key("person"); writer.string(person)
        writer.key("sector"); writer.string(sector)
        writer.key("status"); writer.string(closed ? "closed" : "open")
        writer.key("version"); writer.int(version)
        writer.endObject()
    }

    private static func write(_ determinations: [Determination], to writer: inout CanonicalWriter) {
        writer.beginArray()
        for determination in determinations {
            writer.beginObject()
            writer.key("article"); writer.string(determination.article)
            writer.key("from"); writer.date(determination.from)
            writer.key("id"); writer.string(determination.id)
            writer.key("provisional"); writer.bool(determination.provisional)
            writer.key("seq"); writer.int(determination.seq)
            writer.key("state"); writer.string(determination.state)
            writer.key("to"); writer.date(determination.to)
            writer.endObject()
        }
        writer.endArray()
    }

    public init(json reader: JSONReader) throws {
        caseID = try reader.string("case")
        closed = try reader.string("status") == "closed"
        framework = try reader.string("framework")
        sector = try reader.string("sector")
        counterparty = try reader.string("counterparty")
        person = try reader.string("person")
        buc = try reader.optionalString("buc")
        version = UInt32(try reader.int("version"))
        opened = try reader.date("opened")
        closedOn = try reader.optionalDate("closed")
        lastSeq = UInt64(try reader.int("lastSeq"))
        determinations = try reader.array("determinations").map { item in
            Determination(id: try item.string("id"), seq: UInt64(try item.int("seq")), state: try item.string("state"),
                          article: try item.string("article"), from: try item.date("from"), to: try item.optionalDate("to"),
                          provisional: try item.bool("provisional"))
        }
        periods = try reader.array("periods").map { item in
            Period(id: try item.string("id"), seq: UInt64(try item.int("seq")), state: try item.string("state"), kind: try item.string("kind"),
                   from: try item.date("from"), to: try item.date("to"), compulsory: try item.bool("compulsory"),
                   equivalent: try item.bool("equivalent"), withdrawn: try item.bool("withdrawn"),
                   withdrawnReason: try item.optionalString("withdrawnReason"))
        }
        documents = try reader.array("documents").map { item in
            Document(documentId: try item.string("documentId"), document: try item.string("document"), direction: try item.string("direction"),
                     state: try item.string("state"), institution: try item.string("institution"), replyTo: try item.optionalString("replyTo"),
                     occurred: try item.date("occurred"), seq: UInt64(try item.int("seq")), replies: try item.strings("replies"))
        }
        benefits = try reader.array("benefits").map { item in
            let currency = try item.optionalString("currency")
            var amount: Money?
            if let text = try item.optionalString("amount"), let code = currency, let info = Currency(code),
               case .success(let money) = Money.parse(text, scale: info.minorDigits) {
                amount = money
            }
            return Benefit(id: try item.string("id"), benefit: try item.string("benefit"), state: try item.string("state"),
                           from: try item.date("from"), to: try item.optionalDate("to"), amount: amount, currency: currency,
                           frequency: try item.optionalString("frequency"), endedOn: try item.optionalDate("ended"),
                           endReason: try item.optionalString("endReason"))
        }
        claims = try reader.strings("claims")
    }
}
