/// One line of an order: a platform SKU, a quantity and what was paid for it.
public struct OrderLine: Sendable, Hashable, Codable {
    /// The platform's id of the line (Douyin sku order id, Taobao `oid`, …) or a synthesised `lineIndex`.
    public var lineId: String
    /// The platform product id.
    public var productId: String
    /// The platform SKU id.
    public var skuId: String
    /// The merchant's own SKU code on the platform (`out_sku_id`, `outer_sku_id`), when set.
    public var outSkuId: String?
    /// The product title as sold.
    public var title: String
    /// Units ordered.
    public var quantity: Int
    /// Amount the buyer paid for this line, in fen.
    public var paidFen: Int64
    /// Refund state of the line.
    public var refundState: RefundState

    /// Creates an order line.
    public init(
        lineId: String,
        productId: String,
        skuId: String,
        outSkuId: String? = nil,
        title: String,
        quantity: Int,
        paidFen: Int64,
        refundState: RefundState = .none
    ) {
        self.lineId = lineId
        self.productId = productId
        self.skuId = skuId
        self.outSkuId = outSkuId
        self.title = title
        self.quantity = quantity
        self.paidFen = paidFen
        self.refundState = refundState
    }
}
