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
        // Both directions, against the routes the router really has (not a list kept here):
        // every route is documented, and every documented operation exists.
        let routed = Set(server.server.router().routes.map { "\($0.method.rawValue.lowercased()) \($0.path)" })
        let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0) \(path)" } })
        #expect(!routed.isEmpty)
        #expect(routed.subtracting(documented).sorted() == [], "routes missing from the OpenAPI document")
        #expect(documented.subtracting(routed).sorted() == [], "documented operations the router does not have")
    }
}
