/// Counts failures per key and says when a key must wait: the per-client and per-username throttle of sign-in
/// (and of unknown API tokens). Pure and bounded: at most ``capacity`` keys are remembered; when full, keys whose
/// bucket has refilled are forgotten first, then the least recently failed one.
///
/// Each key has a bucket of ``ThrottlePolicy/burst`` tokens; a failure takes one; a token comes back every
/// ``ThrottlePolicy/refillMilliseconds``. A key with no token left is throttled until the next one comes back.
public struct FailureThrottle: Sendable {
    /// The outcome of asking whether a key may try.
    public enum Decision: Sendable, Hashable {
        /// The key may try now.
        case allowed
        /// The key must wait this many whole seconds (at least 1) — the `Retry-After` value.
        case throttled(retryAfterSeconds: Int64)
    }

    struct Bucket: Sendable {
        /// Tokens left as of ``updated``, in thousandths (so refills of less than one token are kept).
        var milliTokens: Int64
        var updated: Timestamp
    }

    /// The policy applied to every key.
    public let policy: ThrottlePolicy
    /// How many keys are remembered at most.
    public let capacity: Int
    private var buckets: [String: Bucket] = [:]

    /// Creates an empty throttle.
    /// - Parameters:
    ///   - policy: burst and refill.
    ///   - capacity: the most keys remembered (at least 1; default 4,096).
    public init(policy: ThrottlePolicy, capacity: Int = 4096) {
        self.policy = policy
        self.capacity = max(1, capacity)
    }

    /// How many keys are remembered now.
    public var count: Int { buckets.count }

    /// Whether `key` may try at `now`.
    public func decision(for key: String, at now: Timestamp) -> Decision {
        guard let bucket = buckets[key] else { return .allowed }
        let tokens = refilled(bucket, at: now)
        if tokens >= 1000 { return .allowed }
        // Time until the bucket holds one whole token again.
        let missing = 1000 - tokens
        let waitMilliseconds = (missing * policy.refillMilliseconds + 999) / 1000
        return .throttled(retryAfterSeconds: max(1, (waitMilliseconds + 999) / 1000))
    }

    /// Records one failure of `key` at `now`.
    public mutating func recordFailure(for key: String, at now: Timestamp) {
        let full = Int64(policy.burst) * 1000
        var bucket = buckets[key] ?? Bucket(milliTokens: full, updated: now)
        bucket.milliTokens = max(0, refilled(bucket, at: now) - 1000)
        bucket.updated = max(bucket.updated, now)
        if buckets[key] == nil, buckets.count >= capacity { evict(at: now) }
        buckets[key] = bucket
    }

    /// Forgets `key` (after a successful sign-in).
    public mutating func reset(_ key: String) {
        buckets[key] = nil
    }

    /// Tokens of `bucket` at `now`, in thousandths, capped at the burst.
    private func refilled(_ bucket: Bucket, at now: Timestamp) -> Int64 {
        let full = Int64(policy.burst) * 1000
        // Clock readings come from the process clock, but a step backwards must not add tokens or overflow.
        let elapsed = max(0, now.millisecondsSince1970.subtractingReportingOverflow(bucket.updated.millisecondsSince1970).partialValue)
        // Whole refill periods beyond a full bucket add nothing; capping first keeps the product small.
        let cappedElapsed = min(elapsed, policy.refillMilliseconds * Int64(policy.burst))
        let earned = cappedElapsed * 1000 / policy.refillMilliseconds
        return min(full, bucket.milliTokens + earned)
    }

    /// Makes room for one key: forgets every key whose bucket is full again, or else the least recently failed.
    private mutating func evict(at now: Timestamp) {
        let full = Int64(policy.burst) * 1000
        let refilledKeys = buckets.filter { refilled($0.value, at: now) >= full }.map(\.key)
        if !refilledKeys.isEmpty {
            for key in refilledKeys { buckets[key] = nil }
            return
        }
        if let oldest = buckets.min(by: { $0.value.updated < $1.value.updated })?.key {
            buckets[oldest] = nil
        }
    }
}
