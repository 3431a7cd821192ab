/// Where a livestream scenario run has got to; passed to the progress callback after every order.
public struct LivestreamProgress: Sendable, Equatable {
    /// Orders the run will create.
    public var ordersPlanned: Int
    /// Orders created so far.
    public var ordersCreated: Int
    /// Orders whose pushes have all been answered (or have failed).
    public var ordersDelivered: Int
    /// HTTP pushes answered so far (duplicates included).
    public var pushesSent: Int
    /// Pushes the gateway acknowledged.
    public var acknowledged: Int
    /// Pushes that failed (transport error or no acknowledgement).
    public var failures: Int
    /// Messages deliberately never pushed.
    public var dropped: Int
    /// Deliberate repeat deliveries sent.
    public var duplicatesSent: Int

    /// Creates a progress snapshot.
    public init(
        ordersPlanned: Int = 0,
        ordersCreated: Int = 0,
        ordersDelivered: Int = 0,
        pushesSent: Int = 0,
        acknowledged: Int = 0,
        failures: Int = 0,
        dropped: Int = 0,
        duplicatesSent: Int = 0
    ) {
        self.ordersPlanned = ordersPlanned
        self.ordersCreated = ordersCreated
        self.ordersDelivered = ordersDelivered
        self.pushesSent = pushesSent
        self.acknowledged = acknowledged
        self.failures = failures
        self.dropped = dropped
        self.duplicatesSent = duplicatesSent
    }
}
