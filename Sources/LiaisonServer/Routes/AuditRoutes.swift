import Hummingbird
import Ledger
import LedgerService

/// `GET /v1/verify` and `GET /v1/replay`: the reports of `liaison verify` and `liaison
/// replay`. Both read the whole log; the answer comes when they are done.
enum AuditRoutes {
    static let roles: [Role] = [.auditor, .admin]

    static func add(to router: Router<ServerContext>, backend: LedgerBackend, limits: ServerLimits, gate: WorkGate) {
        router.get("/v1/verify", within: limits.auditSecondsMax) { request, context in
            _ = try context.require(roles)
            let anchors = try Query(request).all("anchor").map { text in
                guard let anchor = LedgerVerification.anchor(text) else {
                    throw APIError.badRequest("anchor=\(text) is not SEQ:HEX (a seq and a 64-digit SHA-256 hash).")
                }
                return anchor
            }
            let log = backend.log
            let report = try await gate.run("verifies or replays") {
                try await Offload.run(async: { try await LedgerVerification.run(log, anchors: anchors) })
            }
            return Response.json(report.json)
        }
        router.get("/v1/replay", within: limits.auditSecondsMax) { request, context in
            _ = try context.require(roles)
            let to = try Query(request).seq("to")
            let log = backend.log
            // A replay reads the whole log synchronously: off the cooperative pool.
            let (seq, digests) = try await gate.run("verifies or replays") {
                try await Offload.run {
                    let (replay, digests) = try ReplayReport.run(log, to: to, option: "to")
                    return (replay.seq, digests)
                }
            }
            return Response.json(ReplayReport.json(seq: seq, digests: digests))
        }
    }
}
