/// Field-level checks: the shape of each value, and the rules that hold inside one
/// event (a `to` not before its `from`, an amount with its currency…).
enum FieldRules {
    static func isIdentifier(_ text: String, max: Int) -> Bool {
        let utf8 = text.utf8
        guard !utf8.isEmpty, utf8.count <= max else { return false }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "-"):
                continue
            default:
                return false
            }
        }
        return true
    }

    /// 1…max Unicode scalars, none of them a control character (C0, DEL, C1).
    /// Counted in scalars, not `Character`s, whose grapheme rules change with Unicode versions.
    static func isPrintable(_ text: String, max: Int) -> Bool {
        var count = 0
        for scalar in text.unicodeScalars {
            count += 1
            if count > max || scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return false }
        }
        return count > 0
    }

    static func matches(_ text: String, max: Int, allowed: (UInt8) -> Bool) -> Bool {
        let utf8 = text.utf8
        return !utf8.isEmpty && utf8.count <= max && utf8.allSatisfy(allowed)
    }

    /// `unknown-field` for a key outside the schema. A key that is not a plain name (empty,
    /// odd characters, very long) is quoted in the message instead of standing as the
    /// field, so the sentence stays readable: `a key "" is not a field of an event`.
    static func unknownKey(_ key: String, prefix: String, of what: String) -> Rejection {
        if matches(key, max: 64, allowed: { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F }) {
            return Rejection(.unknownField, field: prefix + key, "is not a field of \(what)")
        }
        var quoted: [UInt8] = []
        // Cut in Unicode scalars, not Characters, whose grapheme rules move with Unicode versions.
        let scalars = key.unicodeScalars
        JSONWriter.appendString(String(String.UnicodeScalarView(scalars.prefix(64))), to: &quoted)
        let where_ = prefix.isEmpty ? "" : " in \(prefix.dropLast())"
        return Rejection(.unknownField, field: nil, "a key \(String(decoding: quoted, as: UTF8.self))\(scalars.count > 64 ? "…" : "")\(where_) is not a field of \(what)")
    }

    static func parseData(type: EventType, members: [(key: String, value: JSONValue)]) throws(Rejection) -> [FieldValue?] {
        let schema = type.schema
        var fields = [FieldValue?](repeating: nil, count: schema.count)
        for member in members {
            guard let index = schema.firstIndex(where: { $0.name == member.key }) else {
                throw FieldRules.unknownKey(member.key, prefix: "data.", of: type.name)
            }
            // An optional field sent as null is absent: a connector may send back what a read gave it.
            if case .null = member.value, !schema[index].required { continue }
            fields[index] = try parseValue(member.value, spec: schema[index])
        }
        for (index, spec) in schema.enumerated() where fields[index] == nil {
            if let fallback = spec.defaultValue {
                fields[index] = fallback
            } else if spec.required {
                throw Rejection(.missingField, field: "data.\(spec.name)", "is required for \(type.name)")
            }
        }
        return fields
    }

    private static func parseValue(_ value: JSONValue, spec: FieldSpec) throws(Rejection) -> FieldValue {
        let field = "data.\(spec.name)"
        if case .bool = spec.kind {
            guard case .bool(let flag) = value else { throw Rejection(.invalidValue, field: field, "must be true or false, got \(value.kindName)") }
            return .bool(flag)
        }
        guard case .string(let text) = value else {
            let hint: String
            if case .amount = spec.kind { hint = " (amounts are decimal strings such as \"1250.40\", never JSON numbers)" } else { hint = "" }
            throw Rejection(.invalidValue, field: field, "must be a string, got \(value.kindName)\(hint)")
        }
        switch spec.kind {
        case .bool:
            preconditionFailure("handled above")
        case .text(let max):
            guard isPrintable(text, max: max) else { throw Rejection(.invalidValue, field: field, "must be 1-\(max) printable characters") }
        case .identifier(let max):
            guard isIdentifier(text, max: max) else { throw Rejection(.invalidValue, field: field, "must be 1-\(max) characters of A-Z a-z 0-9 . _ : / -") }
        case .documentCode:
            guard matches(text, max: 12, allowed: { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }) else {
                throw Rejection(.invalidValue, field: field, "\"\(text)\" is not a document code (1-12 of A-Z 0-9 _)")
            }
        case .person:
            guard matches(text, max: 64, allowed: { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }) else {
                throw Rejection(.invalidValue, field: field, "must be a pseudonymous reference of 1-64 A-Z a-z 0-9 -")
            }
        case .state:
            guard StateCode(text) != nil else { throw Rejection(.invalidValue, field: field, "\"\(text)\" is not a coordination partner state (ISO 3166-1 alpha-2, upper case)") }
        case .currency:
            guard Currency(text) != nil else { throw Rejection(.invalidValue, field: field, "\"\(text)\" is not a currency of the ledger's table") }
        case .amount(let allowZero):
            // Shape now (scale 18 accepts any decimals); the currency's digits come later.
            if case .failure(let error) = Money.parse(text, scale: 18, allowZero: allowZero), error != .tooLarge {
                if error == .notPositive { throw Rejection(.invalidValue, field: field, "\"\(text)\" \(error.reason)") }
                throw Rejection(.invalidValue, field: field, "\"\(text)\" \(error.reason)")
            }
            return .decimal(text)
        case .date:
            guard let date = BusinessDate(text) else { throw Rejection(.invalidValue, field: field, "\"\(text)\" is not a real calendar date YYYY-MM-DD") }
            guard BusinessDate.ledgerRange.contains(date) else { throw Rejection(.invalidValue, field: field, "\(text) is outside the years the ledger keeps (\(BusinessDate.ledgerYears.lowerBound)-\(BusinessDate.ledgerYears.upperBound))") }
            return .date(date)
        case .choice(let options):
            guard options.contains(text) else { throw Rejection(.invalidValue, field: field, "\"\(text)\" is not one of \(options.joined(separator: ", "))") }
        case .framework:
            guard Framework(text) != nil else {
                throw Rejection(.invalidValue, field: field, "\"\(text)\" is not EU883, bilateral:XX (a convention partner) or decree:PF|NC|PM")
            }
        case .claimPeriod:
            guard ClaimPeriod(text) != nil else { throw Rejection(.invalidValue, field: field, "\"\(text)\" is not a half-year YYYY-H1/YYYY-H2 or a year YYYY") }
        case .yearMonth:
            guard YearMonth(text) != nil else { throw Rejection(.invalidValue, field: field, "\"\(text)\" is not a month YYYY-MM") }
        }
        return .text(text)
    }

    /// Rules that one event can be checked against on its own.
    static func checkInternalRules(_ event: inout Event) throws(Rejection) {
        // A `to` is inclusive and not before its `from`.
        if let from = event.date("from"), let to = event.date("to"), to < from {
            throw Rejection(.invalidPeriod, field: "data.to", "\(to) is before data.from \(from)")
        }
        switch event.type {
        case .caseOpened:
            let framework = Framework(event.text("framework")!)!
            let counterparty = StateCode(event.text("counterparty")!)!
            switch framework {
            case .eu883:
                if counterparty.zone != .eu { throw Rejection(.invalidValue, field: "data.counterparty", "\(counterparty) is not a state of zone EU, as EU883 requires") }
            case .bilateral(let partner), .decree(let partner):
                if counterparty != partner { throw Rejection(.invalidValue, field: "data.counterparty", "must be \(partner) under \(framework)") }
            }
            if event.text("buc") != nil, framework != .eu883 {
                throw Rejection(.invalidValue, field: "data.buc", "a BUC exists only under EU883")
            }
        case .benefitAwarded:
            let hasAmount = event.value("amount") != nil, hasCurrency = event.value("currency") != nil
            if hasAmount != hasCurrency {
                throw Rejection(.missingField, field: hasAmount ? "data.currency" : "data.amount", "amount and currency go together")
            }
            let hasFrequency = event.value("frequency") != nil
            if hasAmount && !hasFrequency { throw Rejection(.missingField, field: "data.frequency", "is required with an amount") }
            if !hasAmount && hasFrequency { throw Rejection(.invalidValue, field: "data.frequency", "is only given with an amount") }
            if let code = event.text("currency") { try event.normaliseAmounts(scale: Currency(code)!.minorDigits) }
        case .claimIntroduced:
            let creditor = event.text("creditor")!, debtor = event.text("debtor")!
            if creditor == debtor { throw Rejection(.invalidValue, field: "data.debtor", "must differ from data.creditor (\(creditor))") }
            let basis = event.text("basis")!
            let period = ClaimPeriod(event.text("period")!)!
            switch (basis, period) {
            case ("actual", .halfYear), ("fixed", .year): break
            case ("actual", _): throw Rejection(.invalidValue, field: "data.period", "an actual-expenditure claim covers a half-year YYYY-H1 or YYYY-H2")
            default: throw Rejection(.invalidValue, field: "data.period", "a fixed-amount claim covers a year YYYY")
            }
            if period.start > event.occurred {
                throw Rejection(.invalidPeriod, field: "data.period", "\(period) has not begun on the introduction date \(event.occurred)")
            }
            if event.value("costsPublished") != nil && basis != "fixed" {
                throw Rejection(.invalidValue, field: "data.costsPublished", "applies to fixed-amount claims only")
            }
            try event.normaliseAmounts(scale: Currency(event.text("currency")!)!.minorDigits)
            if let fees = event.money("fees"), fees > event.money("amount")! {
                throw Rejection(.amountExceeds, field: "data.fees", "\(fees.formatted) exceeds the claim's amount \(event.money("amount")!.formatted)")
            }
        case .contestationResolved:
            if case .decimal(let upheld)? = event.value("upheld"), case .decimal(let rejected)? = event.value("rejected"),
               isZero(upheld), isZero(rejected) {
                throw Rejection(.invalidValue, field: "data.upheld", "upheld and rejected may not both be zero")
            }
        case .paymentRecorded:
            try event.normaliseAmounts(scale: Currency(event.text("currency")!)!.minorDigits)
        default:
            break
        }
    }

    private static func isZero(_ decimal: String) -> Bool { decimal.utf8.allSatisfy { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: ".") } }
}
