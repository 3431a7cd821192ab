/// How a simulated county-head livestream behaves: its size and pace, and how the platforms misbehave.
public struct LivestreamOptions: Sendable, Hashable {
    /// Orders placed in all.
    public var orders: Int
    /// Average orders per second (the peaks are several times higher).
    public var ratePerSecond: Double
    /// Length of the livestream in seconds; by default `orders / ratePerSecond`.
    public var durationSeconds: Double?
    /// Same seed, same livestream.
    public var seed: UInt64
    /// Share of pushes delivered a second time (platform retries).
    public var duplicateRate: Double
    /// Share of pushes held back so that later pushes overtake them.
    public var outOfOrderRate: Double
    /// Share of pushes never delivered (only polling finds them).
    public var dropRate: Double
    /// Share of pushes delivered only after the livestream ends ("hours late").
    public var lateRate: Double
    /// Share of platform API calls answered with a 5xx or a system error.
    public var errorRate: Double
    /// Share of platform API calls answered slowly.
    public var slowRate: Double
    /// Platform API calls allowed per second per app key; above it the platform answers with its
    /// rate-limit error (`nil`: no limit).
    public var apiRateLimitPerSecond: Int?
    /// Share of orders cancelled (half before payment, half after).
    public var cancelRate: Double
    /// Share of orders refunded after shipment.
    public var refundRate: Double
    /// Share of paid orders shipped during the livestream.
    public var shipRate: Double
    /// Pushes in flight at once.
    public var maxConcurrentPushes: Int

    /// Creates options; the defaults are a realistic, mildly misbehaving livestream.
    public init(
        orders: Int = 600,
        ratePerSecond: Double = 40,
        durationSeconds: Double? = nil,
        seed: UInt64 = 2019,
        duplicateRate: Double = 0.1,
        outOfOrderRate: Double = 0.1,
        dropRate: Double = 0.05,
        lateRate: Double = 0.02,
        errorRate: Double = 0.02,
        slowRate: Double = 0.02,
        apiRateLimitPerSecond: Int? = nil,
        cancelRate: Double = 0.1,
        refundRate: Double = 0.04,
        shipRate: Double = 0.3,
        maxConcurrentPushes: Int = 32
    ) {
        self.orders = orders
        self.ratePerSecond = ratePerSecond
        self.durationSeconds = durationSeconds
        self.seed = seed
        self.duplicateRate = duplicateRate
        self.outOfOrderRate = outOfOrderRate
        self.dropRate = dropRate
        self.lateRate = lateRate
        self.errorRate = errorRate
        self.slowRate = slowRate
        self.apiRateLimitPerSecond = apiRateLimitPerSecond
        self.cancelRate = cancelRate
        self.refundRate = refundRate
        self.shipRate = shipRate
        self.maxConcurrentPushes = maxConcurrentPushes
    }

    /// The livestream's length in seconds.
    public var effectiveDuration: Double { durationSeconds ?? Double(max(orders, 1)) / max(ratePerSecond, 0.01) }
}
