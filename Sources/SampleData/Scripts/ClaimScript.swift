/// Writes the life of one reimbursement claim between the home institution and a
/// partner (987/2009 Art 62-69): introduction, sometimes a contestation and its
/// answer, a credit note, an advance, payments, a withdrawal or a waiver.
///
/// Every movement is computed from the claim's running figures, in integer minor
/// units, when it is written, so it never exceeds what the ledger would accept.
struct ClaimScript {
    private let world: World
    private let sink: ChunkSink
    private var rng: SplitMix64
    private var writer = LineWriter()

    private let claimId: String
    private let creditor: String
    private let debtor: String
    private let partner: String
    private let money: Money
    private let caseId: String?
    private let introducedDay: Int
    private let fixedBasis: Bool
    private let period: String
    private let category: StaticString
    private let costsPublished: (year: Int, month: Int)?
    private let agent: String
    private let partnerInEUZone: Bool

    private var amount: Int64 = 0
    private var outstanding: Int64 = 0
    private var contestedOpen: Int64 = 0
    private var eventNumber = 0
    private var day: Int

    /// Share of claims linked to a case, in per-mille.
    static let linkedPerMille = 200
    /// Share of actual-cost claims introduced too late (time-barred), in per-mille.
    static let latePerMille = 30

    init(world: World, sink: ChunkSink, seed: UInt64, index: Int, linkable ring: LinkableRing) {
        var rng = SplitMix64(seed: seed, stream: 2, index: UInt64(index))
        self.world = world
        self.sink = sink
        let home = world.home

        var partner: String
        var introducedDay: Int
        if !ring.entries.isEmpty && rng.chance(perMille: ClaimScript.linkedPerMille) {
            let linked = rng.pick(ring.entries)
            partner = linked.counterparty
            introducedDay = linked.openedDay + rng.within(0...min(400, sink.endDay - linked.openedDay))
            caseId = linked.caseId
        } else {
            partner = world.claimPartners.pick(&rng)
            introducedDay = rng.within(sink.startDay...sink.endDay)
            caseId = nil
        }
        self.partner = partner
        self.introducedDay = introducedDay
        day = introducedDay
        partnerInEUZone = World.isEUZone(partner)

        // Fixed amounts are claimed by the Annex 3 states, from the competent state.
        let homeInAnnex = World.isAnnex3(home)
        let fixedPossible = homeInAnnex ? partnerInEUZone : World.isAnnex3(partner)
        fixedBasis = fixedPossible && rng.chance(perMille: 350)
        let homeCreditor = fixedBasis ? homeInAnnex : rng.chance(perMille: 550)
        creditor = homeCreditor ? home : partner
        debtor = homeCreditor ? partner : home

        let partnerMoney = world.money(partner)
        money = partnerMoney.code != "EUR" && rng.chance(perMille: 750) ? partnerMoney : Money.euro

        let introduced = CivilDay.civil(introducedDay)
        let late = rng.chance(perMille: ClaimScript.latePerMille)
        if fixedBasis {
            // Average costs are published after the year; the claim follows within 12 months.
            let introducedMonth = introduced.year * 12 + introduced.month - 1
            let publishedMonth = introducedMonth - (late ? rng.within(13...20) : rng.within(0...10))
            let publishedYear = publishedMonth / 12
            let year = publishedYear - (rng.chance(perMille: 200) ? 2 : 1)
            period = String(year)
            costsPublished = late || rng.chance(perMille: 850) ? (publishedYear, publishedMonth % 12 + 1) : nil
            category = "residence"
        } else {
            // The half-year in which the costs were booked, usually one or two before.
            let introducedHalf = introduced.year * 2 + (introduced.month > 6 ? 1 : 0)
            let lag: Int
            if late {
                lag = rng.within(3...4)
            } else {
                let draw = rng.below(100)
                lag = draw < 5 ? 0 : draw < 65 ? 1 : 2
            }
            let half = introducedHalf - lag
            period = String(half / 2) + (half % 2 == 0 ? "-H1" : "-H2")
            costsPublished = nil
            let draw = rng.below(100)
            category = draw < 40 ? "urgent" : draw < 52 ? "planned" : draw < 83 ? "residence"
                : draw < 90 ? "accident" : draw < 96 ? "unemployment" : "admin"
        }
        let label = fixedBasis ? period + "-FX" : period
        claimId = creditor + "-" + label + "-" + CaseScript.padded(index + 1, width: 6)
        agent = rng.pick(world.agents)
        self.rng = rng
    }

