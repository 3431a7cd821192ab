import Foundation
import GatewayCore
import HTTPTypes
import Hummingbird

/// Authenticates staff and puts the ``StaffPrincipal`` (and console session) in the request context.
///
/// - `.api` (`/api/v1`): accepts `Authorization: Bearer` tokens (the bootstrap `GATEWAY_ADMIN_TOKEN` and
///   directory API tokens) and, for GET/HEAD only, the console session cookie; a cookie-authenticated
///   POST/PUT/PATCH/DELETE must carry the session's CSRF token in `X-CSRF-Token`. Unauthenticated → `401` JSON.
/// - `.console` (`/console`): accepts only the session cookie; unauthenticated → `303` to `/console/login?next=…`.
///
/// An unknown or revoked bearer token counts as a failure of the client address in ``SignInThrottle``; a client
/// past its throttle gets `429` with `Retry-After` before its token is looked up.
struct StaffAuthenticationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    /// Where the middleware sits.
    enum Mode: Sendable {
        /// The JSON staff API.
        case api
        /// The server-rendered console.
        case console
    }

    let authenticator: StaffAuthenticator
    let mode: Mode
    let throttle: SignInThrottle

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        switch mode {
        case .api:
            let client = context.clientAddress
            if request.headers[.authorization] != nil, case .throttled(let wait) = throttle.decision(client: client, at: authenticator.clock()) {
                return APIError(
                    .tooManyRequests,
                    .tooManyFailedAttempts,
                    "too many failed authentications from this address; retry later",
                    headers: [.retryAfter: String(wait)]
                ).response()
            }
            switch try await authenticator.bearer(request) {
            case .token(let principal):
                context.principal = principal
                return try await next(request, context)
            case .rejected(let reason):
                throttle.recordFailure(client: client, at: authenticator.clock())
                return unauthorized(reason)
            case .anonymous, .session:
                break
            }
            guard case .session(let principal, let session) = try await authenticator.session(request) else {
                return unauthorized("missing Authorization: Bearer token")
            }
            if ![.get, .head].contains(request.method) {
                let presented = request.headers[HTTPField.Name("X-CSRF-Token")!] ?? ""
                guard StaffSecrets.constantTimeEqual(presented, session.csrfToken) else {
                    return APIError(.forbidden, .csrfTokenRequired, "X-CSRF-Token required for cookie-authenticated changes").response()
                }
            }
            context.principal = principal
            context.session = session
            return try await next(request, context)
        case .console:
            guard case .session(let principal, let session) = try await authenticator.session(request) else {
                return Self.redirectToLogin(request)
            }
            context.principal = principal
            context.session = session
            return try await next(request, context)
        }
    }

    private func unauthorized(_ message: String) -> Response {
        APIError(.unauthorized, .unauthenticated, message, headers: [.wwwAuthenticate: "Bearer"]).response()
    }

    /// `303 See Other` to the login page, remembering where the user wanted to go.
    static func redirectToLogin(_ request: Request) -> Response {
        let target = request.method == .get ? request.uri.description : "/console"
        let encoded = target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/console"
        return Response(status: .seeOther, headers: [.location: "/console/login?next=\(encoded)", .cacheControl: "no-store"])
    }
}
