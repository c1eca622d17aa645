/// The typical life of a case in each sector: which documents come and go, what gets
/// determined, certified or awarded, and how the file ends.
extension CaseScript {
    mutating func run(linkable ring: inout LinkableRing) {
        opened()
        switch sector {
        case .legislation: legislationCase()
        case .sickness: sicknessCase()
        case .pension: pensionCase()
        case .unemployment: unemploymentCase()
        case .family: familyCase()
        case .accident: accidentCase()
        case .recovery: recoveryCase()
        case .horizontal: horizontalCase()
        }
        ending(linkable: &ring)
    }

    // MARK: Applicable legislation

    private mutating func legislationCase() {
        guard isEU else { return conventionPosting() }
        let variant = rng.below(100)
        if variant < 45 {
            posting(from: home)
        } else if variant < 65 {
            posting(from: counterparty)
        } else if variant < 90 {
            multiState()
        } else {
            wait(0...20)
            document(received: true, "A008", state: counterparty)
            wait(5...60)
            let state = rng.chance(perMille: 500) ? counterparty : home
            legislation(state: state, article: "11(3)(a)", from: startDate(around: day - rng.within(0...90)), to: nil, provisional: false)
        }
    }

    /// Art 12: a worker posted from `sendingState` to the other one, 6 to 24 months,
    /// sometimes extended by an Art 16 agreement.
    private mutating func posting(from sendingState: String) {
        let outgoing = sendingState == home
        wait(0...15)
        let from = startDate(around: day + rng.within(0...45))
        let months = rng.chance(perMille: 150) ? 24 : rng.within(6...24)
        let to = end(after: from, months: months)
        let article = rng.chance(perMille: 200) ? "12(2)" : "12(1)"
        if outgoing {
            legislation(state: home, article: article, from: from, to: to, provisional: false)
            wait(0...10)
            let notice = document(received: false, "A009", state: counterparty)
            if rng.chance(perMille: 400) { wait(0...5); document(received: false, "A1", state: counterparty) }
            if let notice, rng.chance(perMille: 300) {
                wait(10...90)
                document(received: true, "A010", state: counterparty, replyTo: notice)
            }
        } else {
            document(received: true, "A009", state: counterparty)
            wait(1...30)
            legislation(state: counterparty, article: article, from: from, to: to, provisional: false)
        }
        guard rng.chance(perMille: 250) else { return }
        // The employer asks for more time: an exception under Art 16.
        day = max(day, to - rng.within(30...150))
        let request = document(received: !outgoing, "A001", state: counterparty)
        wait(20...120)
        if rng.chance(perMille: 750) {
            document(received: outgoing, "A011", state: counterparty, replyTo: request)
            wait(0...10)
            legislation(state: sendingState, article: "16(1)", from: to + 1,
                        to: end(after: to + 1, months: rng.within(12...36)), provisional: false)
        } else {
            document(received: outgoing, "A002", state: counterparty, replyTo: request)
        }
    }

    /// Art 13: work in two states; a provisional determination (A007), then a final
    /// one, and sometimes a change of situation that moves the legislation.
    private mutating func multiState() {
        wait(0...20)
        let request = document(received: true, "A003", state: counterparty)
        let from = startDate(around: day - rng.within(0...120))
        let finalState = rng.chance(perMille: 550) ? home : counterparty
        let provisionalState = rng.chance(perMille: 700) ? finalState : (finalState == home ? counterparty : home)
        wait(5...40)
        legislation(state: provisionalState, article: "13(1)(a)", from: from, to: nil, provisional: true)
        let notice = document(received: false, "A007", state: counterparty, replyTo: request)
        wait(60...200)
        document(received: true, "A004", state: counterparty, replyTo: notice)
        wait(1...20)
        let changes = rng.chance(perMille: 350)
        let article = rng.pick(["13(1)(a)", "13(1)(b)(i)", "13(2)(a)", "13(3)"])
        if changes {
            let firstEnd = end(after: from, months: rng.within(6...30))
            legislation(state: finalState, article: article, from: from, to: firstEnd, provisional: false)
            document(received: false, "A012", state: counterparty)
            wait(90...400)
            document(received: true, "A008", state: counterparty)
            wait(5...40)
            let nextState = finalState == home ? counterparty : home
            legislation(state: nextState, article: "13(1)(b)(i)", from: firstEnd + 1, to: nil, provisional: false)
        } else {
            let to: Int? = rng.chance(perMille: 300) ? end(after: from, months: rng.within(12...36)) : nil
            legislation(state: finalState, article: article, from: from, to: to, provisional: false)
            document(received: false, "A012", state: counterparty)
        }
    }