    // MARK: Life

    private enum Step {
        case contest, resolve, creditNote, advance, payment(splitPerMille: Int), withdraw
    }

    mutating func run() {
        introduce()

        // Plan the movements by date, then play them against the running figures.
        var plan: [(day: Int, step: Step)] = []
        if rng.chance(perMille: 150) {
            let contestDay = introducedDay + rng.within(20...300)
            plan.append((contestDay, .contest))
            if rng.chance(perMille: 850) { plan.append((contestDay + rng.within(30...500), .resolve)) }
        }
        if rng.chance(perMille: 80) { plan.append((introducedDay + rng.within(30...400), .creditNote)) }
        var advanceDay: Int?
        if rng.chance(perMille: 350) {
            // Art 68(2): an advance within 6 months after the month of introduction.
            let latest = CivilDay.endOfMonth(introducedDay, plusMonths: 6)
            let advance = introducedDay + rng.within(10...max(10, latest - introducedDay))
            plan.append((advance, .advance))
            advanceDay = advance
        }
        if rng.chance(perMille: 780) {
            var payment = introducedDay + rng.within(90...600)
            if let advanceDay { payment = max(payment, advanceDay + rng.within(30...200)) }
            if rng.chance(perMille: 200) {
                plan.append((payment, .payment(splitPerMille: rng.within(400...850))))
                plan.append((payment + rng.within(30...240), .payment(splitPerMille: 1000)))
            } else {
                plan.append((payment, .payment(splitPerMille: 1000)))
            }
        }
        if rng.chance(perMille: 30) { plan.append((introducedDay + rng.within(60...700), .withdraw)) }

        // Stable insertion sort: steps planned for the same day keep their order.
        for position in plan.indices.dropFirst() {
            var current = position
            while current > 0 && plan[current - 1].day > plan[current].day {
                plan.swapAt(current, current - 1)
                current -= 1
            }
        }
        for (stepDay, step) in plan {
            guard stepDay <= sink.endDay else { return }
            day = stepDay
            if !play(step) { return }
        }
    }

    /// Plays one step; false when the claim is over (withdrawn or waived).
    private mutating func play(_ step: Step) -> Bool {
        let undisputed = outstanding - contestedOpen
        let digits = money.digits
        switch step {
        case .contest:
            guard undisputed > 0 else { return true }
            let contested = share(of: undisputed, percent: rng.within(5...60))
            contestedOpen += contested
            let reason = rng.pick(["care not covered by the entitlement document", "amount above the applicable tariff",
                                   "person not registered on the date of care", "duplicate invoice", "entitlement document expired"])
            movement("ClaimContested", code: code("DA016", 14), sender: debtor) {
                $0.amount("amount", contested, digits: digits)
                $0.text("reason", reason)
            }
        case .resolve:
            guard contestedOpen > 0 else { return true }
            let draw = rng.below(100)
            let upheld = draw < 40 ? 0 : draw < 70 ? contestedOpen : share(of: contestedOpen, percent: rng.within(10...90))
            let rejected = contestedOpen - upheld
            contestedOpen = 0
            outstanding -= upheld
            movement("ContestationResolved", code: code("DA017", 15), sender: creditor) {
                $0.amount("upheld", upheld, digits: digits)
                $0.amount("rejected", rejected, digits: digits)
            }
        case .creditNote:
            guard undisputed > 0 else { return true }
            let credited = share(of: undisputed, percent: rng.within(2...20))
            outstanding -= credited
            let reason = rng.pick(["invoice corrected", "duplicate care lines removed", "tariff correction", "entitlement confirmed elsewhere"])
            movement("CreditNoteIssued", code: code("S085", 16), sender: creditor) {
                $0.amount("amount", credited, digits: digits)
                $0.text("reason", reason)
            }
        case .advance:
            guard undisputed > 0 else { return true }
            pay(share(of: undisputed, percent: rng.within(90...100)), kind: "advance")
        case .payment(let splitPerMille):
            guard undisputed > 0 else { return true }
            pay(max(1, undisputed * Int64(splitPerMille) / 1000), kind: "payment")
        case .withdraw:
            guard outstanding > 0 else { return true }
            let reason: StaticString = rng.chance(perMille: 650) ? "withdrawn" : "waived"
            outstanding = 0
            contestedOpen = 0
            movement("ClaimWithdrawn", code: "WITHDRAWAL", sender: creditor) { $0.text("reason", reason) }
            return false
        }
        return true
    }

