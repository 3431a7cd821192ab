/// One line on an order's timeline: an observation and the merge decision taken on it.
public struct TimelineEntry: Sendable, Hashable, Codable {
    /// The inbox entry the observation came from (`nil` never happens for now; kept for manual edits later).
    public var inboxId: Int64?
    /// The delivery id (push message id or poll key).
    public var deliveryId: String
    /// How many times that delivery arrived (duplicates absorbed = count − 1).
    public var receivedCount: Int
    /// Where the observation came from.
    public var source: ObservationSource
    /// A short description of the event.
    public var event: String
    /// The merge decision.
    public var decision: MergeDecision
    /// Status before the merge (`nil` if the order was new).
    public var statusBefore: OrderStatus?
    /// Status after the merge.
    public var statusAfter: OrderStatus
    /// The platform update time the observation carried.
    public var platformUpdatedAt: Timestamp
    /// When the gateway recorded it.
    public var recordedAt: Timestamp
    /// The raw payload (empty when it was not asked for, or after retention deleted it).
    public var rawPayload: String
    /// When retention deleted the raw payload (`retention.payload_days` after it was recorded), if it did.
    public var payloadDeletedAt: Timestamp?

    /// Creates a timeline entry.
    public init(
        inboxId: Int64?,
        deliveryId: String,
        receivedCount: Int,
        source: ObservationSource,
        event: String,
        decision: MergeDecision,
        statusBefore: OrderStatus?,
        statusAfter: OrderStatus,
        platformUpdatedAt: Timestamp,
        recordedAt: Timestamp,
        rawPayload: String,
        payloadDeletedAt: Timestamp? = nil
    ) {
        self.inboxId = inboxId
        self.deliveryId = deliveryId
        self.receivedCount = receivedCount
        self.source = source
        self.event = event
        self.decision = decision
        self.statusBefore = statusBefore
        self.statusAfter = statusAfter
        self.platformUpdatedAt = platformUpdatedAt
        self.recordedAt = recordedAt
        self.rawPayload = rawPayload
        self.payloadDeletedAt = payloadDeletedAt
    }
}
