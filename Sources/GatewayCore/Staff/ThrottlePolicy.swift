/// How many failures a key (a client address, a username) may have before it is throttled, and how fast it
/// earns them back: a token bucket of ``burst`` failures refilled by one every ``refillMilliseconds``.
public struct ThrottlePolicy: Sendable, Hashable {
    /// Failures allowed in a row before the key is throttled (at least 1).
    public var burst: Int
    /// Milliseconds after which one more failure is allowed again (at least 1).
    public var refillMilliseconds: Int64

    /// Creates a policy; values below 1 become 1, so the bucket arithmetic cannot overflow or divide by zero.
    public init(burst: Int, refillMilliseconds: Int64) {
        self.burst = min(max(1, burst), 1_000_000)
        self.refillMilliseconds = min(max(1, refillMilliseconds), 86_400_000)
    }

    /// Per client address: 20 failures in a row, then one every 3 s (20 per minute).
    public static let perClient = ThrottlePolicy(burst: 20, refillMilliseconds: 3_000)
    /// Per username (known or not): 10 failures in a row, then one every 30 s.
    public static let perUsername = ThrottlePolicy(burst: 10, refillMilliseconds: 30_000)
}
