import Foundation
import GatewayCore
import Hummingbird

/// Sign-in and sign-out.
///
/// - `GET /console/login`: the form (sets the `gw_login_csrf` double-submit cookie).
/// - `POST /console/login`: bcrypt check; lock-out after `lockout.maxFailures` failures; on success a new
///   session (`gw_session` cookie, fresh CSRF token) and `303` to `next`. Failures, lock-outs and successes are audited.
///   A client address or username past its failure throttle (``SignInThrottle``) gets `429` with `Retry-After`
///   before anything is looked up or checked (not audited: a flood must not turn into database writes).
/// - `POST /console/logout`: ends the session (CSRF-checked like every console form).
struct ConsoleAuthController: Sendable {
    let directory: (any StaffDirectory)?
    let audit: AuditRecorder
    let settings: StaffAccessSettings
    let renderer: ConsoleRenderer
    let authenticator: StaffAuthenticator
    let throttle: SignInThrottle
    let clock: @Sendable () -> Timestamp
    /// A real bcrypt hash to verify against when the username is unknown, so both cases take as long.
    let dummyHash: String

    init(
        directory: (any StaffDirectory)?,
        audit: AuditRecorder,
        settings: StaffAccessSettings,
        renderer: ConsoleRenderer,
        authenticator: StaffAuthenticator,
        throttle: SignInThrottle,
        clock: @escaping @Sendable () -> Timestamp
    ) {
        self.directory = directory
        self.audit = audit
        self.settings = settings
        self.renderer = renderer
        self.authenticator = authenticator
        self.throttle = throttle
        self.clock = clock
        self.dummyHash = StaffSecrets.hashPassword(StaffSecrets.randomToken(), cost: settings.passwordCost)
    }

