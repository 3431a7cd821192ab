/// Lock-out after repeated failed logins: after ``maxFailures`` consecutive failures the account
/// is locked for ``lockSeconds``; a successful login resets the count.
public struct LockoutPolicy: Sendable, Hashable, Codable {
    /// Consecutive failures that lock the account.
    public var maxFailures: Int
    /// How long a lock lasts, in seconds.
    public var lockSeconds: Int64

    /// Creates a policy (defaults: 5 failures, 15 minutes).
    public init(maxFailures: Int = 5, lockSeconds: Int64 = 15 * 60) {
        self.maxFailures = max(1, maxFailures)
        self.lockSeconds = max(1, lockSeconds)
    }

    /// The state after one more failure at `now`.
    /// - Parameters:
    ///   - failures: consecutive failures before this one.
    ///   - now: when this failure happened.
    /// - Returns: the new failure count and, when the count reached ``maxFailures``, the end of the lock
    ///   (the count starts over once a lock is set).
    public func afterFailure(failures: Int, at now: Timestamp) -> (failures: Int, lockedUntil: Timestamp?) {
        let count = failures + 1
        if count >= maxFailures { return (0, now.adding(seconds: lockSeconds)) }
        return (count, nil)
    }
}
