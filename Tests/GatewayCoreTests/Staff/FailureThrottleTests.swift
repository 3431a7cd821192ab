import GatewayCore
import Testing

/// The token bucket behind the sign-in throttle: burst, refill, reset, bounds, and no trap on odd clocks.
@Suite struct FailureThrottleTests {
    let start = Timestamp(secondsSince1970: 1_800_000_000)

    @Test func allowsTheBurstThenWaitsForTheRefill() {
        var throttle = FailureThrottle(policy: ThrottlePolicy(burst: 3, refillMilliseconds: 10_000))
        for _ in 0..<3 {
            #expect(throttle.decision(for: "k", at: start) == .allowed)
            throttle.recordFailure(for: "k", at: start)
        }
        #expect(throttle.decision(for: "k", at: start) == .throttled(retryAfterSeconds: 10))
        #expect(throttle.decision(for: "k", at: start.adding(milliseconds: 9_001)) == .throttled(retryAfterSeconds: 1))
        #expect(throttle.decision(for: "k", at: start.adding(milliseconds: 10_000)) == .allowed)
        // One token back means one more failure, not a whole burst.
        throttle.recordFailure(for: "k", at: start.adding(milliseconds: 10_000))
        #expect(throttle.decision(for: "k", at: start.adding(milliseconds: 10_000)) == .throttled(retryAfterSeconds: 10))
        // A long quiet time refills the bucket to the burst, no further.
        let later = start.adding(seconds: 3600)
        for _ in 0..<3 { throttle.recordFailure(for: "k", at: later) }
        #expect(throttle.decision(for: "k", at: later) != .allowed)
        #expect(throttle.decision(for: "other", at: later) == .allowed)
    }

    @Test func resetForgetsTheKey() {
        var throttle = FailureThrottle(policy: ThrottlePolicy(burst: 1, refillMilliseconds: 60_000))
        throttle.recordFailure(for: "k", at: start)
        #expect(throttle.decision(for: "k", at: start) == .throttled(retryAfterSeconds: 60))
        throttle.reset("k")
        #expect(throttle.decision(for: "k", at: start) == .allowed)
        #expect(throttle.count == 0)
    }

    /// A flood of distinct keys never grows the map past its capacity, and a key that is being throttled survives
    /// the flood while keys that have refilled are forgotten first.
    @Test func staysWithinCapacityAndKeepsThrottledKeys() {
        var throttle = FailureThrottle(policy: ThrottlePolicy(burst: 2, refillMilliseconds: 1_000), capacity: 64)
        throttle.recordFailure(for: "attacker", at: start)
        throttle.recordFailure(for: "attacker", at: start)
        for index in 0..<10_000 {
            // One failure each: after a second the bucket is full again, so these are forgotten first.
            throttle.recordFailure(for: "ip-\(index)", at: start.adding(milliseconds: Int64(index) * 10))
            #expect(throttle.count <= 64)
            // Keep the attacker busy.
            if index % 50 == 0 { throttle.recordFailure(for: "attacker", at: start.adding(milliseconds: Int64(index) * 10)) }
        }
        #expect(throttle.decision(for: "attacker", at: start.adding(milliseconds: 99_990)) != .allowed)
    }

    /// The clock going backwards adds no tokens; extreme timestamps and policies do not trap.
    @Test func oddClocksAndPoliciesDoNotTrap() {
        var throttle = FailureThrottle(policy: ThrottlePolicy(burst: 1, refillMilliseconds: 5_000))
        throttle.recordFailure(for: "k", at: start)
        #expect(throttle.decision(for: "k", at: start.adding(seconds: -3600)) != .allowed)
        for time in [Int64.min, -1, 0, Int64.max] {
            let now = Timestamp(millisecondsSince1970: time)
            throttle.recordFailure(for: "k", at: now)
            _ = throttle.decision(for: "k", at: now)
        }
        let clamped = ThrottlePolicy(burst: Int.max, refillMilliseconds: Int64.max)
        #expect(clamped.burst == 1_000_000 && clamped.refillMilliseconds == 86_400_000)
        var wide = FailureThrottle(policy: clamped)
        wide.recordFailure(for: "k", at: Timestamp(millisecondsSince1970: Int64.max))
        #expect(wide.decision(for: "k", at: Timestamp(millisecondsSince1970: Int64.min)) == .allowed)
        let zero = ThrottlePolicy(burst: -5, refillMilliseconds: 0)
        #expect(zero.burst == 1 && zero.refillMilliseconds == 1)
    }
}
