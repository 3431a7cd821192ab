public import GatewayCore
public import Prometheus

/// Everything the HTTP layer needs, as ports and plain values.
public struct GatewayHTTPDependencies: Sendable {
    /// Push receivers by shop key.
    public var receivers: [String: any PushReceiver]
    /// The platform of each shop key.
    public var platforms: [String: Platform]
    /// The inbox.
    public var inbox: any InboxStore
    /// Orders and timelines.
    public var orders: any OrderStore
    /// Bearer tokens accepted by the staff API.
    public var apiTokens: [String]
    /// Largest webhook body accepted.
    public var maxBodyBytes: Int
    /// Where `/metrics` reads from.
    public var metricsRegistry: PrometheusCollectorRegistry
    /// The clock.
    public var clock: @Sendable () -> Timestamp

    /// Creates dependencies.
    public init(
        receivers: [String: any PushReceiver],
        platforms: [String: Platform],
        inbox: any InboxStore,
        orders: any OrderStore,
        apiTokens: [String],
        maxBodyBytes: Int,
        metricsRegistry: PrometheusCollectorRegistry,
        clock: @escaping @Sendable () -> Timestamp
    ) {
        self.receivers = receivers
        self.platforms = platforms
        self.inbox = inbox
        self.orders = orders
        self.apiTokens = apiTokens
        self.maxBodyBytes = maxBodyBytes
        self.metricsRegistry = metricsRegistry
        self.clock = clock
    }
}
