/// Identifies one order: an order exists once per (platform, shop, platform order id).
public struct OrderKey: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The platform that holds the order.
    public var platform: Platform
    /// The configured shop key (the `{shop}` in webhook paths).
    public var shop: String
    /// The platform's order id, always a string (Douyin and WeChat ids have 19 digits).
    public var platformOrderId: String

    /// Creates an order key.
    public init(platform: Platform, shop: String, platformOrderId: String) {
        self.platform = platform
        self.shop = shop
        self.platformOrderId = platformOrderId
    }

    public var description: String { "\(platform.rawValue)/\(shop)/\(platformOrderId)" }

    public static func < (lhs: OrderKey, rhs: OrderKey) -> Bool {
        (lhs.platform, lhs.shop, lhs.platformOrderId) < (rhs.platform, rhs.shop, rhs.platformOrderId)
    }
}
