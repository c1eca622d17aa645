import Ledger

extension CaseState {
    /// Canonical JSON: the `cases` projection's item, and `case show --format json`.
    /// `legislation` lists current determinations only (superseded provisional ones dropped).
    public var canonicalJSON: [UInt8] { canonicalObject(includeHistory: true).bytes }

    public func canonicalObject(includeHistory: Bool) -> CanonicalObject {
        var object = CanonicalObject()
        object.set("case", caseID)
        object.set("status", closed ? "closed" : "open")
        object.set("framework", framework)
        object.set("sector", sector)
        object.set("counterparty", counterparty)
        object.set("person", person)
        object.set("buc", buc)
        object.set("version", version)
        object.set("opened", opened)
        object.set("closed", closedOn)
        object.set("lastSeq", lastSeq)
        object.set("legislation", objects: currentLegislation.map(Self.object))
        if includeHistory { object.set("determinations", objects: determinations.map(Self.object)) }
        object.set("periods", objects: periods.map { period in
            var item = CanonicalObject()
            item.set("id", period.id)
            item.set("seq", period.seq)
            item.set("state", period.state)
            item.set("kind", period.kind)
            item.set("from", period.from)
            item.set("to", period.to)
            item.set("compulsory", period.compulsory)
            item.set("equivalent", period.equivalent)
            item.set("withdrawn", period.withdrawn)
            item.set("withdrawnReason", period.withdrawnReason)
            return item
        })
        let days = periodDays
        var byState = CanonicalObject()
        for (state, count) in days.byState { byState.set(state, count) }
        var periodDaysObject = CanonicalObject()
        periodDaysObject.set("byState", object: byState)
        periodDaysObject.set("total", days.total)
        object.set("periodDays", object: periodDaysObject)
        object.set("documents", objects: documents.map { document in
            var item = CanonicalObject()
            item.set("documentId", document.documentId)
            item.set("document", document.document)
            item.set("direction", document.direction)
            item.set("state", document.state)
            item.set("institution", document.institution)
            item.set("replyTo", document.replyTo)
            item.set("occurred", document.occurred)
            item.set("seq", document.seq)
            item.set("replies", strings: document.replies)
            return item
        })
        object.set("benefits", objects: benefits.map { benefit in
            var item = CanonicalObject()
            item.set("id", benefit.id)
            item.set("benefit", benefit.benefit)
            item.set("state", benefit.state)
            item.set("from", benefit.from)
            item.set("to", benefit.to)
            item.set("amount", benefit.amount?.formatted)
            item.set("currency", benefit.currency)
            item.set("frequency", benefit.frequency)
            item.set("ended", benefit.endedOn)
            item.set("endReason", benefit.endReason)
            return item
        })
        object.set("claims", strings: claims)
        return object
    }

    private static func object(_ determination: Determination) -> CanonicalObject {
        var item = CanonicalObject()
        item.set("id", determination.id)
        item.set("seq", determination.seq)
        item.set("state", determination.state)
        item.set("article", determination.article)
        item.set("from", determination.from)
        item.set("to", determination.to)
        item.set("provisional", determination.provisional)
        return item
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
