import Foundation
import Hummingbird
import Ledger

/// `GET /v1/balances`: the report of `liaison balances` as JSON, or CSV with `Accept: text/csv`.
enum BalancesRoutes {
    static let roles: [Role] = [.finance, .auditor, .admin]

    static func add(to router: Router<ServerContext>, backend: LedgerBackend, limits: ServerLimits, gate: WorkGate) {
        router.get("/v1/balances", within: limits.requestSecondsMax) { request, context in
            _ = try context.require(roles)
            let query = try BalancesQuery(request)
            let report = try await gate.run("balances walks") { try await query.report(backend) }
            if wantsCSV(request) {
                return Response.body(report.csv + "\n", contentType: "text/csv; charset=utf-8")
            }
            return Response.json(report.json)
        }
    }

    /// CSV when the client asks for it (`Accept: text/csv`, alone or preferred in a list).
    static func wantsCSV(_ request: Request) -> Bool { wantsCSV(accept: request.headers[.accept]) }

    /// The same, on the header's text. Any text is safe (empty parts, a bare `;`: a client
    /// must not be able to crash the server with a header); a type with `q=0` is refused
    /// by the client (RFC 9110 12.4.2), so it is not chosen.
    static func wantsCSV(accept: String?) -> Bool {
        guard let accept else { return false }
        var types: [String] = []
        for part in accept.split(separator: ",") {
            let pieces = part.split(separator: ";", omittingEmptySubsequences: false)
            let type = (pieces.first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
            if type.isEmpty { continue }
            let refused = pieces.dropFirst().contains { parameter in
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                return pair.count == 2 && pair[0] == "q" && (Double(pair[1]) ?? 1) == 0
            }
            if !refused { types.append(type) }
        }
        guard let csv = types.firstIndex(of: "text/csv") else { return false }
        let json = types.firstIndex(where: { $0 == "application/json" || $0 == "*/*" })
        return json.map { csv < $0 } ?? true
    }
}
