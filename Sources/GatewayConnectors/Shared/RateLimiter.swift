/// A token bucket: at most `burst` requests at once, refilled at `ratePerSecond`.
///
/// One per shop token, so a burst of detail fetches during a flash sale stays inside the
/// platform's limits.
public actor RateLimiter {
    private let ratePerSecond: Double
    private let burst: Double
    private var tokens: Double
    private var last: ContinuousClock.Instant

    /// Creates a limiter.
    public init(ratePerSecond: Double, burst: Int) {
        self.ratePerSecond = max(ratePerSecond, 0.001)
        self.burst = Double(max(burst, 1))
        self.tokens = Double(max(burst, 1))
        self.last = .now
    }

    /// Waits until a request may be sent.
    public func acquire() async throws {
        while true {
            refill()
            if tokens >= 1 {
                tokens -= 1
                return
            }
            let wait = (1 - tokens) / ratePerSecond
            try await Task.sleep(for: .milliseconds(Int(wait * 1000) + 1))
        }
    }

    private func refill() {
        let now = ContinuousClock.now
        let elapsed = last.duration(to: now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        tokens = min(burst, tokens + seconds * ratePerSecond)
        last = now
    }
}
