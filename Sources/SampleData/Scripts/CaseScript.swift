/// Writes the life of one case, event after event, in causal order: `CaseOpened` first,
/// every later event on the same day or after the one before it.
///
/// The script never looks back at the chunk: it keeps the little state the ledger's
/// rules need (documents, periods and benefits it has emitted, open or closed) and
/// stops at the first event that would fall after the generated span, so what it
/// emits is always a valid prefix of the case's life.
struct CaseScript {
    let world: World
    let sink: ChunkSink
    var rng: SplitMix64
    var writer = LineWriter()

    let caseId: String
    let framework: CaseFramework
    let sector: Sector
    let home: String
    let counterparty: String
    let openedDay: Int
    /// The processor who keys in what does not come through a connector.
    let agent: String
    let homeSource: HomeSource
    let role: World.Role
    let counterpartInstitution: String

    var day: Int
    private(set) var eventNumber = 0
    private var documentNumber = 0
    private(set) var stopped = false

    var isEU: Bool { framework.isEU883 }

    init(world: World, sink: ChunkSink, seed: UInt64, index: Int) {
        var rng = SplitMix64(seed: seed, stream: 1, index: UInt64(index))
        self.world = world
        self.sink = sink
        self.home = world.home

        let sector = Sector.weights.pick(&rng)
        let draw = rng.below(1000)
        let framework: CaseFramework
        if draw < 760 || (world.bilateralPartners.isEmpty && world.decreePartners.isEmpty) {
            framework = .eu883
        } else if draw < 950 || world.decreePartners.isEmpty {
            framework = .bilateral(world.bilateralPartners.pick(&rng))
        } else {
            framework = .decree(world.decreePartners.pick(&rng))
        }
        switch framework {
        case .eu883: counterparty = world.euPartners.pick(&rng)
        case .bilateral(let partner), .decree(let partner): counterparty = partner
        }
        self.framework = framework
        self.sector = sector

        openedDay = rng.within(sink.startDay...sink.endDay)
        day = openedDay
        let year = CivilDay.civil(openedDay).year
        caseId = home + "-" + sector.letter + "-" + String(year) + "-" + Self.padded(index + 1, width: 6)
        agent = rng.pick(world.agents)
        homeSource = world.homeSources[sector.rawValue]
        role = World.Role(sector)
        counterpartInstitution = world.institution(counterparty, role, &rng)
        self.rng = rng
    }

