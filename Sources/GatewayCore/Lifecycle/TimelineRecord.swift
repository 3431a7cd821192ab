/// One timeline row to write: what one observation did to its order (``OrderLifecycle`` decides, the store adds the
/// time it recorded it).
public struct TimelineRecord: Sendable, Hashable {
    /// The order.
    public var order: OrderKey
    /// The inbox entry the observation came from.
    public var inboxId: Int64
    /// The delivery's id.
    public var deliveryId: String
    /// Push, poll or detail.
    public var source: ObservationSource
    /// The platform's event name.
    public var event: String
    /// What the merge did.
    public var decision: MergeDecision
    /// The status before (`nil`: the order was new).
    public var statusBefore: OrderStatus?
    /// The status after.
    public var statusAfter: OrderStatus
    /// The platform's update time of the observation.
    public var platformUpdatedAt: Timestamp
    /// The raw payload (the store seals it).
    public var rawPayload: String

    /// Creates a record.
    public init(
        order: OrderKey,
        inboxId: Int64,
        deliveryId: String,
        source: ObservationSource,
        event: String,
        decision: MergeDecision,
        statusBefore: OrderStatus?,
        statusAfter: OrderStatus,
        platformUpdatedAt: Timestamp,
        rawPayload: String
    ) {
        self.order = order
        self.inboxId = inboxId
        self.deliveryId = deliveryId
        self.source = source
        self.event = event
        self.decision = decision
        self.statusBefore = statusBefore
        self.statusAfter = statusAfter
        self.platformUpdatedAt = platformUpdatedAt
        self.rawPayload = rawPayload
    }
}
