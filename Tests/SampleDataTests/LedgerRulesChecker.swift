import Foundation

/// An independent re-statement of the ledger's append rules (SPEC §2), written for
/// these tests only: it parses each line with Foundation and keeps per-case and
/// per-claim state in plain dictionaries, so it shares no code with the generator.
/// `check` returns the problems found, each naming the line.
struct LedgerRulesChecker {
    let home: String

    static let euZone: Set<String> = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "IE", "IT", "LV", "LT", "LU",
        "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "HU", "IS", "LI", "NO", "CH", "GB",
    ]
    static let bilateral: Set<String> = [
        "DZ", "AD", "AR", "BJ", "BA", "BR", "CM", "CA", "CV", "CL", "CG", "KR", "CI", "US", "GA", "GG", "IN",
        "IL", "JP", "JE", "XK", "MK", "MG", "ML", "MA", "MR", "MC", "ME", "NE", "PH", "SM", "SN", "RS", "TG",
        "TN", "TR", "UY",
    ]
    static let decree: Set<String> = ["PF", "NC", "PM"]
    static let states = euZone.union(bilateral).union(decree)
    static let annex3: Set<String> = ["IE", "ES", "IT", "MT", "NL", "PT", "FI", "SE", "GB"]
    static let minorDigits: [String: Int] = [
        "EUR": 2, "CHF": 2, "GBP": 2, "USD": 2, "CAD": 2, "JPY": 0, "KRW": 0, "TND": 3, "XPF": 0,
        "XOF": 0, "XAF": 0, "DZD": 2, "MAD": 2,
    ]

    /// Allowed data fields per type: required first, then optional.
    static let schema: [String: (required: Set<String>, optional: Set<String>)] = [
        "CaseOpened": (["framework", "sector", "counterparty", "person"], ["buc"]),
        "DocumentReceived": (["document", "documentId", "from", "institution"], ["replyTo"]),
        "DocumentSent": (["document", "documentId", "to", "institution"], ["replyTo"]),
        "LegislationDetermined": (["state", "article", "from", "provisional"], ["to"]),
        "PeriodCertified": (["state", "kind", "from", "to"], ["compulsory", "equivalent"]),
        "PeriodWithdrawn": (["period", "reason"], []),
        "BenefitAwarded": (["benefit", "state", "from"], ["to", "amount", "currency", "frequency"]),
        "BenefitEnded": (["benefit", "on", "reason"], []),
        "CaseClosed": (["reason"], []),
        "CaseReopened": (["reason"], []),
        "ClaimIntroduced": (["claim", "creditor", "debtor", "basis", "category", "period", "amount", "currency"], ["fees", "costsPublished"]),
        "ClaimContested": (["claim", "amount", "reason"], []),
        "ContestationResolved": (["claim", "upheld", "rejected"], []),
        "CreditNoteIssued": (["claim", "amount", "reason"], []),
        "PaymentRecorded": (["claim", "amount", "currency", "kind"], []),
        "ClaimWithdrawn": (["claim", "reason"], []),
    ]

    private struct CaseState {
        var framework = ""
        var opened = DateComponents()
        var openedDay = 0
        var closed = false
        var documents: Set<String> = []
        var periods: [String: Bool] = [:]  // reference → withdrawn
        var benefits: [String: (from: Int, ended: Bool)] = [:]
        var finals: [(state: String, from: Int, to: Int?)] = []
    }

    private struct ClaimState {
        var introducedDay = 0
        var currency = ""
        var outstanding: Int64 = 0
        var contested: Int64 = 0
        var over = false
    }

    private var seenIds: Set<String> = []
    private var cases: [String: CaseState] = [:]
    private var claims: [String: ClaimState] = [:]
    private(set) var problems: [String] = []
    private var lineNumber = 0
    /// The id of the event being checked: the reference of a period or a benefit.
    private var lastId = ""
    /// Counts kept for the tests' statistics.
    private(set) var typeCounts: [String: Int] = [:]
    private(set) var timeBarred = 0
    private(set) var linkedClaims = 0

    init(home: String) {
        self.home = home
    }

    mutating func check(_ lines: [String]) {
        for line in lines { check(line) }
    }

    mutating func check(_ line: String) {
        lineNumber += 1
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            return fail("not a JSON object")
        }
        guard let id = object["id"] as? String, let type = object["type"] as? String,
              let occurredText = object["occurred"] as? String, let actor = object["actor"] as? String,
              let data = object["data"] as? [String: Any] else {
            return fail("missing envelope field")
        }
        let allowedKeys: Set<String> = ["id", "type", "occurred", "actor", "case", "data"]
        if !Set(object.keys).isSubset(of: allowedKeys) { fail("unexpected envelope keys \(object.keys.sorted())") }
        if !isIdentifier(id, max: 128) { fail("bad id \(id)") }
        if !seenIds.insert(id).inserted { fail("duplicate id \(id)") }
        lastId = id
        if actor.isEmpty || actor.count > 128 { fail("bad actor") }
        guard let occurred = day(occurredText) else { return fail("bad occurred \(occurredText)") }
        guard let schema = Self.schema[type] else { return fail("unknown type \(type)") }
        typeCounts[type, default: 0] += 1
        let keys = Set(data.keys)
        if !schema.required.isSubset(of: keys) { fail("\(type) misses \(schema.required.subtracting(keys).sorted())") }
        if !keys.isSubset(of: schema.required.union(schema.optional)) { fail("\(type) has unknown \(keys.subtracting(schema.required.union(schema.optional)).sorted())") }
        let caseId = object["case"] as? String
        if let caseId, !isIdentifier(caseId, max: 64) { fail("bad case id \(caseId)") }
        if type.hasPrefix("Claim") || ["ContestationResolved", "CreditNoteIssued", "PaymentRecorded"].contains(type) {
            checkClaimEvent(type: type, occurred: occurred, caseId: caseId, data: data)
        } else {
            guard let caseId else { return fail("\(type) without case") }
            checkCaseEvent(type: type, occurred: occurred, caseId: caseId, data: data)
        }
    }

    // MARK: Cases

    private mutating func checkCaseEvent(type: String, occurred: Int, caseId: String, data: [String: Any]) {
        if type == "CaseOpened" {
            guard cases[caseId] == nil else { return fail("case \(caseId) opened twice") }
            let framework = data["framework"] as? String ?? ""
            let counterparty = data["counterparty"] as? String ?? ""
            if framework == "EU883" {
                if !Self.euZone.contains(counterparty) { fail("EU883 with \(counterparty)") }
            } else if framework.hasPrefix("bilateral:") {
                if String(framework.dropFirst(10)) != counterparty || !Self.bilateral.contains(counterparty) { fail("bad bilateral \(framework)") }
                if data["buc"] != nil { fail("buc outside EU883") }
            } else if framework.hasPrefix("decree:") {
                if String(framework.dropFirst(7)) != counterparty || !Self.decree.contains(counterparty) { fail("bad decree \(framework)") }
                if data["buc"] != nil { fail("buc outside EU883") }
            } else {
                fail("bad framework \(framework)")
            }
            let sectors: Set<String> = ["legislation", "sickness", "pension", "unemployment", "family", "accident", "recovery", "horizontal"]
            if !sectors.contains(data["sector"] as? String ?? "") { fail("bad sector") }
            let person = data["person"] as? String ?? ""
            if person.isEmpty || person.count > 64 || !person.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) { fail("bad person") }
            var state = CaseState()
            state.framework = framework
            state.openedDay = occurred
            cases[caseId] = state
            return
        }
        guard var state = cases[caseId] else { return fail("\(type) on unknown case \(caseId)") }
        defer { cases[caseId] = state }
        if occurred < state.openedDay { fail("\(type) dated before its case opened") }
        if state.closed && type != "CaseReopened" { return fail("\(type) on closed case \(caseId)") }
        switch type {
        case "DocumentReceived", "DocumentSent":
            let code = data["document"] as? String ?? ""
            if code.isEmpty || code.count > 12 || !code.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "_") }) { fail("bad document code \(code)") }
            let documentId = data["documentId"] as? String ?? ""
            if !isIdentifier(documentId, max: 128) { fail("bad documentId") }
            if let replyTo = data["replyTo"] as? String, !state.documents.contains(replyTo) { fail("replyTo \(replyTo) unknown") }
            if !state.documents.insert(documentId).inserted { fail("documentId \(documentId) twice in \(caseId)") }
            checkState(data[type == "DocumentReceived" ? "from" : "to"])
        case "LegislationDetermined":
            let article = data["article"] as? String ?? ""
            guard let from = day(data["from"] as? String ?? "") else { return fail("bad from") }
            let to = (data["to"] as? String).flatMap(day)
            if data["to"] != nil && to == nil { fail("bad to") }
            if let to, to < from { fail("to before from") }
            if !(data["provisional"] is Bool) { fail("provisional not a bool") }
            if article.isEmpty || article.count > 32 { fail("bad article") }
            if state.framework == "EU883" {
                if !["11", "12", "13", "14", "15", "16"].contains(where: { article.hasPrefix($0) }) { fail("EU883 article \(article)") }
                if article.hasPrefix("12") {
                    guard let to else { return fail("posting without to") }
                    if to > addingMonths(24, to: from) - 1 { fail("posting longer than 24 months: \(data)") }
                }
            }
            let stateCode = data["state"] as? String ?? ""
            checkState(stateCode)
            if data["provisional"] as? Bool == false {
                for other in state.finals where other.state != stateCode {
                    let overlaps = from <= (other.to ?? Int.max) && other.from <= (to ?? Int.max)
                    if overlaps { fail("final determinations of \(other.state) and \(stateCode) overlap in \(caseId)") }
                }
                state.finals.append((stateCode, from, to))
            }
        case "PeriodCertified":
            checkState(data["state"])
            if !["employment", "self-employment", "insurance", "residence"].contains(data["kind"] as? String ?? "") { fail("bad kind") }
            guard let from = day(data["from"] as? String ?? ""), let to = day(data["to"] as? String ?? "") else { return fail("bad period dates") }
            if to < from { fail("period to before from") }
            if let value = data["compulsory"], !(value is Bool) { fail("compulsory not bool") }
            if let value = data["equivalent"], !(value is Bool) { fail("equivalent not bool") }
            state.periods[lastId] = false
        case "PeriodWithdrawn":
            let reference = data["period"] as? String ?? ""
            guard let withdrawn = state.periods[reference] else { return fail("withdrawn period \(reference) unknown") }
            if withdrawn { fail("period withdrawn twice") }
            state.periods[reference] = true
        case "BenefitAwarded":
            let benefits: Set<String> = ["pension", "sickness-in-kind", "sickness-cash", "unemployment", "family", "accident", "planned-treatment"]
            if !benefits.contains(data["benefit"] as? String ?? "") { fail("bad benefit") }
            checkState(data["state"])
            guard let from = day(data["from"] as? String ?? "") else { return fail("bad from") }
            if let toText = data["to"] as? String { if let to = day(toText), to >= from {} else { fail("bad benefit to") } }
            let hasAmount = data["amount"] != nil
            if hasAmount != (data["currency"] != nil) || hasAmount != (data["frequency"] != nil) { fail("amount, currency and frequency go together") }
            if hasAmount {
                if !["once", "monthly", "quarterly", "yearly"].contains(data["frequency"] as? String ?? "") { fail("bad frequency") }
                if let minor = money(data["amount"], currency: data["currency"] as? String ?? ""), minor <= 0 { fail("benefit amount not positive") }
            }
            state.benefits[lastId] = (from, false)
        case "BenefitEnded":
            let reference = data["benefit"] as? String ?? ""
            guard let benefit = state.benefits[reference] else { return fail("ended benefit \(reference) unknown") }
            if benefit.ended { fail("benefit ended twice") }
            guard let on = day(data["on"] as? String ?? "") else { return fail("bad on") }
            if on < benefit.from { fail("benefit ended before its start") }
            state.benefits[reference] = (benefit.from, true)
        case "CaseClosed":
            state.closed = true
        case "CaseReopened":
            if !state.closed { fail("reopened an open case") }
            state.closed = false
        default:
            fail("unexpected case event \(type)")
        }
    }

    // MARK: Claims

    private mutating func checkClaimEvent(type: String, occurred: Int, caseId: String?, data: [String: Any]) {
        let claimId = data["claim"] as? String ?? ""
        if let caseId {
            guard let linked = cases[caseId] else { return fail("claim links unknown case \(caseId)") }
            if linked.closed { fail("claim event on closed case \(caseId)") }
            if occurred < linked.openedDay { fail("claim event before its case opened") }
        }
        if type == "ClaimIntroduced" {
            if claims[claimId] != nil { return fail("claim \(claimId) introduced twice") }
            if !isIdentifier(claimId, max: 128) { fail("bad claim id") }
            if caseId != nil { linkedClaims += 1 }
            let creditor = data["creditor"] as? String ?? "", debtor = data["debtor"] as? String ?? ""
            checkState(creditor)
            checkState(debtor)
            if creditor == debtor || (creditor != home && debtor != home) { fail("bad creditor/debtor \(creditor)/\(debtor)") }
            let currency = data["currency"] as? String ?? ""
            guard let amount = money(data["amount"], currency: currency), amount > 0 else { return fail("bad claim amount") }
            if amount > 1_000_000_000_000_000 { fail("amount too large") }
            if let fees = data["fees"] {
                guard let fees = money(fees, currency: currency) else { return fail("bad fees") }
                if fees > amount || fees <= 0 { fail("fees exceed amount") }
            }
            if !["urgent", "planned", "residence", "accident", "unemployment", "admin"].contains(data["category"] as? String ?? "") { fail("bad category") }
            let period = data["period"] as? String ?? ""
            let basis = data["basis"] as? String ?? ""
            if basis == "actual" {
                let parts = period.split(separator: "-")
                guard parts.count == 2, let year = Int(parts[0]), parts[0].count == 4, parts[1] == "H1" || parts[1] == "H2" else { return fail("bad half-year \(period)") }
                let start = day(String(format: "%04d-%02d-01", year, parts[1] == "H1" ? 1 : 7))!
                if start > occurred { fail("half-year \(period) not begun") }
                if data["costsPublished"] != nil { fail("costsPublished on actual claim") }
                // Art 67(1): the last day of the 12th month after the half-year ends.
                if occurred > addingMonths(18, to: start) - 1 { timeBarred += 1 }
            } else if basis == "fixed" {
                guard period.count == 4, let year = Int(period) else { return fail("bad year \(period)") }
                if day(String(format: "%04d-01-01", year))! > occurred { fail("year \(period) not begun") }
                if !Self.annex3.contains(creditor) && !Self.annex3.contains(debtor) { fail("fixed basis without an Annex 3 state") }
                if let published = data["costsPublished"] as? String {
                    guard let first = day(published + "-01") else { return fail("bad costsPublished") }
                    if occurred > addingMonths(13, to: first) - 1 { timeBarred += 1 }
                }
            } else {
                fail("bad basis \(basis)")
            }
            claims[claimId] = ClaimState(introducedDay: occurred, currency: currency, outstanding: amount)
            return
        }
        guard var claim = claims[claimId] else { return fail("\(type) on unknown claim \(claimId)") }
        defer { claims[claimId] = claim }
        if claim.over { return fail("\(type) after withdrawal of \(claimId)") }
        if occurred < claim.introducedDay { fail("\(type) dated before its claim") }
        switch type {
        case "ClaimContested":
            guard let amount = money(data["amount"], currency: claim.currency), amount > 0 else { return fail("bad contested amount") }
            if amount > claim.outstanding - claim.contested { fail("contested \(amount) exceeds undisputed \(claim.outstanding - claim.contested)") }
            claim.contested += amount
        case "ContestationResolved":
            guard let upheld = money(data["upheld"], currency: claim.currency, allowZero: true),
                  let rejected = money(data["rejected"], currency: claim.currency, allowZero: true) else { return fail("bad resolution amounts") }
            if upheld == 0 && rejected == 0 { fail("resolution with both zero") }
            if upheld + rejected > claim.contested { fail("resolution exceeds contested") }
            if upheld > claim.outstanding { fail("upheld exceeds outstanding") }
            claim.contested -= upheld + rejected
            claim.outstanding -= upheld
        case "CreditNoteIssued":
            guard let amount = money(data["amount"], currency: claim.currency), amount > 0 else { return fail("bad credit note") }
            if amount > claim.outstanding - claim.contested { fail("credit note exceeds undisputed") }
            claim.outstanding -= amount
        case "PaymentRecorded":
            if data["currency"] as? String != claim.currency { fail("payment currency differs") }
            guard let amount = money(data["amount"], currency: claim.currency), amount > 0 else { return fail("bad payment") }
            if amount > claim.outstanding { fail("payment exceeds outstanding") }
            if !["advance", "payment"].contains(data["kind"] as? String ?? "") { fail("bad payment kind") }
            claim.outstanding -= amount
        case "ClaimWithdrawn":
            if claim.outstanding <= 0 { fail("withdrawal with nothing outstanding") }
            if !["withdrawn", "waived"].contains(data["reason"] as? String ?? "") { fail("bad withdrawal reason") }
            claim.outstanding = 0
            claim.over = true
        default:
            fail("unexpected claim event \(type)")
        }
    }

    // MARK: Values

    private mutating func fail(_ message: String) {
        if problems.count < 50 { problems.append("line \(lineNumber): \(message)") }
    }

    private mutating func checkState(_ value: Any?) {
        guard let code = value as? String, Self.states.contains(code) else { return fail("bad state \(String(describing: value))") }
    }

    private func isIdentifier(_ text: String, max: Int) -> Bool {
        !text.isEmpty && text.utf8.count <= max && text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
                || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "-")
        }
    }

    /// An amount string in minor units, with exactly the currency's minor digits.
    private mutating func money(_ value: Any?, currency: String, allowZero: Bool = false) -> Int64? {
        guard let text = value as? String else { fail("amount is not a JSON string"); return nil }
        guard let digits = Self.minorDigits[currency] else { fail("unknown currency \(currency)"); return nil }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        guard parts.count <= 2, !whole.isEmpty, whole.allSatisfy(\.isNumber), fraction.allSatisfy(\.isNumber),
              whole == "0" || !whole.hasPrefix("0"), fraction.count == digits, (digits == 0) == (parts.count == 1),
              let minor = Int64(whole + fraction) else {
            fail("amount \(text) is not written with the \(digits) minor digits of \(currency)")
            return nil
        }
        if minor == 0 && !allowZero { fail("zero amount \(text)") }
        return minor
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// Days since 1970-01-01 of a real `YYYY-MM-DD` date, through Foundation's calendar.
    private func day(_ text: String) -> Int? {
        let parts = text.split(separator: "-")
        guard text.count == 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let dayOfMonth = Int(parts[2]) else { return nil }
        let components = DateComponents(year: year, month: month, day: dayOfMonth)
        guard components.isValidDate(in: Self.calendar), let date = Self.calendar.date(from: components) else { return nil }
        return Int(date.timeIntervalSince1970 / 86_400)
    }

    /// Foundation's "same day, `months` later" (clamped to the month's end).
    private func addingMonths(_ months: Int, to day: Int) -> Int {
        let date = Date(timeIntervalSince1970: Double(day) * 86_400)
        let later = Self.calendar.date(byAdding: .month, value: months, to: date)!
        return Int(later.timeIntervalSince1970 / 86_400)
    }
}
