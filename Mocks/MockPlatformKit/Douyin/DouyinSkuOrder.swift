/// One Douyin sku (child) order as the mock holds it.
struct DouyinSkuOrder: Sendable, Equatable {
    /// The child order id (19 digits).
    var orderId: String
    /// The product id as configured (digits are sent as a JSON number).
    var productId: String
    /// The SKU id as configured (digits are sent as a JSON number).
    var skuId: String
    /// The merchant SKU code.
    var outSkuId: String
    /// The product title.
    var title: String
    /// Units.
    var quantity: Int
    /// Unit price in fen (Douyin `origin_amount`, 商品现价).
    var unitPriceFen: Int64
    /// What the buyer pays for the line, in fen (Douyin sku `pay_amount`).
    var payAmount: Int64
    /// The share of the order's postage carried by the line (the first line carries it all).
    var postAmount: Int64
    /// Douyin `after_sale_info.after_sale_status` (0 none, 6 requested, 12 succeeded, 28 closed).
    var afterSaleStatus: Int = 0
    /// Douyin `after_sale_info.after_sale_type` (0 return and refund, 1 refund after shipping, 2 refund before shipping).
    var afterSaleType: Int = 0
    /// Douyin `after_sale_info.refund_status` (0 none, 1 waiting, 3 refunded).
    var refundStatus: Int = 0
    /// The open after-sale id, if any.
    var afterSaleId: String?
    /// `none`, `requested` or `refunded`.
    var refundState: String = "none"

    /// Unit price × quantity (Douyin `sum_amount`).
    var sumAmount: Int64 { unitPriceFen * Int64(quantity) }
}
