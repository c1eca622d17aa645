import CoreMetrics
import Ledger
import Metrics
import Prometheus
import Synchronization

/// The server's metrics in one Prometheus registry, reached through swift-metrics: the
/// request counters and latency histograms by route (Hummingbird's MetricsMiddleware,
/// labelled with route templates, never raw paths), and the ledger's own figures.
///
/// One per process: swift-metrics' backend can be bootstrapped once, so every server in
/// a process (tests start many) shares it; counters only ever grow.
public final class ServerMetrics: Sendable {
    public static let shared = ServerMetrics()

    public let registry: PrometheusCollectorRegistry
    private let appendedCounter: CoreMetrics.Counter
    private let rejectedCounters: [RejectCode: CoreMetrics.Counter]
    private let lagGauges: [String: CoreMetrics.Gauge]
    private let commitsGauge: CoreMetrics.Gauge

    private init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        // Request latencies from 1 ms to 10 s: appends wait for an fsync; verify can take long.
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(5), .seconds(10),
        ]
        MetricsSystem.bootstrap(factory)
        appendedCounter = CoreMetrics.Counter(label: "liaison_events_appended_total")
        var rejected: [RejectCode: CoreMetrics.Counter] = [:]
        for code in RejectCode.allCases { rejected[code] = CoreMetrics.Counter(label: "liaison_events_rejected_total", dimensions: [("code", code.rawValue)]) }
        rejectedCounters = rejected
        var lag: [String: CoreMetrics.Gauge] = [:]
        for name in ["cases", "claims", "audit"] { lag[name] = CoreMetrics.Gauge(label: "liaison_projection_lag_events", dimensions: [("projection", name)]) }
        lagGauges = lag
        // The writer's durable commits since start: appended events over commits is the group-commit factor.
        commitsGauge = CoreMetrics.Gauge(label: "liaison_writer_commits")
    }

    func appended(_ count: Int) { if count > 0 { appendedCounter.increment(by: count) } }
    func rejected(_ code: RejectCode) { rejectedCounters[code]?.increment() }
    func lag(_ name: String, _ events: UInt64) { lagGauges[name]?.record(Int64(events)) }
    func commits(_ count: Int) { commitsGauge.record(Int64(count)) }

    /// The Prometheus text exposition of everything recorded so far.
    public func exposition() -> String { registry.emitToString() }
}
