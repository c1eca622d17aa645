import Foundation
import Hummingbird
import HummingbirdTesting
import LiaisonServer
import Testing

struct OpenAPITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    @Test func servedDocumentEqualsDocsAndListsEveryRoute() async throws {
        let server = try await TestServer(fixture: [])
        let served = try await server.test { client in
            try await client.execute(uri: "/openapi.json", method: .get) { $0.body.text }
        }
        let committed = try String(contentsOfFile: Self.root + "/docs/openapi.json", encoding: .utf8)
        #expect(served == committed, "docs/openapi.json and the served document differ")
        let document = try #require(jsonObject(served))
        #expect((document["openapi"] as? String)?.hasPrefix("3.") == true)
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        for route in RouteAccessTests.routes {
            let path = String(route.uri.split(separator: "?")[0])
                .replacingOccurrences(of: "FR-P-2025-0001", with: "{id}").replacingOccurrences(of: "FR-K-1", with: "{id}")
            let operations = try #require(paths[path], "\(path) is not in the OpenAPI document")
            #expect(operations[route.method.rawValue.lowercased()] != nil, "\(route) is not in the OpenAPI document")
        }
        for extra in ["/login": "post", "/logout": "post"] { #expect(paths[extra.key]?[extra.value] != nil, "\(extra)") }
    }
}
