/// One Taobao / Tmall trade as the mock holds it: the platform's ground truth.
struct TaobaoTrade: Sendable, Equatable {
    /// `tid` (int64, 19 digits in the mock: above 2^53).
    var tid: Int64
    /// `status`: one of ``TaobaoTrade/statuses``.
    var status: String
    var created: Int64
    var modified: Int64
    var payTime: Int64?
    var consignTime: Int64?
    var endTime: Int64?
    /// `post_fee`, fen.
    var postFeeFen: Int64
    /// `discount_fee`, fen.
    var discountFeeFen: Int64 = 0
    var buyerOpenUid: String
    var roomId: String?
    var authorId: String?
    var recipient: MockRecipient
    var orders: [TaobaoOrder]
    /// The parcels shipped, oldest first.
    var shipments: [MockShipment] = []

    /// The twelve trade status strings (platforms.md §4.1).
    static let statuses: [String] = [
        "TRADE_NO_CREATE_PAY", "WAIT_BUYER_PAY", "SELLER_CONSIGNED_PART", "WAIT_SELLER_SEND_GOODS",
        "WAIT_BUYER_CONFIRM_GOODS", "TRADE_BUYER_SIGNED", "TRADE_FINISHED", "TRADE_CLOSED",
        "TRADE_CLOSED_BY_TAOBAO", "PAY_PENDING", "WAIT_PRE_AUTH_CONFIRM", "PAID_FORBID_CONSIGN",
    ]

    /// The canonical status of a trade status string, as the mock reads it:
    /// - `created`: `TRADE_NO_CREATE_PAY`, `WAIT_BUYER_PAY`, `PAY_PENDING` (payment being confirmed),
    ///   `WAIT_PRE_AUTH_CONFIRM` (pre-authorisation), and `PAID_FORBID_CONSIGN` — paid but not allowed to
    ///   ship (e.g. a group buy still forming), which the mock does not count as a sale yet (**[U]**, the
    ///   same reading as an un-grouped Pinduoduo order);
    /// - `paid`: `WAIT_SELLER_SEND_GOODS`, `SELLER_CONSIGNED_PART` (partly shipped: not all shipped yet);
    /// - `shipped`: `WAIT_BUYER_CONFIRM_GOODS`;
    /// - `completed`: `TRADE_FINISHED`, `TRADE_BUYER_SIGNED` (cash-on-delivery signed, **[U]**);
    /// - `cancelled`: `TRADE_CLOSED` (closed after a full refund), `TRADE_CLOSED_BY_TAOBAO` (closed before payment).
    static func canonicalStatus(_ status: String) -> String {
        switch status {
        case "TRADE_NO_CREATE_PAY", "WAIT_BUYER_PAY", "PAY_PENDING", "WAIT_PRE_AUTH_CONFIRM", "PAID_FORBID_CONSIGN": "created"
        case "WAIT_SELLER_SEND_GOODS", "SELLER_CONSIGNED_PART": "paid"
        case "WAIT_BUYER_CONFIRM_GOODS": "shipped"
        case "TRADE_FINISHED", "TRADE_BUYER_SIGNED": "completed"
        case "TRADE_CLOSED", "TRADE_CLOSED_BY_TAOBAO": "cancelled"
        default: "unknown"
        }
    }

    /// `total_fee`, fen: Σ price × num.
    var totalFeeFen: Int64 { orders.reduce(Int64(0)) { $0 + $1.amountFen } }

    /// `payment`, fen: total − discount + postage.
    var paymentFen: Int64 { totalFeeFen - discountFeeFen + postFeeFen }

    /// Whether the buyer has paid (a pay time is set).
    var isPaid: Bool { payTime != nil }

    /// The trade as ground truth.
    func truth(shop: String) -> MockOrderTruth {
        MockOrderTruth(
            platform: "taobao",
            shop: shop,
            orderId: String(tid),
            status: Self.canonicalStatus(status),
            platformStatus: status,
            paidFen: paymentFen,
            totalFen: totalFeeFen + postFeeFen,
            postageFen: postFeeFen,
            updateTime: modified,
            lines: orders.map {
                MockLineTruth(
                    lineId: String($0.oid),
                    skuId: $0.skuId,
                    productId: $0.numIid,
                    quantity: $0.num,
                    paidFen: $0.amountFen,
                    refundState: $0.refundState
                )
            },
            roomId: roomId,
            authorId: authorId
        )
    }
}