    static func padded(_ number: Int, width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    // MARK: Time

    mutating func wait(_ days: ClosedRange<Int>) {
        day += rng.within(days)
    }

    /// A start date for a determination, a benefit or a period near `around`: usually
    /// the first of a month, never after the 28th (so that adding months never clamps).
    mutating func startDate(around: Int) -> Int {
        let date = CivilDay.civil(around)
        let dayOfMonth = rng.chance(perMille: 600) ? 1 : min(date.day, 28)
        return CivilDay.from(year: date.year, month: date.month, day: dayOfMonth)
    }

    /// The day before the same date `months` later: a period of whole months.
    func end(after from: Int, months: Int) -> Int {
        CivilDay.adding(months: months, to: from) - 1
    }

    /// The document code under this case's framework: the EESSI SED, or the
    /// convention's form with the given number.
    func code(_ sed: String, _ form: Int) -> String {
        isEU ? sed : world.formCodes[counterparty]![form - 1]
    }

    // MARK: Emitting

    private mutating func begin() -> Bool {
        if stopped { return false }
        if day > sink.endDay {
            stopped = true
            return false
        }
        eventNumber += 1
        writer.startId()
        return true
    }

    private mutating func commit() {
        sink.commit(day: day, line: writer.finish())
    }

    private mutating func writePlainId(_ channel: String) {
        writer.put(channel)
        writer.raw(":")
        writer.put(caseId)
        writer.raw(":")
        writer.put(eventNumber)
    }

    private var foreignChannel: String { isEU ? "eessi" : "cleiss" }
    private var foreignActor: String { isEU ? "connector:eessi-ap" : agent }

    private func channel(of state: String) -> String { state == home ? homeSource.channel : foreignChannel }
    private func actor(of state: String) -> String { state == home ? homeSource.actor : foreignActor }

    private mutating func institution(of state: String) -> String {
        state == counterparty ? counterpartInstitution : world.institution(state, role, &rng)
    }

    mutating func opened() {
        guard begin() else { return }
        writePlainId(foreignChannel)
        let byConnector = isEU && rng.chance(perMille: 600)
        writer.envelope(type: "CaseOpened", day: day, actor: byConnector ? "connector:eessi-ap" : agent, caseId: caseId)
        switch framework {
        case .eu883: writer.text("framework", "EU883")
        case .bilateral(let partner): writer.text("framework", "bilateral:" + partner)
        case .decree(let partner): writer.text("framework", "decree:" + partner)
        }
        writer.text("sector", sector.name)
        writer.text("counterparty", counterparty)
        writer.text("person", "p-" + String(rng.within(10_000...999_999)))
        if isEU && rng.chance(perMille: 800) { writer.text("buc", rng.pick(sector.bucs)) }
        commit()
    }

    /// A document received from `state` or sent to it; returns its documentId.
    @discardableResult
    mutating func document(received: Bool, _ code: String, state: String, replyTo: String? = nil) -> String? {
        guard begin() else { return nil }
        documentNumber += 1
        let issuer = received ? state : home
        let documentId = issuer + "-" + code + "-" + String(documentNumber)
        writer.put(foreignChannel)
        writer.raw(":")
        writer.put(issuer)
        writer.raw(":")
        writer.put(code)
        writer.raw(":")
        writer.put(caseId)
        writer.raw(":")
        writer.put(eventNumber)
        writer.envelope(type: received ? "DocumentReceived" : "DocumentSent", day: day,
                        actor: isEU ? "connector:eessi-ap" : agent, caseId: caseId)
        writer.text("document", code)
        writer.text("documentId", documentId)
        writer.text(received ? "from" : "to", state)
        writer.text("institution", institution(of: state))
        if let replyTo { writer.text("replyTo", replyTo) }
        commit()
        return documentId
    }

    mutating func legislation(state: String, article: String, from: Int, to: Int?, provisional: Bool) {
        guard begin() else { return }
        writePlainId(channel(of: state))
        writer.envelope(type: "LegislationDetermined", day: day, actor: state == home ? homeSource.actor : agent, caseId: caseId)
        writer.text("state", state)
        writer.text("article", article)
        writer.date("from", from)
        if let to { writer.date("to", to) }
        writer.bool("provisional", provisional)
        commit()
    }

    /// A certified period; returns its reference (the event id).
    @discardableResult
    mutating func period(state: String, document: String, kind: StaticString, from: Int, to: Int,
                         compulsory: Bool = true, equivalent: Bool = false) -> String? {
        guard begin() else { return nil }
        let reference = channel(of: state) + ":" + state + ":" + document + ":" + caseId + ":" + String(eventNumber)
        writer.put(reference)
        writer.envelope(type: "PeriodCertified", day: day, actor: actor(of: state), caseId: caseId)
        writer.text("state", state)
        writer.text("kind", kind)
        writer.date("from", from)
        writer.date("to", to)
        // The defaults (compulsory, not equivalent) are written out half the time.
        if !compulsory || rng.chance(perMille: 500) { writer.bool("compulsory", compulsory) }
        if equivalent || rng.chance(perMille: 500) { writer.bool("equivalent", equivalent) }
        commit()
        return reference
    }

    mutating func periodWithdrawn(_ reference: String, reason: String) {
        guard begin() else { return }
        writePlainId(foreignChannel)
        writer.envelope(type: "PeriodWithdrawn", day: day, actor: agent, caseId: caseId)
        writer.text("period", reference)
        writer.text("reason", reason)
        commit()
    }

    struct Payment {
        let minor: Int64
        let money: Money
        let frequency: StaticString
    }

    /// An awarded benefit; returns its reference (the event id).
    @discardableResult
    mutating func benefitAwarded(_ benefit: StaticString, state: String, document: String, from: Int, to: Int?,
                                 payment: Payment?) -> String? {
        guard begin() else { return nil }
        let reference = channel(of: state) + ":" + state + ":" + document + ":" + caseId + ":" + String(eventNumber)
        writer.put(reference)
        writer.envelope(type: "BenefitAwarded", day: day, actor: actor(of: state), caseId: caseId)
        writer.text("benefit", benefit)
        writer.text("state", state)
        writer.date("from", from)
        if let to { writer.date("to", to) }
        if let payment {
            writer.amount("amount", payment.minor, digits: payment.money.digits)
            writer.text("currency", payment.money.code)
            writer.text("frequency", payment.frequency)
        }
        commit()
        return reference
    }

    mutating func benefitEnded(_ reference: String, on: Int, reason: String) {
        guard begin() else { return }
        writePlainId(foreignChannel)
        writer.envelope(type: "BenefitEnded", day: day, actor: agent, caseId: caseId)
        writer.text("benefit", reference)
        writer.date("on", on)
        writer.text("reason", reason)
        commit()
    }

    mutating func closed(reason: String) -> Bool {
        guard begin() else { return false }
        writePlainId(foreignChannel)
        writer.envelope(type: "CaseClosed", day: day, actor: agent, caseId: caseId)
        writer.text("reason", reason)
        commit()
        return true
    }

    mutating func reopened(reason: String) -> Bool {
        guard begin() else { return false }
        writePlainId(foreignChannel)
        writer.envelope(type: "CaseReopened", day: day, actor: agent, caseId: caseId)
        writer.text("reason", reason)
        commit()
        return true
    }

    // MARK: Amounts

    /// `low…high` whole units of euro, with random cents, in `money`'s minor units.
    mutating func amount(euros low: Int, _ high: Int, in money: Money) -> Int64 {
        let cents = Int64(rng.within(low...high)) * 100 + Int64(rng.below(100))
        return money.minor(fromCents: cents)
    }
}
