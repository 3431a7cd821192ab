public import GatewayCore

/// One shop on one platform.
///
/// ## Configuration keys (under `shops[]`)
/// - `key` (required): the `{shop}` in webhook paths; unique.
/// - `platform` (required): `douyin`, `kuaishou`, `pinduoduo`, `taobao`, `wechat-channels`, `youzan`, `standard`.
/// - `enterprise` (required): the enterprise the shop sells for.
/// - `api_base`: the platform API root (the mock platform in tests and the demo).
/// - `credentials`: per platform (``GatewayCore/Platform/requiredCredentials``); values may be `${ENV}` or `${ENV:-default}`.
/// - `poll.enabled` (default `true` where `api_base` is set), `poll.interval_seconds` (default `30`),
///   `poll.lookback_seconds` (default `3600`: how far back the first poll reaches),
///   `poll.settle_seconds` (default: the platform's rule, e.g. 180 for Pinduoduo: how far behind now a
///   window must end; lower it only for a platform, like the mock, whose index has no lag).
/// - `rate_limit.requests_per_second` (default `10`), `rate_limit.burst` (default `20`): per shop token.
public struct ShopConfiguration: Sendable, Hashable {
    /// Shop key.
    public var key: String
    /// Platform.
    public var platform: Platform
    /// Enterprise key.
    public var enterprise: String
    /// Platform API root URL, if the shop talks to an API.
    public var apiBase: String?
    /// Credentials by name.
    public var credentials: [String: String]
    /// Polling settings.
    public var poll: PollSettings
    /// API rate limit.
    public var rateLimit: RateLimitSettings
    /// Reconciliation: amount differences up to this many fen count as matched (`reconciliation.tolerance_fen`, default 0).
    public var reconciliationToleranceFen: Int64 = 0

    /// Creates a shop configuration.
    public init(
        key: String,
        platform: Platform,
        enterprise: String,
        apiBase: String? = nil,
        credentials: [String: String],
        poll: PollSettings = PollSettings(),
        rateLimit: RateLimitSettings = RateLimitSettings()
    ) {
        self.key = key
        self.platform = platform
        self.enterprise = enterprise
        self.apiBase = apiBase
        self.credentials = credentials
        self.poll = poll
        self.rateLimit = rateLimit
    }

    /// A credential value; empty when not configured (validation guarantees required ones exist).
    public func credential(_ name: String) -> String { credentials[name] ?? "" }
}

/// Polling settings of a shop.
public struct PollSettings: Sendable, Hashable {
    /// Whether the backstop poller runs for the shop.
    public var enabled: Bool
    /// Seconds between polls.
    public var intervalSeconds: Double
    /// How far back the first poll reaches when no cursor is stored.
    public var lookbackSeconds: Int64
    /// Overrides how far behind now a window must end (`nil`: the platform's own rule).
    public var settleSeconds: Int64?

    /// Creates poll settings.
    public init(enabled: Bool = true, intervalSeconds: Double = 30, lookbackSeconds: Int64 = 3600, settleSeconds: Int64? = nil) {
        self.enabled = enabled
        self.intervalSeconds = intervalSeconds
        self.lookbackSeconds = lookbackSeconds
        self.settleSeconds = settleSeconds
    }
}

/// A token-bucket rate limit for a shop's API calls.
public struct RateLimitSettings: Sendable, Hashable {
    /// Sustained requests per second.
    public var requestsPerSecond: Double
    /// Requests allowed in a burst.
    public var burst: Int

    /// Creates rate limit settings.
    public init(requestsPerSecond: Double = 10, burst: Int = 20) {
        self.requestsPerSecond = requestsPerSecond
        self.burst = burst
    }
}
