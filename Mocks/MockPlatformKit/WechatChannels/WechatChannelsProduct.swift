/// One line of a WeChat Channels order (`order_detail.product_infos[]`).
///
/// Channels has no per-line id: the mock uses the `sku_id` as the line id.
struct WechatChannelsProduct: Sendable, Equatable {
    /// `product_id` (string of digits).
    var productId: String
    /// `sku_id` (string of digits).
    var skuId: String
    /// `sku_code`: the merchant's SKU code.
    var skuCode: String
    /// `title`.
    var title: String
    /// `sku_cnt`.
    var count: Int
    /// `sale_price`: unit price, fen.
    var salePrice: Int64
    /// `real_price`: what the buyer pays for the line, fen.
    var realPrice: Int64
    /// The after-sale order of the line, if any.
    var afterSaleOrderId: String?
    /// `none`, `requested` or `refunded`.
    var refundState = "none"

    /// The after-sale status text the mock uses (**[U]**: names after WeChat's after-sale enum).
    var afterSaleStatus: String {
        switch refundState {
        case "requested": "MERCHANT_PROCESSING"
        case "refunded": "MERCHANT_REFUND_SUCCESS"
        default: ""
        }
    }
}
