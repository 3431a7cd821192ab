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
    /// Share of stock writes (0…1) that the platform **applies** and whose answer is then lost: the stock
    /// changes, and after ``lostAnswerDelayMilliseconds`` the caller gets a bare HTTP 504 instead of the
    /// success answer, so it cannot tell whether its write happened (a gateway timeout in front of the
    /// platform, a dropped connection). Honoured by Kuaishou's `open.item.sku.stock.update` (the one
    /// increment-only stock write, where re-sending an applied write would change the stock twice).
    public var lostAnswerRate: Double
    /// How long a lost answer is held before the 504, in milliseconds (0: at once). Longer than the
    /// caller's timeout, the caller sees a timeout instead.
    public var lostAnswerDelayMilliseconds: Int

    /// Creates a fault profile; the defaults inject nothing.
    /// - Parameters:
    ///   - errorRate: share of requests answered with a system error.
    ///   - slowRate: share of requests answered slowly.
    ///   - slowMilliseconds: delay of a slow answer.
    ///   - rateLimitPerSecond: requests per second allowed per `app_key`, nil for no limit.
    ///   - lostAnswerRate: share of stock writes applied and then answered with a bare HTTP 504.
    ///   - lostAnswerDelayMilliseconds: delay before such a lost answer.
    public init(
        errorRate: Double = 0,
        slowRate: Double = 0,
        slowMilliseconds: Int = 1500,
        rateLimitPerSecond: Int? = nil,
        lostAnswerRate: Double = 0,
        lostAnswerDelayMilliseconds: Int = 0
    ) {
        self.errorRate = errorRate
        self.slowRate = slowRate
        self.slowMilliseconds = slowMilliseconds
        self.rateLimitPerSecond = rateLimitPerSecond
        self.lostAnswerRate = lostAnswerRate
        self.lostAnswerDelayMilliseconds = lostAnswerDelayMilliseconds
    }

    /// No faults.
    public static let none = MockFaults()
}
