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
    /// Whether the platform says the line was refunded **after its goods were sent** (Pinduoduo and
    /// Taobao close such an order as refunded, so the gateway may never see it `shipped`). Only
    /// meaningful with ``refundState`` `refunded`: the produce left the warehouse, the refund is money
    /// only, so ``FulfilmentPlanner`` consumes the line's stock instead of releasing it.
    public var refundedAfterShipment: Bool

    /// Creates an order line.
    public init(
        lineId: String,
        productId: String,
        skuId: String,
        outSkuId: String? = nil,
        title: String,
        quantity: Int,
        paidFen: Int64,
        refundState: RefundState = .none,
        refundedAfterShipment: Bool = false
    ) {
        self.lineId = lineId
        self.productId = productId
        self.skuId = skuId
        self.outSkuId = outSkuId
        self.title = title
        self.quantity = quantity
        self.paidFen = paidFen
        self.refundState = refundState
        self.refundedAfterShipment = refundedAfterShipment
    }

    private enum CodingKeys: String, CodingKey {
        case lineId, productId, skuId, outSkuId, title, quantity, paidFen, refundState, refundedAfterShipment
    }

    /// Decodes a line; `refundedAfterShipment` is absent from lines stored before it existed (`false`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        lineId = try container.decode(String.self, forKey: .lineId)
        productId = try container.decode(String.self, forKey: .productId)
        skuId = try container.decode(String.self, forKey: .skuId)
        outSkuId = try container.decodeIfPresent(String.self, forKey: .outSkuId)
        title = try container.decode(String.self, forKey: .title)
        quantity = try container.decode(Int.self, forKey: .quantity)
        paidFen = try container.decode(Int64.self, forKey: .paidFen)
        refundState = try container.decode(RefundState.self, forKey: .refundState)
        refundedAfterShipment = try container.decodeIfPresent(Bool.self, forKey: .refundedAfterShipment) ?? false
    }

    /// Encodes a line; `refundedAfterShipment` only when set, so lines without it encode as before.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(lineId, forKey: .lineId)
        try container.encode(productId, forKey: .productId)
        try container.encode(skuId, forKey: .skuId)
        try container.encodeIfPresent(outSkuId, forKey: .outSkuId)
        try container.encode(title, forKey: .title)
        try container.encode(quantity, forKey: .quantity)
        try container.encode(paidFen, forKey: .paidFen)
        try container.encode(refundState, forKey: .refundState)
        if refundedAfterShipment { try container.encode(true, forKey: .refundedAfterShipment) }
    }
}
