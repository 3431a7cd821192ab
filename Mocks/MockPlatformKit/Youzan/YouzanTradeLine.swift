/// One line of a Youzan trade (`full_order_info.orders[]`), identified by its `oid`.
struct YouzanTradeLine: Sendable, Equatable {
    /// `oid`: the line id (19 digits, sent as a string).
    var oid: String
    /// `item_id`.
    var itemId: String
    /// `sku_id`.
    var skuId: String
    /// `outer_sku_id`: the merchant's SKU code.
    var outerSkuId: String
    /// `title`.
    var title: String
    /// `num`.
    var num: Int
    /// Unit price, fen (sent as yuan text in `price`).
    var priceFen: Int64
    /// What the buyer pays for the line, fen (sent as yuan text in `payment`).
    var paymentFen: Int64
    /// `refund_state`: 0 none, 11 refunding, 12 refunded (**[U]** codes after Youzan's order refund states).
    var refundState = 0
    /// The refund of the line, if any.
    var refundId: String?

    /// `none`, `requested` or `refunded`.
    var canonicalRefundState: String {
        switch refundState {
        case 11: "requested"
        case 12: "refunded"
        default: "none"
        }
    }
}