    /// A detachment under a convention or a decree, with the convention's forms.
    private mutating func conventionPosting() {
        let outgoing = rng.chance(perMille: 600)
        let sendingState = outgoing ? home : counterparty
        wait(0...20)
        let request = document(received: !outgoing, code("A009", 1), state: counterparty)
        let from = startDate(around: day + rng.within(0...45))
        let to = end(after: from, months: rng.within(3...24))
        wait(1...30)
        legislation(state: sendingState, article: rng.pick(["5(a)", "6", "4(1)", "7(2)"]), from: from, to: to, provisional: false)
        document(received: outgoing, code("A010", 2), state: counterparty, replyTo: request)
        guard rng.chance(perMille: 200) else { return }
        day = max(day, to - rng.within(30...120))
        document(received: !outgoing, code("A001", 3), state: counterparty)
        wait(10...90)
        legislation(state: sendingState, article: "6(2)", from: to + 1, to: end(after: to + 1, months: 12), provisional: false)
    }

    // MARK: Sickness

    private mutating func sicknessCase() {
        let variant = rng.below(100)
        if variant < 50 {
            residenceRegistration()
        } else if variant < 75 {
            plannedTreatment()
        } else {
            sicknessCash()
        }
    }

    /// An S1: a pensioner or a worker registered for care in the state of residence.
    private mutating func residenceRegistration() {
        let residesInHome = rng.chance(perMille: 500)
        let competent = residesInHome ? counterparty : home
        wait(0...10)
        let registration = document(received: residesInHome, code("S1", 4), state: counterparty)
        wait(5...45)
        document(received: !residesInHome, code("S072", 5), state: counterparty, replyTo: registration)
        let from = startDate(around: day)
        let benefit = benefitAwarded("sickness-in-kind", state: competent, document: code("S1", 4), from: from, to: nil, payment: nil)
        if rng.chance(perMille: 400) {
            wait(10...60)
            let request = document(received: false, code("S040", 6), state: counterparty)
            wait(20...120)
            document(received: true, code("S041", 7), state: counterparty, replyTo: request)
            insurancePeriods(state: counterparty, document: code("S041", 7), count: rng.within(1...2))
        }
        if let benefit, rng.chance(perMille: 300) {
            wait(120...700)
            document(received: !residesInHome, code("S016", 8), state: counterparty)
            benefitEnded(benefit, on: max(from, startDate(around: day)),
                         reason: rng.pick(["registration cancelled", "change of residence", "death of the beneficiary"]))
        }
    }

    /// An S2: treatment abroad authorised by the competent institution.
    private mutating func plannedTreatment() {
        let homeCompetent = rng.chance(perMille: 600)
        let competent = homeCompetent ? home : counterparty
        wait(0...15)
        document(received: !homeCompetent, code("S2", 9), state: counterparty)
        wait(0...5)
        let from = day + rng.within(7...60)
        let to = from + rng.within(3...45)
        let payment: Payment? = rng.chance(perMille: 600)
            ? Payment(minor: amount(euros: 800, 60_000, in: world.money(competent)), money: world.money(competent), frequency: "once")
            : nil
        benefitAwarded("planned-treatment", state: competent, document: code("S2", 9), from: from, to: to, payment: payment)
    }

    /// Sickness cash benefits paid abroad, after the insurance periods are known.
    private mutating func sicknessCash() {
        let homePays = rng.chance(perMille: 600)
        let payer = homePays ? home : counterparty
        let other = homePays ? counterparty : home
        wait(0...15)
        let request = document(received: !homePays, code("S040", 6), state: counterparty)
        wait(15...90)
        document(received: homePays, code("S041", 7), state: counterparty, replyTo: request)
        insurancePeriods(state: other, document: code("S041", 7), count: rng.within(1...2))
        wait(5...40)
        let from = startDate(around: day - rng.within(0...60))
        let to: Int? = rng.chance(perMille: 500) ? from + rng.within(30...180) : nil
        let money = world.money(payer)
        let benefit = benefitAwarded("sickness-cash", state: payer, document: code("S041", 7), from: from, to: to,
                                     payment: Payment(minor: amount(euros: 400, 2_600, in: money), money: money, frequency: "monthly"))
        if let benefit, to == nil, rng.chance(perMille: 300) {
            wait(60...400)
            benefitEnded(benefit, on: max(from, day - rng.within(0...20)), reason: "fit for work")
        }
    }

