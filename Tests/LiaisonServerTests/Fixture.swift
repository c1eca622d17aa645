/// A small ledger with known amounts: one case, claims between FR (home) and DE, BE, CH
/// in EUR and CHF, with payments, so balances can be computed by hand.
enum Fixture {
    static func claim(_ id: String, creditor: String, debtor: String, amount: String, currency: String = "EUR", occurred: String = "2025-03-14") -> String {
        "{\"id\":\"ev-\(id)\",\"type\":\"ClaimIntroduced\",\"occurred\":\"\(occurred)\",\"actor\":\"connector:eessi\",\"data\":{\"claim\":\"\(id)\",\"creditor\":\"\(creditor)\",\"debtor\":\"\(debtor)\",\"basis\":\"actual\",\"category\":\"urgent\",\"period\":\"2024-H2\",\"amount\":\"\(amount)\",\"currency\":\"\(currency)\"}}"
    }

    static func payment(_ id: String, claim: String, amount: String, currency: String = "EUR") -> String {
        "{\"id\":\"\(id)\",\"type\":\"PaymentRecorded\",\"occurred\":\"2025-06-01\",\"actor\":\"connector:eessi\",\"data\":{\"claim\":\"\(claim)\",\"amount\":\"\(amount)\",\"currency\":\"\(currency)\",\"kind\":\"payment\"}}"
    }

    static let caseOpened = "{\"id\":\"case-1-open\",\"type\":\"CaseOpened\",\"occurred\":\"2025-01-10\",\"actor\":\"connector:eessi\",\"case\":\"FR-P-2025-0001\",\"data\":{\"framework\":\"EU883\",\"sector\":\"pension\",\"counterparty\":\"DE\",\"person\":\"p-1\"}}"
    static let document = "{\"id\":\"case-1-doc\",\"type\":\"DocumentReceived\",\"occurred\":\"2025-02-01\",\"actor\":\"connector:eessi\",\"case\":\"FR-P-2025-0001\",\"data\":{\"document\":\"P5000\",\"documentId\":\"d-1\",\"from\":\"DE\",\"institution\":\"DRV Bund\"}}"

    /// Claims (FR creditor = receivable, FR debtor = payable), amounts as sent.
    static let claims: [(id: String, creditor: String, debtor: String, amount: String, currency: String)] = [
        ("FR-K-1", "FR", "DE", "1000.10", "EUR"),
        ("FR-K-2", "FR", "DE", "250.25", "EUR"),
        ("DE-K-3", "DE", "FR", "400.00", "EUR"),
        ("BE-K-4", "BE", "FR", "99.99", "EUR"),
        ("FR-K-5", "FR", "CH", "700.50", "CHF"),
    ]
    static let payments: [(id: String, claim: String, amount: String, currency: String)] = [
        ("pay-1", "FR-K-1", "300.10", "EUR"),
        ("pay-2", "DE-K-3", "100.00", "EUR"),
    ]

    static var lines: [String] {
        [caseOpened, document]
            + claims.map { claim($0.id, creditor: $0.creditor, debtor: $0.debtor, amount: $0.amount, currency: $0.currency) }
            + payments.map { payment($0.id, claim: $0.claim, amount: $0.amount, currency: $0.currency) }
    }
}
