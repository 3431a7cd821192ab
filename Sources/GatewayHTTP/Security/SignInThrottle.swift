import GatewayCore
import Synchronization

/// The per-client and per-username failure throttle in front of sign-in and API tokens (one per process).
///
/// A client address or username that failed too often is answered `429` with `Retry-After` *before* any
/// password or token is checked, so a flood of guesses costs neither bcrypt time nor database writes. Both
/// maps are bounded (``FailureThrottle/capacity``). Policies come from ``StaffAccessSettings``.
final class SignInThrottle: Sendable {
    private let clients: Mutex<FailureThrottle>
    private let usernames: Mutex<FailureThrottle>

    /// Creates a throttle with the settings' policies.
    init(settings: StaffAccessSettings) {
        clients = Mutex(FailureThrottle(policy: settings.clientThrottle))
        usernames = Mutex(FailureThrottle(policy: settings.usernameThrottle))
    }

    /// Whether the client (and, for sign-in, the username) may try now; the longer wait when both are throttled.
    func decision(client: String, username: String? = nil, at now: Timestamp) -> FailureThrottle.Decision {
        let byClient = clients.withLock { $0.decision(for: client, at: now) }
        let byUsername = username.map { name in usernames.withLock { $0.decision(for: name, at: now) } } ?? .allowed
        switch (byClient, byUsername) {
        case (.allowed, .allowed): return .allowed
        case (.throttled(let a), .throttled(let b)): return .throttled(retryAfterSeconds: max(a, b))
        case (.throttled, .allowed): return byClient
        case (.allowed, .throttled): return byUsername
        }
    }

    /// Counts a failure against the client and, when given, the username (as typed, already cut to
    /// ``BoundedText/maxUsernameBytes``).
    func recordFailure(client: String, username: String? = nil, at now: Timestamp) {
        clients.withLock { $0.recordFailure(for: client, at: now) }
        if let username { usernames.withLock { $0.recordFailure(for: username, at: now) } }
    }

    /// Clears the username's failures after a successful sign-in (the client's stay: one success does not
    /// excuse a client's other guesses).
    func recordSuccess(username: String) {
        usernames.withLock { $0.reset(username) }
    }
}
