/// One Douyin shop (parent) order as the mock holds it: the platform's ground truth.
struct DouyinOrder: Sendable, Equatable {
    /// The shop order id (19 digits).
    var orderId: String
    /// Douyin `order_status`: 1 created, 105/2 paid, 101 partly shipped, 3 shipped, 4 cancelled, 5 completed.
    var status: Int
    var createTime: Int64
    var updateTime: Int64
    var payTime: Int64 = 0
    var shipTime: Int64 = 0
    var finishTime: Int64 = 0
    var cancelTime: Int64 = 0
    var cancelReason: String = ""
    /// Douyin `order_amount`, fen: goods + postage (after any price change).
    var orderAmount: Int64
    /// Douyin `pay_amount`, fen: what the buyer pays.
    var payAmount: Int64
    /// Douyin `post_amount`, fen.
    var postAmount: Int64
    /// Douyin `modify_amount`: the cumulative seller price change, fen.
    var modifyAmount: Int64 = 0
    /// Douyin `pay_type` (1 WeChat, 2 Alipay).
    var payType: Int = 1
    var roomId: String?
    var authorId: String?
    var receiver: DouyinReceiver
    var lines: [DouyinSkuOrder]
    /// The parcels shipped (Douyin `logistics_info`).
    var shipments: [MockShipment] = []

    /// The canonical status name the mock reads from a Douyin `order_status`.
    static func canonicalStatus(_ code: Int) -> String {
        switch code {
        case 1: "created"
        case 105, 2, 101: "paid"
        case 3: "shipped"
        case 5: "completed"
        case 4: "cancelled"
        default: "unknown"
        }
    }

    /// Douyin's `order_status_desc` for a status code.
    static func statusDescription(_ code: Int) -> String {
        switch code {
        case 1: "待支付"
        case 105: "已支付"
        case 2: "备货中"
        case 101: "部分发货"
        case 3: "已发货"
        case 4: "已取消"
        case 5: "已完成"
        default: "未知"
        }
    }

    /// The order as ground truth.
    func truth(shop: String) -> MockOrderTruth {
        MockOrderTruth(
            platform: "douyin",
            shop: shop,
            orderId: orderId,
            status: Self.canonicalStatus(status),
            platformStatus: String(status),
            paidFen: payAmount,
            totalFen: orderAmount,
            postageFen: postAmount,
            updateTime: updateTime,
            lines: lines.map {
                MockLineTruth(
                    lineId: $0.orderId,
                    skuId: $0.skuId,
                    productId: $0.productId,
                    quantity: $0.quantity,
                    paidFen: $0.payAmount,
                    refundState: $0.refundState
                )
            },
            roomId: roomId,
            authorId: authorId
        )
    }
}
