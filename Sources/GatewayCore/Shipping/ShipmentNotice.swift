/// What the gateway asks a platform to record: one shipment of one order (发货回传, issue #17).
///
/// Built from a stored shipment and its outbox entry; a connector turns it into the platform's "mark as shipped" call
/// (`shipping.md` §8b.1–§8b.6).
public struct ShipmentNotice: Sendable, Hashable {
    /// The outbox entry's id: stable across retries, used as the platform's idempotency key where it has one (Doudian
    /// `request_id`).
    public var writeBackId: Int64
    /// The platform's order id (the parent order).
    public var platformOrderId: String
    /// The courier.
    public var courier: Courier
    /// The courier's code on this platform (``Courier/code(on:)``).
    public var courierCode: String
    /// The tracking number (运单号).
    public var trackingNumber: String
    /// The shipped lines and quantities; `nil` = the whole order.
    public var lines: [ShippedLine]?
    /// The tracking number this notice replaces (a staff correction sent with the platform's edit call), `nil` for a
    /// first send.
    public var replacingTrackingNumber: String?

    /// Creates a notice.
    public init(
        writeBackId: Int64,
        platformOrderId: String,
        courier: Courier,
        courierCode: String,
        trackingNumber: String,
        lines: [ShippedLine]?,
        replacingTrackingNumber: String? = nil
    ) {
        self.writeBackId = writeBackId
        self.platformOrderId = platformOrderId
        self.courier = courier
        self.courierCode = courierCode
        self.trackingNumber = trackingNumber
        self.lines = lines
        self.replacingTrackingNumber = replacingTrackingNumber
    }
}

/// One line of a shipment: the platform's line id (sub-order id) and how many units left in this parcel.
public struct ShippedLine: Sendable, Hashable, Codable {
    /// The platform's line id (``OrderLine/lineId``).
    public var lineId: String
    /// Units shipped, at least 1.
    public var quantity: Int

    /// Creates a line.
    public init(lineId: String, quantity: Int) {
        self.lineId = lineId
        self.quantity = quantity
    }
}
