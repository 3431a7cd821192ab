/// The failure throttles of sign-in and API tokens (`security.*`).
///
/// ## Configuration keys
/// - `security.client_failure_burst` (default `20`, 1…1,000,000): failed sign-ins or unknown bearer tokens a client
///   address may have in a row before `429`.
/// - `security.client_failure_refill_milliseconds` (default `3000`, 1…86,400,000): one more failure allowed after this.
/// - `security.username_failure_burst` (default `10`) and `security.username_failure_refill_milliseconds` (default
///   `30000`): the same per username, known or not.
public struct SecuritySettings: Sendable, Hashable {
    /// Failures in a row per client address before `429`.
    public var clientFailureBurst: Int
    /// Milliseconds after which a client may fail once more.
    public var clientFailureRefillMilliseconds: Int
    /// Failures in a row per username before `429`.
    public var usernameFailureBurst: Int
    /// Milliseconds after which a username may fail once more.
    public var usernameFailureRefillMilliseconds: Int

    /// Creates settings (the defaults are the production values).
    public init(
        clientFailureBurst: Int = 20,
        clientFailureRefillMilliseconds: Int = 3_000,
        usernameFailureBurst: Int = 10,
        usernameFailureRefillMilliseconds: Int = 30_000
    ) {
        self.clientFailureBurst = clientFailureBurst
        self.clientFailureRefillMilliseconds = clientFailureRefillMilliseconds
        self.usernameFailureBurst = usernameFailureBurst
        self.usernameFailureRefillMilliseconds = usernameFailureRefillMilliseconds
    }
}
