/// A line to put into a new mock order.
public struct MockLineSpec: Sendable, Equatable, Codable {
    /// The platform product id (digits: Douyin sends it as a JSON number).
    public var productId: String
    /// The platform SKU id (digits: Douyin sends it as a JSON number).
    public var skuId: String
    /// The merchant's own SKU code (Douyin `out_sku_id`), which the gateway maps to an enterprise SKU.
    public var outSkuId: String
    /// The product title.
    public var title: String
    /// Units ordered.
    public var quantity: Int
    /// Unit price, in fen.
    public var unitPriceFen: Int64

    /// Creates a line specification.
    /// - Parameters:
    ///   - productId: platform product id.
    ///   - skuId: platform SKU id.
    ///   - outSkuId: merchant SKU code.
    ///   - title: product title.
    ///   - quantity: units ordered.
    ///   - unitPriceFen: unit price in fen.
    public init(productId: String, skuId: String, outSkuId: String, title: String, quantity: Int, unitPriceFen: Int64) {
        self.productId = productId
        self.skuId = skuId
        self.outSkuId = outSkuId
        self.title = title
        self.quantity = quantity
        self.unitPriceFen = unitPriceFen
    }
}
