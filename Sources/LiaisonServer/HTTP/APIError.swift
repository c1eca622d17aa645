import Hummingbird
import Ledger

/// An HTTP error with a stable code and a sentence, answered as
/// `{"error":"CODE","message":"…"}` (JSON) with its status.
public struct APIError: HTTPResponseError, Sendable {
    public let status: HTTPResponse.Status
    public let code: String
    public let message: String
    /// Sent as `Retry-After` (a 503 `busy` or `deadline` says when to come back).
    public let retryAfterSeconds: Int?

    public init(_ status: HTTPResponse.Status, _ code: String, _ message: String, retryAfterSeconds: Int? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.retryAfterSeconds = retryAfterSeconds
    }

    public var json: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("error", code)
        writer.field("message", message)
        writer.endObject()
        return writer.text
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = Response.json(json, status: status)
        if status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer realm=\"liaison\"" }
        if let retryAfterSeconds { response.headers[.retryAfter] = String(retryAfterSeconds) }
        // A client refused before its body was read (no token, wrong role, too large, too
        // slow) is told to hang up rather than keep sending a body nobody will read.
        if APIError.closesConnection.contains(status.code) { response.headers[.connection] = "close" }
        return response
    }

    static let closesConnection: Set<Int> = [401, 403, 408, 413]

    public static let unauthenticated = APIError(.unauthorized, "unauthenticated",
                                                 "Send `Authorization: Bearer TOKEN` with a token from `liaison token add`.")
    public static func forbidden(_ identity: Identity, allowed: [Role]) -> APIError {
        APIError(.forbidden, "forbidden", "The \(identity.role.rawValue) role may not use this endpoint; it needs one of: \(allowed.map(\.rawValue).joined(separator: ", ")).")
    }
    public static func badRequest(_ message: String) -> APIError { APIError(.badRequest, "bad-request", message) }

    /// A ledger failure as HTTP: no such case or claim is 404, a usage mistake 400, busy 503,
    /// the rest 500. A 500's own message names store paths and errno, or the id of a damaged
    /// entry: the client gets a fixed sentence, the operator the detail in the log
    /// (`ErrorMiddleware`).
    public static func from(_ error: LedgerError) -> APIError {
        switch error.exitCode {
        case 66: return APIError(.notFound, "not-found", error.message)
        case 64: return APIError(.badRequest, "bad-request", error.message)
        case 75: return APIError(.serviceUnavailable, "busy", error.message, retryAfterSeconds: 5)
        case 2: return APIError(.internalServerError, "corrupt", "The ledger failed a consistency check while answering; the operator should run `liaison verify`.")
        default: return APIError(.internalServerError, "io-error", "The server could not read or write its store; the details are in its log.")
        }
    }
}

extension Response {
    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        body(text + "\n", contentType: "application/json; charset=utf-8", status: status)
    }

    static func body(_ text: String, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
