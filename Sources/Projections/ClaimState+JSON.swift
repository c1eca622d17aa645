import Ledger

extension ClaimState {
    /// Canonical JSON: the `claims` projection's item for this claim.
    public var canonicalJSON: [UInt8] {
        var object = CanonicalObject()
        object.set("claim", claim)
        object.set("creditor", creditor)
        object.set("debtor", debtor)
        object.set("basis", basis)
        object.set("category", category)
        object.set("period", period)
        object.set("currency", currency)
        object.set("amount", money(amount))
        object.set("fees", fees.map(money))
        object.set("costsPublished", costsPublished)
        object.set("case", caseID)
        object.set("introduced", introduced)
        object.set("introducedSeq", introducedSeq)
        object.set("dueDate", dueDate)
        object.set("introductionDeadline", introductionDeadline)
        object.set("timeBarred", timeBarred)
        object.set("movements", objects: movements.map { movement in
            var item = CanonicalObject()
            item.set("seq", movement.seq)
            item.set("id", movement.id)
            item.set("type", movement.type.name)
            item.set("occurred", movement.occurred)
            item.set("amount", money(movement.amount))
            if movement.type == .contestationResolved { item.set("rejected", money(movement.rejected)) }
            if let kind = movement.kind { item.set("kind", kind) }
            return item
        })
        return object.bytes
    }

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
