/// One line of an order as the platform holds it (a Douyin sku order).
public struct MockLineTruth: Codable, Sendable, Equatable {
    /// The line id (Douyin child `order_id`, 19 digits).
    public var lineId: String
    /// The platform SKU id.
    public var skuId: String
    /// The platform product id.
    public var productId: String
    /// Units ordered.
    public var quantity: Int
    /// What the buyer pays for the line, in fen (Douyin sku `pay_amount`).
    public var paidFen: Int64
    /// `none`, `requested` or `refunded`.
    public var refundState: String

    /// Creates a line truth record.
    public init(lineId: String, skuId: String, productId: String, quantity: Int, paidFen: Int64, refundState: String) {
        self.lineId = lineId
        self.skuId = skuId
        self.productId = productId
        self.quantity = quantity
        self.paidFen = paidFen
        self.refundState = refundState
    }
}
