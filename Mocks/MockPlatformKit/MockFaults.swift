/// Faults the mock injects into its open API answers, to exercise the gateway's retries and back-off.
///
/// Randomness is seeded from the platform's seed, so a run with the same seed and the same sequence of
/// requests injects the same faults.
public struct MockFaults: Sendable, Equatable, Codable {
    /// Share of API requests (0…1) answered with a system error: half as Douyin's business-shaped
    /// `code 50000` (HTTP 200), half as a bare HTTP 503.
    public var errorRate: Double
    /// Share of API requests (0…1) answered only after ``slowMilliseconds``.
    public var slowRate: Double
    /// Delay of a slow answer, in milliseconds.
    public var slowMilliseconds: Int
    /// Requests per second allowed per `app_key`; above it the frequency-limit error is returned. Nil: unlimited.
    public var rateLimitPerSecond: Int?

    /// Creates a fault profile; the defaults inject nothing.
    /// - Parameters:
    ///   - errorRate: share of requests answered with a system error.
    ///   - slowRate: share of requests answered slowly.
    ///   - slowMilliseconds: delay of a slow answer.
    ///   - rateLimitPerSecond: requests per second allowed per `app_key`, nil for no limit.
    public init(errorRate: Double = 0, slowRate: Double = 0, slowMilliseconds: Int = 1500, rateLimitPerSecond: Int? = nil) {
        self.errorRate = errorRate
        self.slowRate = slowRate
        self.slowMilliseconds = slowMilliseconds
        self.rateLimitPerSecond = rateLimitPerSecond
    }

    /// No faults.
    public static let none = MockFaults()
}
