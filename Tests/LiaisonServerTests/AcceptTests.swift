import Foundation
import Hummingbird
import HummingbirdTesting
@testable import LiaisonServer
import Testing

/// `Accept` on `GET /v1/balances`: malformed headers never crash the server and get JSON;
/// `q=0` refuses a type; media types compare case-insensitively.
struct AcceptTests {
    @Test(arguments: [
        (";", false), ("text/csv,;", true), (",,", false), ("", false), (" ; ; ", false), (";q=1", false),
        ("text/csv;q=0", false), ("text/csv; q=0.0, application/json", false), ("TEXT/CSV", true),
        ("text/csv ; charset=utf-8", true), ("application/json, text/csv", false), ("text/csv, */*", true),
        ("text/csv;q=0.5", true), ("text/csv;q", true),
    ])
    func csvIsChosenOnlyWhenAskedFor(accept: String, csv: Bool) {
        #expect(BalancesRoutes.wantsCSV(accept: accept) == csv, "Accept: \(accept)")
    }

    @Test func malformedAcceptGetsJSONAndTheServerStaysUp() async throws {
        let server = try await TestServer()
        try await server.test { client in
            for accept in [";", ",;", ";;,", " ; ", "text/csv;q=0", ";q=0,"] {
                var headers = server.headers(.finance)
                headers[.accept] = accept
                try await client.execute(uri: "/v1/balances?year=2025", method: .get, headers: headers) { response in
                    #expect(response.status == .ok, "Accept: \(accept)")
                    #expect(response.headers[.contentType]?.hasPrefix("application/json") == true, "Accept: \(accept)")
                    #expect(jsonObject(response.body.text)?["rows"] != nil, "Accept: \(accept)")
                }
            }
            // Still answering after all of them.
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
        }
    }
}
