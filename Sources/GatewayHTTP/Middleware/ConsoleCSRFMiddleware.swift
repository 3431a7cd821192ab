import GatewayCore
import Hummingbird

/// Checks the `_csrf` field of EVERY console form POST (and any other unsafe method); a missing or wrong token → `403`.
///
/// - `.session`: the token must equal the signed-in session's CSRF token (every page after login).
/// - `.loginCookie`: the login form has no session yet; the token must equal the `gw_login_csrf` cookie (double submit).
struct ConsoleCSRFMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    /// Where the expected token comes from.
    enum Source: Sendable {
        /// The console session (``AppRequestContext/session``).
        case session
        /// The login form's double-submit cookie.
        case loginCookie
    }

    let source: Source

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard ![.get, .head, .options].contains(request.method) else { return try await next(request, context) }
        var request = request
        // Only `_csrf` is read here; each form's handler applies the per-field cap.
        let fields = try await FormFields.read(&request, context: context, maxFieldBytes: nil)
        let expected: String?
        switch source {
        case .session: expected = context.session?.csrfToken
        case .loginCookie: expected = request.cookies[ConsoleCookies.loginCSRF]?.value
        }
        guard let expected, !expected.isEmpty, let presented = fields["_csrf"], StaffSecrets.constantTimeEqual(presented, expected) else {
            throw HTTPError(.forbidden, message: "missing or wrong _csrf form field")
        }
        return try await next(request, context)
    }
}
