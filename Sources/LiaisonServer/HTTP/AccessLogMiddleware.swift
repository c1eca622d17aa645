import Foundation
import Dispatch
import Hummingbird
import Logging

/// One log line per request: method, route *template* (`/v1/cases/{id}`, never the raw
/// path or query: case and claim ids are personal references), status, milliseconds,
/// and the caller's role and token name. Tokens, cookies and bodies are never logged.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    let logger: Logger

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        func log(_ status: HTTPResponse.Status, _ context: ServerContext) {
            let millis = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            let caller = context.identity ?? context.sessionIdentity
            logger.info("request", metadata: [
                "method": .string(request.method.rawValue),
                "route": .string(context.endpointPath ?? "(no route)"),
                "status": .stringConvertible(status.code),
                "ms": .string(String(format: "%.1f", millis)),
                "caller": .string(caller.map { "\($0.role.rawValue):\($0.name)" } ?? "-"),
            ])
        }
        do {
            let response = try await next(request, context)
            log(response.status, context)
            return response
        } catch let error as any HTTPResponseError {
            log(error.status, context)
            throw error
        }
    }
}
