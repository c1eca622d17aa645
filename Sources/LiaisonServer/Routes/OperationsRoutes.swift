import Hummingbird
import Ledger

/// `/health` (the process answers), `/ready` (the store is open and the projections are
/// caught up, to within `ServerLimits.readyLagEventsMax`), `/metrics` (Prometheus), `/openapi.json`. Open to anyone who can reach the
/// port: they say nothing about cases, claims or people.
enum OperationsRoutes {
    static func add(to router: Router<ServerContext>, backend: LedgerBackend) {
        router.get("/health") { _, _ in Response.json("{\"status\":\"ok\"}") }
        router.get("/ready") { _, _ in
            let head = try backend.log.head().seq
            let lag = try backend.projectionLag()
            var writer = JSONWriter()
            writer.beginObject()
            // Within one writer batch of the head: a steady stream of appends keeps it ready.
            let ready = lag.allSatisfy { $0.events <= backend.limits.readyLagEventsMax }
            writer.field("ready", ready)
            writer.field("head", head)
            writer.key("lag")
            writer.beginObject()
            for (name, events) in lag { writer.field(name, events) }
            writer.endObject()
            writer.endObject()
            return Response.json(writer.text, status: ready ? .ok : .serviceUnavailable)
        }
        router.get("/metrics") { _, _ in
            for (name, events) in try backend.projectionLag() { backend.metrics.lag(name, events) }
            backend.metrics.commits(await backend.writer.commits)
            return Response.body(backend.metrics.exposition(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        router.get("/openapi.json") { _, _ in Response.json(OpenAPIDocument.json) }
    }
}
