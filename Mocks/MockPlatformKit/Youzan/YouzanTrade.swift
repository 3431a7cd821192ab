/// One Youzan (有赞) trade as the mock holds it: the platform's ground truth.
///
/// Money is kept in fen and sent as yuan text with two decimals, times are Unix seconds sent as Beijing
/// `yyyy-MM-dd HH:mm:ss` (**[U]**: platforms.md §6 did not research Youzan's order shape; these are the
/// forms of Youzan's trade API).
struct YouzanTrade: Sendable, Equatable {
    /// `tid`, e.g. `E20250101120000012345678`.
    var tid: String
    /// `status`: `WAIT_BUYER_PAY`, `WAIT_SELLER_SEND_GOODS`, `WAIT_BUYER_CONFIRM_GOODS`, `TRADE_SUCCESS`, `TRADE_CLOSE`.
    var status: String
    var created: Int64
    var updated: Int64
    var payTime: Int64 = 0
    var consignTime: Int64 = 0
    var successTime: Int64 = 0
    /// Postage, fen (`post_fee`).
    var postFen: Int64
    var buyerId: String
    var roomId: String?
    var authorId: String?
    var recipient: MockRecipient
    var lines: [YouzanTradeLine]
    /// The parcels shipped, oldest first.
    var shipments: [MockShipment] = []

    /// `pay_info.payment`: what the buyer pays, postage included, fen.
    var paymentFen: Int64 { lines.reduce(0) { $0 + $1.paymentFen } + postFen }

    /// The canonical status the mock reads from a Youzan `status`.
    static func canonicalStatus(_ status: String) -> String {
        switch status {
        case "WAIT_BUYER_PAY", "TRADE_NO_CREATE_PAY": "created"
        case "WAIT_SELLER_SEND_GOODS", "WAIT_GROUP": "paid"
        case "WAIT_BUYER_CONFIRM_GOODS", "SELLER_CONSIGNED_PART": "shipped"
        case "TRADE_SUCCESS", "TRADE_BUYER_SIGNED": "completed"
        case "TRADE_CLOSE", "TRADE_CLOSED": "cancelled"
        default: "unknown"
        }
    }

    /// The trade as ground truth.
    func truth(shop: String) -> MockOrderTruth {
        MockOrderTruth(
            platform: "youzan",
            shop: shop,
            orderId: tid,
            status: Self.canonicalStatus(status),
            platformStatus: status,
            paidFen: paymentFen,
            totalFen: lines.reduce(0) { $0 + $1.priceFen * Int64($1.num) } + postFen,
            postageFen: postFen,
            updateTime: updated,
            lines: lines.map {
                MockLineTruth(
                    lineId: $0.oid,
                    skuId: $0.skuId,
                    productId: $0.itemId,
                    quantity: $0.num,
                    paidFen: $0.paymentFen,
                    refundState: $0.canonicalRefundState
                )
            },
            roomId: roomId,
            authorId: authorId
        )
    }
}
