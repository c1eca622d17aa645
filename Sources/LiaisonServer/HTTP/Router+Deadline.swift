import Hummingbird

/// Routes whose handler time is limited (`Deadline`): past the limit the client is
/// answered 503 `deadline` instead of waiting on a handler that may never end.
extension Router where Context == ServerContext {
    @discardableResult
    func get(_ path: RouterPath, within seconds: Int, use handler: @escaping @Sendable (Request, ServerContext) async throws -> Response) -> Self {
        get(path) { request, context in try await Deadline.answer(within: seconds) { try await handler(request, context) } }
    }

    @discardableResult
    func post(_ path: RouterPath, within seconds: Int, use handler: @escaping @Sendable (Request, ServerContext) async throws -> Response) -> Self {
        post(path) { request, context in try await Deadline.answer(within: seconds) { try await handler(request, context) } }
    }
}
