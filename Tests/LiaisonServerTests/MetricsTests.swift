import Foundation
import Hummingbird
import HummingbirdTesting
import LiaisonServer
import Testing

/// `/metrics` counts appends and rejections by code, times requests by route template
/// (never a raw path), and reports projection lag. Other tests run in parallel in this
/// process and share the registry, so counters are compared as "grew by at least".
struct MetricsTests {
    static func value(_ text: String, _ series: String) -> Double {
        text.split(separator: "\n").first { $0.hasPrefix(series + " ") }.flatMap { Double($0.split(separator: " ").last!) } ?? 0
    }

    @Test func appendsRejectionsLatencyAndLagAreExposed() async throws {
        let server = try await TestServer(fixture: [])
        try await server.test { client in
            let metrics = { try await client.execute(uri: "/metrics", method: .get) { $0.body.text } }
            let before = try await metrics()
            let body = EventsTests.claimLine("m-1", actor: "connector:eessi") + "\n" + EventsTests.claimLine("m-2", actor: "connector:someone")
            try await client.execute(uri: "/v1/events", method: .post, headers: server.headers(.connector), body: ByteBuffer(string: body)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/v1/cases/PERSONAL-REF-123", method: .get, headers: server.headers(.auditor)) { #expect($0.status == .notFound) }
            let after = try await metrics()
            #expect(Self.value(after, "liaison_events_appended_total") >= Self.value(before, "liaison_events_appended_total") + 1)
            let rejected = #"liaison_events_rejected_total{code="forbidden-actor"}"#
            #expect(Self.value(after, rejected) >= Self.value(before, rejected) + 1)
            #expect(after.contains(#"http_server_request_duration_bucket{http_route="/v1/events""#))
            #expect(after.contains(#"http_route="/v1/cases/{id}""#))
            #expect(!after.contains("PERSONAL-REF-123"), "raw paths never reach the metrics")
            #expect(after.contains(#"liaison_projection_lag_events{projection="claims"}"#))
        }
    }
}
