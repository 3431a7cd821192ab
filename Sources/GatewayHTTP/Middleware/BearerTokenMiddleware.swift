import Crypto
import Foundation
import Hummingbird

/// Requires `Authorization: Bearer TOKEN` with one of the accepted tokens (the bootstrap admin token
/// comes from `GATEWAY_ADMIN_TOKEN`). Tokens are compared by SHA-256 digest in constant time.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let tokenDigests: [SHA256.Digest]

    init(tokens: [String]) {
        self.tokenDigests = tokens.filter { !$0.isEmpty }.map { SHA256.hash(data: Array($0.utf8)) }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            return unauthorized("missing Authorization: Bearer token")
        }
        let presented = SHA256.hash(data: Array(header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces).utf8))
        guard tokenDigests.contains(where: { $0 == presented }) else { return unauthorized("unknown or revoked token") }
        return try await next(request, context)
    }

    private func unauthorized(_ message: String) -> Response {
        var response = JSONResponse.error(.unauthorized, message)
        response.headers[.wwwAuthenticate] = "Bearer"
        return response
    }
}