    /// Insurance periods of the last few years, as an S041 or a U002 certifies them.
    private mutating func insurancePeriods(state: String, document: String, count: Int) {
        var from = startDate(around: day - rng.within(400...2_000))
        for _ in 0..<count {
            // Certified periods are in the past: they end before the certificate.
            let to = max(from, min(end(after: from, months: rng.within(3...30)), day - rng.within(1...60)))
            period(state: state, document: document, kind: rng.chance(perMille: 800) ? "insurance" : "employment",
                   from: from, to: to)
            from = to + 1 + rng.within(0...200)
            if from >= day { break }
        }
    }

    // MARK: Pensions

    /// Periods in two or three states, exchanged on P5000, then the decisions.
    private mutating func pensionCase() {
        let livesAbroad = rng.chance(perMille: 550)
        wait(0...20)
        let claim = document(received: livesAbroad, code(rng.pick(["P2000", "P2000", "P2000", "P2100", "P2200"]), 10),
                             state: counterparty)
        var states = [home, counterparty]
        if isEU && rng.chance(perMille: 350) {
            let third = world.euPartners.pick(&rng)
            if third != counterparty { states.append(third) }
        }
        let career = careerSegments(states: states)
        var certified: [(reference: String, segment: CareerSegment)] = []

        wait(10...60)
        let ourSummary = document(received: false, code("P5000", 11), state: counterparty, replyTo: claim)
        for segment in career where segment.state == home {
            if let reference = certify(segment, document: code("P5000", 11)) { certified.append((reference, segment)) }
        }
        wait(20...150)
        document(received: true, code("P5000", 11), state: counterparty, replyTo: ourSummary)
        for segment in career where segment.state == counterparty {
            if let reference = certify(segment, document: code("P5000", 11)) { certified.append((reference, segment)) }
        }
        if states.count == 3 {
            wait(20...120)
            document(received: true, "P5000", state: states[2])
            for segment in career where segment.state == states[2] {
                if let reference = certify(segment, document: "P5000") { certified.append((reference, segment)) }
            }
        }
        if !certified.isEmpty && rng.chance(perMille: 220) {
            // A certifying institution corrects one period: withdrawn, then certified again.
            wait(15...120)
            let (reference, segment) = certified[rng.below(certified.count)]
            periodWithdrawn(reference, reason: rng.pick(["corrected by the certifying institution", "duplicate certification", "period not insured"]))
            if rng.chance(perMille: 700) {
                let corrected = CareerSegment(state: segment.state, kind: segment.kind, from: segment.from,
                                              to: max(segment.from, segment.to - rng.within(0...400)),
                                              compulsory: segment.compulsory, equivalent: segment.equivalent)
                certify(corrected, document: code("P5000", 11))
            }
        }

        wait(30...200)
        let pensionStart = startDate(around: CivilDay.startOfMonth(day) + 31)
        let homeMoney = world.money(home)
        let decision = document(received: false, code("P6000", 12), state: counterparty)
        let homePension = benefitAwarded("pension", state: home, document: code("P6000", 12), from: pensionStart, to: nil,
                                         payment: Payment(minor: amount(euros: 90, 2_400, in: homeMoney), money: homeMoney, frequency: "monthly"))
        var foreignPension: String?
        if rng.chance(perMille: 600) {
            wait(10...120)
            let money = world.money(counterparty)
            document(received: true, code("P6000", 12), state: counterparty, replyTo: decision)
            foreignPension = benefitAwarded("pension", state: counterparty, document: code("P6000", 12), from: pensionStart, to: nil,
                                            payment: Payment(minor: amount(euros: 60, 1_800, in: money), money: money,
                                                             frequency: rng.chance(perMille: 850) ? "monthly" : "quarterly"))
        }
        if isEU && rng.chance(perMille: 600) {
            wait(20...90)
            document(received: false, "P7000", state: counterparty)
        }
        if rng.chance(perMille: 100) {
            wait(200...900)
            document(received: livesAbroad, code("P8000", 13), state: counterparty)
            let on = max(pensionStart, startDate(around: day - rng.within(10...60)))
            if let homePension { benefitEnded(homePension, on: on, reason: "death of the beneficiary") }
            if let foreignPension { benefitEnded(foreignPension, on: on, reason: "death of the beneficiary") }
        }
    }

    struct CareerSegment {
        let state: String
        let kind: StaticString
        let from: Int
        let to: Int
        let compulsory: Bool
        let equivalent: Bool
    }

