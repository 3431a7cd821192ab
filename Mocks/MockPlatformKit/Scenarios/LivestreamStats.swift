/// Counts of what a livestream did on one platform (or in all).
public struct LivestreamStats: Sendable, Hashable, Codable {
    /// Orders the scenario plans.
    public var ordersPlanned = 0
    /// Orders placed so far.
    public var ordersPlaced = 0
    /// Orders paid.
    public var ordersPaid = 0
    /// Orders cancelled (before or after payment).
    public var ordersCancelled = 0
    /// Lines refunded after shipment.
    public var refunds = 0
    /// Pushes sent (repeats included).
    public var pushesSent = 0
    /// Pushes the gateway acknowledged.
    public var acknowledged = 0
    /// Pushes sent a second time.
    public var duplicatesSent = 0
    /// Pushes held back so later ones overtook them.
    public var outOfOrder = 0
    /// Pushes never sent.
    public var dropped = 0
    /// Pushes sent after the livestream ended.
    public var late = 0
    /// Pushes that failed (no acknowledgement after the platform's retries).
    public var failures = 0

    /// Creates empty stats.
    public init() {}

    /// Adds another set of counts.
    public mutating func add(_ other: LivestreamStats) {
        ordersPlanned += other.ordersPlanned
        ordersPlaced += other.ordersPlaced
        ordersPaid += other.ordersPaid
        ordersCancelled += other.ordersCancelled
        refunds += other.refunds
        pushesSent += other.pushesSent
        acknowledged += other.acknowledged
        duplicatesSent += other.duplicatesSent
        outOfOrder += other.outOfOrder
        dropped += other.dropped
        late += other.late
        failures += other.failures
    }
}
