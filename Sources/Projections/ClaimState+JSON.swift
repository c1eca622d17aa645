import Ledger

extension ClaimState {
    /// Canonical JSON: the `claims` projection's item for this claim. Members in canonical
    /// (byte) order of their keys; `CanonicalWriter` checks it in debug builds.
    public var canonicalJSON: [UInt8] {
        var writer = CanonicalWriter(capacity: 448 + 160 * movements.count)
        writer.beginObject()
        writer.key("amount"); writer.money(moneyValue(amount))
        writer.key("basis"); writer.string(basis)
        writer.key("case"); writer.string(caseID)
        writer.key("category"); writer.string(category)
        writer.key("claim"); writer.string(claim)
        writer.key("costsPublished"); writer.string(costsPublished)
        writer.key("creditor"); writer.string(creditor)
        writer.key("currency"); writer.string(currency)
        writer.key("debtor"); writer.string(debtor)
        writer.key("dueDate"); writer.date(dueDate)
        writer.key("fees"); writer.money(fees.map(moneyValue))
        writer.key("introduced"); writer.date(introduced)
        writer.key("introducedSeq"); writer.int(introducedSeq)
        writer.key("introductionDeadline"); writer.date(introductionDeadline)
        writer.key("movements")
        writer.beginArray()
        for movement in movements {
            writer.beginObject()
            writer.key("amount"); writer.money(moneyValue(movement.amount))
            writer.key("id"); writer.string(movement.id)
            if let kind = movement.kind { writer.key("kind"); writer.string(kind) }
            writer.key("occurred"); writer.date(movement.occurred)
            if movement.type == .contestationResolved { writer.key("rejected"); writer.money(moneyValue(movement.rejected)) }
            writer.key("seq"); writer.int(movement.seq)
            writer.key("type"); writer.string(movement.type.name)
            writer.endObject()
        }
        writer.endArray()
        writer.key("period"); writer.string(period)
        writer.key("timeBarred"); writer.bool(timeBarred)
        writer.endObject()
        return writer.bytes
    }

    private func moneyValue(_ units: Int64) -> Money { Money(minorUnits: units, scale: scale) }

    public init(json reader: JSONReader) throws {
        claim = try reader.string("claim")
        creditor = try reader.string("creditor")
        debtor = try reader.string("debtor")
        basis = try reader.string("basis")
        category = try reader.string("category")
        period = try reader.string("period")
        currency = try reader.string("currency")
        guard let currencyInfo = Currency(currency) else { throw JSONReader.Damaged(description: "unknown currency \(currency)") }
        scale = currencyInfo.minorDigits
        let scale = self.scale
        func units(_ text: String) throws -> Int64 {
            switch Money.parse(text, scale: scale, allowZero: true) {
            case .success(let money): return money.minorUnits
            case .failure: throw JSONReader.Damaged(description: "\"\(text)\" is not an amount in \(currencyInfo.code)")
            }
        }
        amount = try units(try reader.string("amount"))
        fees = try reader.optionalString("fees").map(units)
        costsPublished = try reader.optionalString("costsPublished")
        caseID = try reader.optionalString("case")
        introduced = try reader.date("introduced")
        introducedSeq = UInt64(try reader.int("introducedSeq"))
        dueDate = try reader.date("dueDate")
        introductionDeadline = try reader.optionalDate("introductionDeadline")
        timeBarred = try reader.bool("timeBarred")
        movements = try reader.array("movements").map { item in
            let typeName = try item.string("type")
            guard let type = EventType(name: typeName) else { throw JSONReader.Damaged(description: "unknown movement type \(typeName)") }
            let rejected = type == .contestationResolved ? try units(try item.string("rejected")) : 0
            let kind: String? = item.value["kind"] == nil ? nil : try item.string("kind")
            return Movement(seq: UInt64(try item.int("seq")), id: try item.string("id"), type: type, occurred: try item.date("occurred"),
                            amount: try units(try item.string("amount")), rejected: rejected, kind: kind)
        }
    }
}
