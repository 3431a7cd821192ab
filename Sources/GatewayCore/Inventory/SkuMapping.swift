/// How one shop's platform SKU maps to enterprise SKUs: one component, or several for a bundle.
public struct SkuMapping: Sendable, Hashable, Codable {
    /// The shop key.
    public var shop: String
    /// The platform's SKU id as it appears on order lines.
    public var platformSkuId: String
    /// The platform's product id (needed by stock write-back on most platforms).
    public var platformProductId: String?
    /// What one unit of the platform SKU contains.
    public var components: [SkuComponent]

    /// Creates a mapping.
    public init(shop: String, platformSkuId: String, platformProductId: String? = nil, components: [SkuComponent]) {
        self.shop = shop
        self.platformSkuId = platformSkuId
        self.platformProductId = platformProductId
        self.components = components
    }
}

/// One enterprise SKU inside a platform SKU, and how many units of it one platform unit holds.
public struct SkuComponent: Sendable, Hashable, Codable {
    /// The enterprise SKU code.
    public var skuCode: String
    /// Units of it per platform unit (≥ 1).
    public var quantity: Int

    /// Creates a component.
    public init(skuCode: String, quantity: Int = 1) {
        self.skuCode = skuCode
        self.quantity = quantity
    }
}
