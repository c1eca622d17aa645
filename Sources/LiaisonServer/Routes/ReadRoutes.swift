import Hummingbird
import Ledger
import LedgerService
import Projections

/// Cases, their histories and claims: the JSON of `liaison case show`, `case history`
/// and `claim show`, from the projections kept current by the server's writer.
enum ReadRoutes {
    static let caseRoles: [Role] = [.auditor, .admin]
    static let claimRoles: [Role] = [.auditor, .finance, .admin]

    static func add(to router: Router<ServerContext>, backend: LedgerBackend, limits: ServerLimits) {
        router.get("/v1/cases/{id}", within: limits.requestSecondsMax) { request, context in
            _ = try context.require(caseRoles)
            let id = try context.parameters.require("id")
            let query = Query(request)
            let read = try await backend.read()
            let knownAt = try read.knownAt(try query.seq("atSeq"), option: "atSeq")
            guard let state = try read.caseState(id, knownAt: knownAt) else { throw LedgerError.noSuchCase(id) }
            return Response.json(CaseReport.json(state, knownAt: knownAt))
        }
        router.get("/v1/cases/{id}/history", within: limits.requestSecondsMax) { request, context in
            _ = try context.require(caseRoles)
            let id = try context.parameters.require("id")
            let (knownAt, events) = try CaseReport.history(backend.log, caseID: id, atSeq: try Query(request).seq("atSeq"), option: "atSeq")
            return Response.json(CaseReport.historyJSON(caseID: id, knownAt: knownAt, events: events))
        }
        router.get("/v1/claims/{id}", within: limits.requestSecondsMax) { request, context in
            _ = try context.require(claimRoles)
            let id = try context.parameters.require("id")
            let query = Query(request)
            let read = try await backend.read()
            let knownAt = try read.knownAt(try query.seq("atSeq"), option: "atSeq")
            let asOf = try query.date("asOf") ?? today()
            guard let state = try read.claimState(id, knownAt: knownAt) else { throw LedgerError.noSuchClaim(id) }
            let figures = ClaimReport.figures(state, asOf: asOf, knownAt: knownAt)
            return Response.json(ClaimReport.json(state, figures: figures, asOf: asOf, knownAt: knownAt))
        }
    }
}
