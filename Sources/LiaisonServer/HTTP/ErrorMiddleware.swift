import Hummingbird
import Ledger

/// Every failure leaves as `{"error":CODE,"message":…}` with its status: ledger errors
/// mapped by kind, Hummingbird's own (404 no route, 405) in the same shape, anything
/// else a 500 whose details stay in the log.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as LedgerError {
            let answer = APIError.from(error)
            if answer.status == .internalServerError {
                // An I/O message names paths and errno (what the operator needs, no personal
                // reference); a corruption message may quote a case or event id, so only its
                // kind is logged and `liaison verify` locates it.
                context.logger.error("request failed", metadata: [
                    "route": .string(context.endpointPath ?? "-"), "error": .string(answer.code),
                    "detail": .string(answer.code == "io-error" ? error.message : "run `liaison verify` to locate the damage"),
                ])
            }
            throw answer
        } catch let error as HTTPError {
            let code = error.status == .notFound ? "not-found" : error.status == .contentTooLarge ? "too-large" : "http-\(error.status.code)"
            let message = error.status == .notFound ? "No such endpoint; GET /openapi.json lists them." : (error.body ?? error.status.reasonPhrase)
            throw APIError(error.status, code, message)
        } catch let error as any HTTPResponseError {
            throw APIError(error.status, "http-\(error.status.code)", error.status.reasonPhrase)
        } catch {
            context.logger.error("request failed", metadata: ["route": .string(context.endpointPath ?? "-"), "error": .string("\(type(of: error))")])
            throw APIError(.internalServerError, "internal", "The server failed to answer; the failure is in its log.")
        }
    }
}
