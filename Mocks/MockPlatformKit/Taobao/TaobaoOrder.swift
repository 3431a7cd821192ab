/// One sub-order (`orders.order[]` entry, one SKU) of a Taobao trade as the mock holds it.
struct TaobaoOrder: Sendable, Equatable {
    /// `oid`, int64 (also sent as `oid_str`).
    var oid: Int64
    /// `num_iid` (the item id; digits are sent as a JSON number).
    var numIid: String
    /// `sku_id` (a string on the wire).
    var skuId: String
    /// `outer_sku_id`: the merchant's SKU code.
    var outerSkuId: String
    /// `title`.
    var title: String
    /// `num`.
    var num: Int
    /// `price` (unit price, yuan text on the wire), in fen.
    var priceFen: Int64
    /// The sub-order's own `status` (one of the twelve trade status strings).
    var status: String
    /// `refund_status`: `NO_REFUND`, `WAIT_SELLER_AGREE` (requested), `SUCCESS` (refunded) or `CLOSED`
    /// (a refund that was withdrawn or refused).
    var refundStatus: String = "NO_REFUND"

    /// `total_fee` / `payment` of the sub-order, in fen: price × num (postage is carried by the trade).
    var amountFen: Int64 { priceFen * Int64(num) }

    /// The truth's refund state: `requested` while a refund is open, `refunded` after `SUCCESS`, else `none`.
    var refundState: String {
        switch refundStatus {
        case "SUCCESS": "refunded"
        case "NO_REFUND", "CLOSED": "none"
        default: "requested"
        }
    }
}