    /// A working life across `states`, each state at least once, with a few overlaps
    /// (work in one state while still insured in another).
    private mutating func careerSegments(states: [String]) -> [CareerSegment] {
        let retirement = openedDay - rng.within(30...400)
        var from = CivilDay.from(year: rng.within(1972...2002), month: rng.within(1...12), day: 1)
        var segments: [CareerSegment] = []
        let count = rng.within(states.count...max(states.count, 5))
        var order = states
        for position in stride(from: order.count - 1, to: 0, by: -1) {
            order.swapAt(position, rng.below(position + 1))
        }
        for position in 0..<count {
            guard from < retirement else { break }
            let state = position < order.count ? order[position] : rng.pick(states)
            let to = min(retirement, end(after: from, months: rng.within(8...150)))
            let kindDraw = rng.below(100)
            let kind: StaticString = kindDraw < 65 ? "employment" : kindDraw < 80 ? "self-employment" : kindDraw < 92 ? "insurance" : "residence"
            // Equivalent periods (military service, sickness, unemployment) are insurance periods.
            let equivalent = kindDraw >= 80 && kindDraw < 92 && rng.chance(perMille: 500)
            let compulsory = !rng.chance(perMille: 80)
            segments.append(CareerSegment(state: state, kind: kind, from: from, to: to, compulsory: compulsory, equivalent: equivalent))
            if rng.chance(perMille: 220) {
                from = max(from, CivilDay.adding(months: -rng.within(1...8), to: to + 1))
            } else {
                from = to + 1 + rng.within(0...540)
            }
        }
        return segments
    }

    @discardableResult
    private mutating func certify(_ segment: CareerSegment, document: String) -> String? {
        wait(0...2)
        return period(state: segment.state, document: document, kind: segment.kind, from: segment.from, to: segment.to,
                      compulsory: segment.compulsory, equivalent: segment.equivalent)
    }

    // MARK: Unemployment, family, accidents

    private mutating func unemploymentCase() {
        let homePays = rng.chance(perMille: 650)
        wait(0...15)
        let request = document(received: !homePays, code("U001", 14), state: counterparty)
        wait(10...80)
        document(received: homePays, code("U002", 15), state: counterparty, replyTo: request)
        insurancePeriods(state: homePays ? counterparty : home, document: code("U002", 15), count: rng.within(1...3))
        guard homePays else {
            if rng.chance(perMille: 500) { wait(5...60); document(received: false, code("U1", 16), state: counterparty) }
            return
        }
        wait(5...40)
        let from = startDate(around: day)
        let to = end(after: from, months: rng.within(6...24))
        let money = world.money(home)
        let benefit = benefitAwarded("unemployment", state: home, document: code("U002", 15), from: from, to: to,
                                     payment: Payment(minor: amount(euros: 900, 2_800, in: money), money: money, frequency: "monthly"))
        if let benefit, rng.chance(perMille: 300) {
            wait(60...300)
            benefitEnded(benefit, on: min(to, max(from, day - rng.within(0...30))), reason: "resumed work")
        }
    }

    private mutating func familyCase() {
        wait(0...15)
        let request = document(received: true, code("F001", 17), state: counterparty)
        wait(15...120)
        document(received: false, code("F002", 18), state: counterparty, replyTo: request)
        let priority = rng.chance(perMille: 600) ? home : counterparty
        if rng.chance(perMille: 400) {
            let from = startDate(around: day - rng.within(200...1_500))
            let to = max(from, min(end(after: from, months: rng.within(6...48)), day - rng.within(1...30)))
            period(state: priority, document: code("F002", 18), kind: "residence", from: from, to: to)
        }
        wait(5...60)
        let from = startDate(around: day - rng.within(0...180))
        let to: Int? = rng.chance(perMille: 300) ? end(after: from, months: rng.within(12...60)) : nil
        let money = world.money(priority)
        let benefit = benefitAwarded("family", state: priority, document: code("F002", 18), from: from, to: to,
                                     payment: Payment(minor: amount(euros: 80, 900, in: money), money: money, frequency: "monthly"))
        if rng.chance(perMille: 250) {
            // The other state pays a differential supplement.
            let other = priority == home ? counterparty : home
            let otherMoney = world.money(other)
            wait(10...90)
            benefitAwarded("family", state: other, document: code("F003", 19), from: from, to: to,
                           payment: Payment(minor: amount(euros: 20, 300, in: otherMoney), money: otherMoney, frequency: "monthly"))
        }
        if let benefit, to == nil, rng.chance(perMille: 200) {
            wait(100...600)
            benefitEnded(benefit, on: max(from, startDate(around: day)), reason: "child reached the age limit")
        }
    }