    /// Routes outside the session check (the login form and its POST, CSRF-checked against the login cookie).
    func addLoginRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/login") { request, context in try await self.loginForm(request, context: context) }
        group.post("/login") { request, context in try await self.login(request, context: context) }
    }

    /// Routes inside the session check.
    func addSessionRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("/logout") { request, context in try await self.logout(request, context: context) }
    }

    func loginForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        if case .session = try await authenticator.session(request) {
            return ConsoleRenderer.redirect(Self.safeNext(request.uri.queryParameters.get("next")))
        }
        return renderForm(request, context: context, next: request.uri.queryParameters.get("next") ?? "", username: "", error: nil, status: .ok)
    }

    func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await FormFields.read(&request, context: context)
        let typed = form["username"] ?? ""
        // Usernames are at most 64 bytes: a longer one is an unknown user, shown and audited cut to 64 bytes.
        let tooLong = typed.utf8.count > BoundedText.maxUsernameBytes
        let username = BoundedText.truncate(typed, maxBytes: BoundedText.maxUsernameBytes)
        let password = form.raw("password")
        let next = form["next"] ?? ""
        let now = clock()
        guard let directory else {
            return renderForm(request, context: context, next: next, username: username, error: "login.unavailable", status: .serviceUnavailable)
        }
        let client = context.clientAddress
        if case .throttled(let wait) = throttle.decision(client: client, username: username, at: now) {
            var response = renderForm(request, context: context, next: next, username: username, error: "login.throttled", status: .tooManyRequests)
            response.headers[.retryAfter] = String(wait)
            return response
        }
        let attempt: LoginAttempt = tooLong ? .unknownUser : try await directory.beginLogin(username: username, at: now, policy: settings.lockout)
        let credentials: StaffCredentials
        let locksOnFailure: Bool
        switch attempt {
        case .unknownUser:
            _ = await StaffSecrets.checkPassword(password, hash: dummyHash)
            throttle.recordFailure(client: client, username: username, at: now)
            try await audit.record(actor: username, action: "login.failure", subject: "user:\(username)", detail: "unknown user")
            return renderForm(request, context: context, next: next, username: username, error: "login.failed", status: .unauthorized)
        case .locked(let found):
            // Refused before bcrypt: the lock was decided in the same step that would have admitted the check.
            throttle.recordFailure(client: client, username: username, at: now)
            try await audit.record(
                actor: username,
                action: "login.locked",
                subject: "user:\(username)",
                detail: "rejected while locked",
                enterprise: found.user.enterpriseId
            )
            return renderForm(request, context: context, next: next, username: username, error: "login.locked", status: .tooManyRequests)
        case .admitted(let found, let last):
            credentials = found
            locksOnFailure = last
        }
        let enterprise = credentials.user.enterpriseId
        let matches = await StaffSecrets.checkPassword(password, hash: credentials.passwordHash)
        guard matches, !credentials.user.disabled else {
            // The failure was counted (and the lock set, for the last allowed attempt) when the check was admitted.
            throttle.recordFailure(client: client, username: username, at: now)
            let lockedNow = locksOnFailure
            let detail = credentials.user.disabled ? "user disabled" : "wrong password"
            try await audit.record(
                actor: username,
                action: lockedNow ? "login.lockout" : "login.failure",
                subject: "user:\(username)",
                detail: lockedNow ? "\(detail); locked for \(settings.lockout.lockSeconds) s" : detail,
                enterprise: enterprise
            )
            let message = lockedNow ? "login.locked" : "login.failed"
            return renderForm(
                request,
                context: context,
                next: next,
                username: username,
                error: message,
                status: lockedNow ? .tooManyRequests : .unauthorized
            )
        }
        try await directory.recordSuccessfulLogin(username: username, at: now)
        throttle.recordSuccess(username: username)
        let secret = StaffSecrets.randomToken()
        let session = StaffSession(
            digest: StaffSecrets.digest(secret),
            userId: credentials.user.id,
            csrfToken: StaffSecrets.randomToken(),
            createdAt: now,
            expiresAt: now.adding(seconds: settings.sessionSeconds)
        )
        try await directory.createSession(session)
        try await audit.record(actor: username, action: "login.success", subject: "user:\(username)", enterprise: enterprise)
        var response = ConsoleRenderer.redirect(Self.safeNext(next))
        let secure = ConsoleCookies.isSecure(request, settings: settings)
        response.setCookie(ConsoleCookies.session(secret, maxAge: Int(settings.sessionSeconds), secure: secure))
        response.setCookie(ConsoleCookies.loginCSRF("", secure: secure))
        return response
    }

    func logout(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let session = context.session, let directory {
            try await directory.deleteSession(digest: session.digest)
        }
        if let principal = context.principal {
            try await audit.record(
                actor: principal.auditActor,
                action: "session.logout",
                subject: "user:\(principal.user.username)",
                enterprise: principal.user.enterpriseId
            )
        }
        var response = ConsoleRenderer.redirect("/console/login")
        response.setCookie(ConsoleCookies.session("", maxAge: 0, secure: ConsoleCookies.isSecure(request, settings: settings)))
        return response
    }

    private func renderForm(
        _ request: Request,
        context: AppRequestContext,
        next: String,
        username: String,
        error: String?,
        status: HTTPResponse.Status
    ) -> Response {
        let token = StaffSecrets.randomToken()
        var data: [String: Any] = ["loginCSRF": token, "next": next, "username": username]
        if let error { data["error"] = ConsoleStrings.text(error, context.language) }
        let other: ConsoleLanguage = context.language == .zh ? .en : .zh
        var href = "/console/login?lang=\(other.rawValue)"
        if !next.isEmpty { href += "&next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") }
        data["languageHref"] = href
        var response = renderer.page("login", titleKey: "login.title", active: nil, data: data, request: request, context: context, status: status)
        response.setCookie(ConsoleCookies.loginCSRF(token, secure: ConsoleCookies.isSecure(request, settings: settings)))
        return response
    }

    /// Only console paths on this site are followed after login (no open redirects).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/console"), !next.hasPrefix("//"), !next.contains("\\"), !next.hasPrefix("/console/login") else {
            return "/console/orders"
        }
        return next
    }
}
