/// One line of a Kuaishou order as the mock holds it (Kuaishou's `orderItemInfo`).
///
/// Kuaishou has no per-line child order id: the mock uses the `skuId` as the line id (unique within an order).
struct KuaishouOrderItem: Sendable, Equatable {
    /// `itemId` (the Kuaishou item, `kwaiItemId` in stock calls).
    var itemId: String
    /// `skuId`.
    var skuId: String
    /// `skuNick`: the merchant's SKU code (**[U]** which field carries the merchant code; the mock also sends `relSkuId`).
    var skuNick: String
    /// `itemTitle`.
    var title: String
    /// `num`.
    var num: Int
    /// `price`: unit price, fen.
    var price: Int64
    /// What the buyer pays for the line, fen.
    var payFee: Int64
    /// The refund of the line, if any (`refundId`).
    var refundId: String?
    /// Kuaishou refund status of the line: 0 none, 10 requested (待商家处理), 60 refunded (退款成功) — **[U]** codes.
    var refundStatus: Int = 0

    /// `none`, `requested` or `refunded`.
    var refundState: String {
        switch refundStatus {
        case 10: "requested"
        case 60: "refunded"
        default: "none"
        }
    }
}
