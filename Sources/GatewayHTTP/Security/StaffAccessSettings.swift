public import GatewayCore

/// How staff sign in: session length, lock-out, bcrypt cost, cookie security.
///
/// ## Configuration keys
/// Set by the composition root (`GatewayServer`); the defaults fit production:
/// - session lifetime 12 hours;
/// - lock-out after 5 failures for 15 minutes;
/// - bcrypt cost 12 (tests use 4);
/// - `Secure` cookies when the request came over TLS or with `X-Forwarded-Proto: https`, or always with `alwaysSecureCookies`;
/// - failure throttles: per client address ``ThrottlePolicy/perClient`` (20 in a row, then one per 3 s) and per
///   username ``ThrottlePolicy/perUsername`` (10 in a row, then one per 30 s); past them `429` with `Retry-After`.
public struct StaffAccessSettings: Sendable {
    /// How long a console session lasts, in seconds.
    public var sessionSeconds: Int64
    /// Lock-out after repeated failed logins.
    public var lockout: LockoutPolicy
    /// Bcrypt cost used for the dummy hash that keeps unknown-user logins as slow as real ones.
    public var passwordCost: Int
    /// Mark cookies `Secure` on every response, not only on TLS/forwarded-https requests.
    public var alwaysSecureCookies: Bool
    /// Failed sign-ins and unknown API tokens per client address before `429`.
    public var clientThrottle: ThrottlePolicy
    /// Failed sign-ins per username (known or not) before `429`.
    public var usernameThrottle: ThrottlePolicy

    /// Creates settings.
    public init(
        sessionSeconds: Int64 = 12 * 3600,
        lockout: LockoutPolicy = LockoutPolicy(),
        passwordCost: Int = 12,
        alwaysSecureCookies: Bool = false,
        clientThrottle: ThrottlePolicy = .perClient,
        usernameThrottle: ThrottlePolicy = .perUsername
    ) {
        self.sessionSeconds = sessionSeconds
        self.lockout = lockout
        self.passwordCost = passwordCost
        self.alwaysSecureCookies = alwaysSecureCookies
        self.clientThrottle = clientThrottle
        self.usernameThrottle = usernameThrottle
    }
}