    /// `percent` % of `value`, at least one minor unit and at most `value`.
    private func share(of value: Int64, percent: Int) -> Int64 {
        min(value, max(1, value * Int64(percent) / 100))
    }

    private func code(_ sed: String, _ form: Int) -> String {
        partnerInEUZone ? sed : world.formCodes[partner]![form - 1]
    }

    // MARK: Writing

    private mutating func introduce() {
        eventNumber += 1
        writer.startId()
        writeId(channel: partnerInEUZone ? "eessi" : "cleiss", state: creditor,
                code: code(fixedBasis ? "S100" : "S080", fixedBasis ? 17 : 13))
        writer.envelope(type: "ClaimIntroduced", day: day, actor: actor(of: creditor), caseId: caseId)
        writer.text("claim", claimId)
        writer.text("creditor", creditor)
        writer.text("debtor", debtor)
        writer.text("basis", fixedBasis ? "fixed" : "actual")
        writer.text("category", category)
        writer.text("period", period)
        amount = drawAmount()
        outstanding = amount
        writer.amount("amount", amount, digits: money.digits)
        writer.text("currency", money.code)
        if rng.chance(perMille: 250) {
            writer.amount("fees", min(amount, max(1, amount * Int64(rng.within(1...8)) / 100)), digits: money.digits)
        }
        if let costsPublished {
            writer.text("costsPublished", String(costsPublished.year) + (costsPublished.month < 10 ? "-0" : "-") + String(costsPublished.month))
        }
        sink.commit(day: day, line: writer.finish())
    }

    private mutating func pay(_ paid: Int64, kind: StaticString) {
        outstanding -= paid
        eventNumber += 1
        writer.startId()
        writeId(channel: "compta", state: debtor, code: "PAY")
        writer.envelope(type: "PaymentRecorded", day: day, actor: "connector:cleiss-compta", caseId: caseId)
        writer.text("claim", claimId)
        writer.amount("amount", paid, digits: money.digits)
        writer.text("currency", money.code)
        writer.text("kind", kind)
        sink.commit(day: day, line: writer.finish())
    }

    private mutating func movement(_ type: StaticString, code: String, sender: String, _ fields: (inout LineWriter) -> Void) {
        eventNumber += 1
        writer.startId()
        writeId(channel: partnerInEUZone ? "eessi" : "cleiss", state: sender, code: code)
        writer.envelope(type: type, day: day, actor: actor(of: sender), caseId: caseId)
        writer.text("claim", claimId)
        fields(&writer)
        sink.commit(day: day, line: writer.finish())
    }

    private mutating func writeId(channel: String, state: String, code: String) {
        writer.put(channel)
        writer.raw(":")
        writer.put(state)
        writer.raw(":")
        writer.put(code)
        writer.raw(":")
        writer.put(claimId)
        writer.raw(":")
        writer.put(eventNumber)
    }

    private func actor(of sender: String) -> String {
        if sender == world.home { return "connector:cleiss-compta" }
        return partnerInEUZone ? "connector:eessi-ap" : agent
    }

    /// A claim's amount: log-ish, from a few hundred euros to a few million.
    private mutating func drawAmount() -> Int64 {
        let decade: Int
        let draw = rng.below(100)
        if fixedBasis {
            decade = draw < 25 ? 4 : draw < 70 ? 5 : 6
        } else {
            decade = draw < 18 ? 2 : draw < 50 ? 3 : draw < 78 ? 4 : draw < 93 ? 5 : 6
        }
        var low = 1
        for _ in 0..<decade { low *= 10 }
        let euros = Int64(rng.within(low...(low * 10 - 1)))
        return money.minor(fromCents: euros * 100 + Int64(rng.below(100)))
    }
}
