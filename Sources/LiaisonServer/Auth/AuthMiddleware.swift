import Foundation
import Hummingbird

/// Resolves the caller (bearer token, or session cookie for pages) into the context.
/// It never rejects: each route says which roles it takes (`ServerContext.require`).
struct AuthMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    let tokens: TokenStore
    let sessions: SessionTable

    static let cookieName = "liaison_session"

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        var context = context
        if let header = request.headers[.authorization] {
            context.presentedToken = true
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                context.identity = tokens.identity(forToken: String(parts[1]).trimmingCharacters(in: .whitespaces))
            }
        }
        if let cookie = request.cookies[AuthMiddleware.cookieName]?.value {
            context.sessionIdentity = sessions.identity(forSession: cookie)
            if context.sessionIdentity != nil { context.sessionID = cookie }
        }
        return try await next(request, context)
    }
}
