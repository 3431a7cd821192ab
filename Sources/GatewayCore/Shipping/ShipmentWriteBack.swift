/// One shipment's write-back to its platform, as the outbox holds it (``WriteBackLifecycle``).
public struct ShipmentWriteBack: Sendable, Hashable {
    /// The outbox entry's id (also the Doudian `request_id` seed).
    public var id: Int64
    /// The shipment.
    public var shipmentId: Int64
    /// The order.
    public var order: OrderKey
    /// Where it is.
    public var state: WriteBackLifecycle.State
    /// The tracking number to write.
    public var trackingNumber: String
    /// The courier to write.
    public var courier: Courier
    /// The tracking number the platform has and an edit call replaces (`nil`: a first send).
    public var replacingTrackingNumber: String?
    /// The platform's last answer or the last failure, for staff.
    public var lastError: String?
    /// When it last changed.
    public var updatedAt: Timestamp

    /// Creates a write-back.
    public init(
        id: Int64,
        shipmentId: Int64,
        order: OrderKey,
        state: WriteBackLifecycle.State,
        trackingNumber: String,
        courier: Courier,
        replacingTrackingNumber: String? = nil,
        lastError: String? = nil,
        updatedAt: Timestamp
    ) {
        self.id = id
        self.shipmentId = shipmentId
        self.order = order
        self.state = state
        self.trackingNumber = trackingNumber
        self.courier = courier
        self.replacingTrackingNumber = replacingTrackingNumber
        self.lastError = lastError
        self.updatedAt = updatedAt
    }
}
