/// An inbox entry not yet processed, as ``OrderLifecycle`` reads it to park it.
public struct UnprocessedDelivery: Sendable, Hashable {
    /// The platform it came from.
    public var platform: Platform
    /// The shop.
    public var shop: String
    /// The delivery's id.
    public var deliveryId: String
    /// How many times it was deferred.
    public var attempts: Int

    /// Creates an entry.
    public init(platform: Platform, shop: String, deliveryId: String, attempts: Int) {
        self.platform = platform
        self.shop = shop
        self.deliveryId = deliveryId
        self.attempts = attempts
    }
}
