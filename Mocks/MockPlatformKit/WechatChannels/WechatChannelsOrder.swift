/// One WeChat Channels shop (视频号小店) order as the mock holds it: the platform's ground truth.
///
/// Times are Unix seconds and money is fen (platforms.md §5).
struct WechatChannelsOrder: Sendable, Equatable {
    /// `order_id`: 19 digits (above 2^53).
    var orderId: String
    /// `status`: 10 待付款, 12 礼物待收下, 13 凑单买凑团中, 20 待发货, 21 部分发货, 30 待收货, 100 完成,
    /// 190 超卖取消, 200 全部售后后取消, 250 用户/超时/商家取消.
    var status: Int
    var createTime: Int64
    var updateTime: Int64
    var payTime: Int64 = 0
    var deliveryTime: Int64 = 0
    var confirmTime: Int64 = 0
    /// The buyer's `openid`.
    var openId: String
    /// `price_info.freight`, fen.
    var freight: Int64
    var roomId: String?
    var authorId: String?
    var recipient: MockRecipient
    var products: [WechatChannelsProduct]
    /// The parcels shipped (`delivery_info.delivery_product_info`).
    var shipments: [MockShipment] = []
    var transactionId: String?

    /// `price_info.product_price`: the goods, fen.
    var productPrice: Int64 { products.reduce(0) { $0 + $1.salePrice * Int64($1.count) } }
    /// `price_info.order_price`: what the buyer pays, freight included, fen.
    var orderPrice: Int64 { products.reduce(0) { $0 + $1.realPrice } + freight }

    /// The canonical status the mock reads from a Channels `status`.
    ///
    /// **[U]** 12 (gift not yet accepted) and 13 (group buy not yet formed) count as `created`: the order is not
    /// yet to be shipped (platforms.md §8.5 maps only 20 to paid). 21 (partly shipped) counts as `shipped`.
    static func canonicalStatus(_ code: Int) -> String {
        switch code {
        case 10, 12, 13: "created"
        case 20: "paid"
        case 21, 30: "shipped"
        case 100: "completed"
        case 190, 200, 250: "cancelled"
        default: "unknown"
        }
    }

    /// The order as ground truth.
    func truth(shop: String) -> MockOrderTruth {
        MockOrderTruth(
            platform: "wechat-channels",
            shop: shop,
            orderId: orderId,
            status: Self.canonicalStatus(status),
            platformStatus: String(status),
            paidFen: orderPrice,
            totalFen: productPrice + freight,
            postageFen: freight,
            updateTime: updateTime,
            lines: products.map {
                MockLineTruth(
                    lineId: $0.skuId,
                    skuId: $0.skuId,
                    productId: $0.productId,
                    quantity: $0.count,
                    paidFen: $0.realPrice,
                    refundState: $0.refundState
                )
            },
            roomId: roomId,
            authorId: authorId
        )
    }
}
