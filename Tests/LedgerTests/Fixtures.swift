@testable import Ledger

/// A deterministic mix of case and claim events, valid in order, for tests that need volume.
enum Fixtures {
    static func lines(cases: Int, prefix: String = "F") -> [String] {
        var lines: [String] = []
        for index in 0..<cases {
            let caseID = "\(prefix)-C-\(index)"
            let claimID = "\(prefix)-K-\(index)"
            lines.append(Line.open(id: "\(prefix)-o-\(index)", case: caseID, on: "2024-01-10"))
            lines.append(Line.event("\(prefix)-d-\(index)", "DocumentReceived", "2024-02-01", case: caseID,
                                    "\"document\":\"P5000\",\"documentId\":\"doc-\(index)\",\"from\":\"DE\",\"institution\":\"DRV Bund\""))
            lines.append(Line.event("\(prefix)-p-\(index)", "PeriodCertified", "2024-02-02", case: caseID,
                                    "\"state\":\"DE\",\"kind\":\"employment\",\"from\":\"2001-09-01\",\"to\":\"2009-08-31\""))
            lines.append(Line.claim(id: "\(prefix)-k-\(index)", claim: claimID, amount: "\(100 + index).25"))
            lines.append(Line.event("\(prefix)-pay-\(index)", "PaymentRecorded", "2025-05-01", case: caseID,
                                    "\"claim\":\"\(claimID)\",\"amount\":\"50.00\",\"currency\":\"EUR\",\"kind\":\"advance\""))
        }
        return lines
    }
}
