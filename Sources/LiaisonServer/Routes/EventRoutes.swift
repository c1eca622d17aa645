import Hummingbird
import Ledger

/// `POST /v1/events`: JSON Lines or a JSON array, validated and appended as `liaison
/// append` does; the answer is its summary plus the rejected lines.
enum EventRoutes {
    static let roles: [Role] = [.connector, .admin]

    static func add(to router: Router<ServerContext>, backend: LedgerBackend, limits: ServerLimits, gate: WorkGate) {
        router.post("/v1/events", within: limits.requestSecondsMax) { request, context in
            let identity = try context.require(roles)
            // The place is held from the first body byte to the answer: that is when the
            // body's memory (up to bodyBytesMax) is alive.
            return try await gate.run("appends") { try await append(request, identity, backend, limits) }
        }
    }

    private static func append(_ request: Request, _ identity: Identity, _ backend: LedgerBackend, _ limits: ServerLimits) async throws -> Response {
        let body = try await request.collectBounded(bytesMax: limits.bodyBytesMax, secondsMax: limits.bodySecondsMax)
        let lines: [BodyLines.Line]
        do {
            lines = try BodyLines.split(body, array: BodyLines.looksLikeArray(body))
        } catch {
            // `split` throws only `BodyLines.Failure` (typed throws).
            throw APIError(.badRequest, "malformed-json", "The body is neither JSON Lines nor a JSON array of events: \(error.message).")
        }
        guard lines.count <= limits.linesPerRequestMax else {
            throw APIError(.contentTooLarge, "too-many-lines", "The body has \(lines.count) events; at most \(limits.linesPerRequestMax) are accepted in one request.")
        }
        let outcome = try await backend.append(lines, as: identity)
        var writer = JSONWriter()
        outcome.summary.write(to: &writer, head: outcome.head) { writer in
            writer.key("rejections")
            writer.beginArray()
            for rejection in outcome.rejections { rejection.write(to: &writer) }
            writer.endArray()
        }
        return Response.json(writer.text)
    }
}
