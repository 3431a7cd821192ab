/// One configured shop's connection to its platform: decodes stored deliveries, fetches order
/// details, and pages through poll windows.
public protocol PlatformConnector: Sendable {
    /// The platform.
    var platform: Platform { get }
    /// The configured shop key.
    var shop: String { get }
    /// Poll windows this platform accepts.
    var pollPolicy: PollPolicy { get }

    /// Decodes one stored delivery (push message or poll row) into observations.
    ///
    /// - Throws: when the payload cannot be understood; the pipeline records the failure.
    func observations(from entry: InboxEntry) throws -> [OrderObservation]

    /// Fetches the full current state of one order from the platform API.
    func fetchOrder(platformOrderId: String) async throws -> PreparedObservation

    /// Lists every order updated within `[from, to]`, as inbox deliveries keyed by order id and update time.
    func poll(from: Timestamp, to: Timestamp) async throws -> [InboxDelivery]
}

/// How a platform may be polled.
public struct PollPolicy: Sendable, Hashable {
    /// Longest window one request may cover, in seconds.
    public var maxWindowSeconds: Int64
    /// How far behind the present a window must end, in seconds (PDD: 180).
    public var settleSeconds: Int64
    /// How much each window overlaps the previous one, in seconds.
    public var overlapSeconds: Int64

    /// Creates a poll policy.
    public init(maxWindowSeconds: Int64, settleSeconds: Int64 = 0, overlapSeconds: Int64 = 60) {
        self.maxWindowSeconds = maxWindowSeconds
        self.settleSeconds = settleSeconds
        self.overlapSeconds = overlapSeconds
    }
}
