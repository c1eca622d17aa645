import Foundation
import Hummingbird
import Ledger

/// `GET /v1/balances`: the report of `liaison balances` as JSON, or CSV with `Accept: text/csv`.
enum BalancesRoutes {
    static let roles: [Role] = [.finance, .auditor, .admin]

    static func add(to router: Router<ServerContext>, backend: LedgerBackend) {
        router.get("/v1/balances") { request, context in
            _ = try context.require(roles)
            let report = try await BalancesQuery(request).report(backend)
            if wantsCSV(request) {
                return Response.body(report.csv + "\n", contentType: "text/csv; charset=utf-8")
            }
            return Response.json(report.json)
        }
    }

    /// CSV when the client asks for it (`Accept: text/csv`, alone or preferred in a list).
    static func wantsCSV(_ request: Request) -> Bool {
        guard let accept = request.headers[.accept]?.lowercased() else { return false }
        let types = accept.split(separator: ",").map { $0.split(separator: ";")[0].trimmingCharacters(in: .whitespaces) }
        guard let csv = types.firstIndex(of: "text/csv") else { return false }
        let json = types.firstIndex(where: { $0 == "application/json" || $0 == "*/*" })
        return json.map { csv < $0 } ?? true
    }
}