    private mutating func accidentCase() {
        wait(0...15)
        let report = document(received: true, code("DA001", 20), state: counterparty)
        wait(10...90)
        document(received: false, code("DA002", 20), state: counterparty, replyTo: report)
        let payer = rng.chance(perMille: 600) ? home : counterparty
        let money = world.money(payer)
        let from = startDate(around: day - rng.within(0...60))
        let draw = rng.below(100)
        let payment: Payment? = draw < 30 ? nil
            : draw < 60 ? Payment(minor: amount(euros: 1_000, 60_000, in: money), money: money, frequency: "once")
            : Payment(minor: amount(euros: 150, 1_500, in: money), money: money, frequency: rng.chance(perMille: 800) ? "monthly" : "quarterly")
        wait(5...60)
        let to: Int? = payment == nil ? from + rng.within(14...200) : nil
        let benefit = benefitAwarded("accident", state: payer, document: code("DA002", 20), from: from, to: to, payment: payment)
        if let benefit, to == nil, rng.chance(perMille: 200) {
            wait(90...500)
            benefitEnded(benefit, on: max(from, day - rng.within(0...30)), reason: "consolidation of the injury")
        }
    }

    // MARK: Recovery and horizontal

    /// The case side of a reimbursement dispute: the claim, a contestation, its answer.
    private mutating func recoveryCase() {
        let homeCreditor = rng.chance(perMille: 500)
        wait(0...10)
        let claim = document(received: !homeCreditor, code("S080", 13), state: counterparty)
        if rng.chance(perMille: 400) {
            wait(20...150)
            let contest = document(received: homeCreditor, code("DA016", 14), state: counterparty, replyTo: claim)
            wait(20...200)
            document(received: !homeCreditor, code("DA017", 15), state: counterparty, replyTo: contest)
        }
        if rng.chance(perMille: 250) {
            wait(20...200)
            document(received: !homeCreditor, code("S085", 16), state: counterparty, replyTo: claim)
        }
    }

    private mutating func horizontalCase() {
        wait(0...10)
        let question = document(received: true, code("H001", 1), state: counterparty)
        wait(5...60)
        document(received: false, code("H002", 2), state: counterparty, replyTo: question)
        if rng.chance(perMille: 300) {
            wait(10...200)
            let request = document(received: false, code("H120", 3), state: counterparty)
            wait(10...90)
            document(received: true, code("H121", 4), state: counterparty, replyTo: request)
        }
    }

    // MARK: Ending

    private var closingReasons: [String] {
        switch sector {
        case .legislation: ["determination issued", "A1 issued", "posting ended"]
        case .sickness: ["entitlement registered", "treatment completed", "settled"]
        case .pension: ["pension decisions notified", "benefit awarded"]
        case .unemployment: ["periods certified", "benefit awarded"]
        case .family: ["benefit awarded", "priority rules applied"]
        case .accident: ["benefit awarded", "injury consolidated"]
        case .recovery: ["claim settled", "dispute resolved"]
        case .horizontal: ["information provided", "settled"]
        }
    }

    /// Most files are closed when their business is done; a few come back (an appeal, a
    /// late document) and are closed again. Recovery and sickness files often stay
    /// open: claims link to those.
    private mutating func ending(linkable ring: inout LinkableRing) {
        let staysOpen = rng.chance(perMille: sector == .recovery || sector == .sickness ? 650 : 420)
        if staysOpen {
            if sector == .recovery || sector == .sickness {
                ring.add(LinkableCase(caseId: caseId, counterparty: counterparty, openedDay: openedDay))
            }
            return
        }
        wait(20...240)
        let reason = rng.chance(perMille: 850) ? rng.pick(closingReasons) : rng.pick(["no reply after two reminders", "duplicate file", "request withdrawn by the person"])
        guard closed(reason: reason) else { return }
        guard rng.chance(perMille: 150) else { return }
        wait(30...400)
        guard reopened(reason: rng.pick(["new document received", "appeal by the person", "correction requested by the partner institution"])) else { return }
        if rng.chance(perMille: 650) {
            wait(5...60)
            document(received: true, code("H001", 1), state: counterparty)
        }
        if rng.chance(perMille: 550) {
            wait(20...200)
            _ = closed(reason: "settled after reopening")
        }
    }
}
