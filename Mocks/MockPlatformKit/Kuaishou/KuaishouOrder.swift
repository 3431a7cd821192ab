/// One Kuaishou (快手) order as the mock holds it: the platform's ground truth.
///
/// Times are Unix milliseconds and money is fen (platforms.md §2: ms **[V]**, fen **[U]**).
struct KuaishouOrder: Sendable, Equatable {
    /// `oid`: 16 digits, above 2^53 (real ids are 16 digits; the mock picks values a `Double` cannot hold).
    var oid: String
    /// `status`: 10 待付款, 30 已付款, 40 已发货, 50 已签收, 70 订单成功, 80 订单失败.
    var status: Int
    var createTime: Int64
    var updateTime: Int64
    var payTime: Int64 = 0
    var sendTime: Int64 = 0
    var recvTime: Int64 = 0
    /// `totalFee`: what the buyer pays, postage included, fen.
    var totalFee: Int64
    /// `expressFee`: postage, fen.
    var expressFee: Int64
    /// `discountFee`, fen.
    var discountFee: Int64 = 0
    var buyerOpenId: String
    var payType: Int
    var roomId: String?
    var authorId: String?
    var recipient: MockRecipient
    var items: [KuaishouOrderItem]
    /// The parcels shipped, oldest first.
    var shipments: [MockShipment] = []

    /// The canonical status the mock reads from a Kuaishou `status` (platforms.md §8.5: paid 30, shipped 40,
    /// completed 50/70, cancelled 80 — "订单取消后会转为“订单失败”状态").
    static func canonicalStatus(_ code: Int) -> String {
        switch code {
        case 10: "created"
        case 30: "paid"
        case 40: "shipped"
        case 50, 70: "completed"
        case 80: "cancelled"
        default: "unknown"
        }
    }

    /// The order as ground truth (`updateTime` in Unix seconds, like every platform's truth).
    func truth(shop: String) -> MockOrderTruth {
        MockOrderTruth(
            platform: "kuaishou",
            shop: shop,
            orderId: oid,
            status: Self.canonicalStatus(status),
            platformStatus: String(status),
            paidFen: totalFee,
            totalFen: totalFee + discountFee,
            postageFen: expressFee,
            updateTime: updateTime / 1000,
            lines: items.map {
                MockLineTruth(
                    lineId: $0.skuId,
                    skuId: $0.skuId,
                    productId: $0.itemId,
                    quantity: $0.num,
                    paidFen: $0.payFee,
                    refundState: $0.refundState
                )
            },
            roomId: roomId,
            authorId: authorId
        )
    }
}
