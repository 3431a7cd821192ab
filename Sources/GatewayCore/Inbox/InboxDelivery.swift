/// Where a stored delivery came from.
public enum DeliveryKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// A webhook push; the payload is one message as the platform sent it.
    case push
    /// One order from a backstop poll; the payload is the order as the list API returned it.
    case poll
}

/// One raw delivery on its way into the durable inbox.
///
/// Deliveries are de-duplicated by `(platform, shop, deliveryId)`: a push's message id, or for a
/// poll result the order id and the platform update time.
public struct InboxDelivery: Sendable, Hashable, Codable {
    /// The platform the delivery came from.
    public var platform: Platform
    /// The configured shop key.
    public var shop: String
    /// The de-duplication key within the shop.
    public var deliveryId: String
    /// Push or poll.
    public var kind: DeliveryKind
    /// When the gateway received it.
    public var receivedAt: Timestamp
    /// The raw payload bytes (UTF-8 JSON for every platform so far), exactly as verified.
    public var payload: [UInt8]

    /// Creates a delivery.
    public init(platform: Platform, shop: String, deliveryId: String, kind: DeliveryKind, receivedAt: Timestamp, payload: [UInt8]) {
        self.platform = platform
        self.shop = shop
        self.deliveryId = deliveryId
        self.kind = kind
        self.receivedAt = receivedAt
        self.payload = payload
    }

    /// Convenience initialiser from a UTF-8 string payload.
    public init(platform: Platform, shop: String, deliveryId: String, kind: DeliveryKind, receivedAt: Timestamp, text: String) {
        self.init(platform: platform, shop: shop, deliveryId: deliveryId, kind: kind, receivedAt: receivedAt, payload: Array(text.utf8))
    }

    /// The payload as text.
    public var payloadText: String { String(decoding: payload, as: UTF8.self) }
}
