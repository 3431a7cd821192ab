/// The latest stock level a gateway wrote back for one SKU.
///
/// Served as `GET /_mock/stock` → `{"stock":[…]}`.
public struct MockStockLevel: Codable, Sendable, Equatable {
    /// The platform, e.g. `douyin`.
    public var platform: String
    /// The shop key.
    public var shop: String
    /// The platform product id, as sent.
    public var productId: String
    /// The platform SKU id, if the write named one.
    public var skuId: String?
    /// The merchant SKU code, if the write named one.
    public var outSkuId: String?
    /// The stock level after the write.
    public var stock: Int64
    /// How many writes this SKU received.
    public var writes: Int

    /// Creates a stock level record.
    public init(platform: String, shop: String, productId: String, skuId: String?, outSkuId: String?, stock: Int64, writes: Int) {
        self.platform = platform
        self.shop = shop
        self.productId = productId
        self.skuId = skuId
        self.outSkuId = outSkuId
        self.stock = stock
        self.writes = writes
    }
}
