/// One Pinduoduo order as the mock holds it: the platform's ground truth.
///
/// Pinduoduo spreads an order's state over several codes (platforms.md §3.1): `order_status` (1 待发货,
/// 2 已发货待签收, 3 已签收), `confirm_status` (0 未成交, 1 已成交, 2 已取消), `group_status` (0 拼团中,
/// 1 已成团, 2 团失败) and `refund_status` (1 无售后或售后关闭, 2 售后处理中, 3 退款中, 4 退款成功).
/// An unpaid order and a paid order whose group has not formed both have `order_status` 1 and
/// `confirm_status` 0: only `confirm_status` tells them from a paid order.
struct PinduoduoOrder: Sendable, Equatable {
    /// `order_sn`, e.g. `250101-123456789012345`.
    var orderSn: String
    /// `order_status`: 1, 2 or 3.
    var orderStatus: Int = 1
    /// `confirm_status`: 0, 1 or 2.
    var confirmStatus: Int = 0
    /// `group_status`: 0, 1 or 2.
    var groupStatus: Int = 0
    var createdTime: Int64
    var updatedAt: Int64
    var payTime: Int64?
    var confirmTime: Int64?
    var shippingTime: Int64?
    var receiveTime: Int64?
    /// `postage`, fen.
    var postageFen: Int64
    /// `discount_amount` (all carried as `seller_discount`), fen.
    var discountFen: Int64 = 0
    /// `pay_type`: `WEIXIN` or `ALIPAY`.
    var payType: String
    var payNo: String?
    var roomId: String?
    var authorId: String?
    var recipient: MockRecipient
    var items: [PinduoduoItem]
    /// The parcels shipped, oldest first.
    var shipments: [MockShipment] = []

    /// `goods_amount`, fen: Σ price × count.
    var goodsFen: Int64 { items.reduce(Int64(0)) { $0 + $1.amountFen } }

    /// `pay_amount`, fen: goods − discount + postage.
    var payFen: Int64 { goodsFen - discountFen + postageFen }

    /// `refund_status`: 2 while any line has an open refund, 4 once a line is refunded, else 1.
    var refundStatus: Int {
        if items.contains(where: { $0.refundState == "requested" }) { return 2 }
        if items.contains(where: { $0.refundState == "refunded" }) { return 4 }
        return 1
    }

    /// `after_sales_status`: 2 (买家申请退款，待商家处理) while a refund is open, 10 (退款成功) once one
    /// succeeded, else 0.
    var afterSalesStatus: Int {
        switch refundStatus {
        case 2: 2
        case 4: 10
        default: 0
        }
    }

    /// Whether every line is refunded.
    var fullyRefunded: Bool { !items.isEmpty && items.allSatisfy { $0.refundState == "refunded" } }

    /// Whether the receiver's plain fields carry ciphertext: only while the order is paid, grouped and
    /// waiting for shipment with no refund (platforms.md §3.1); otherwise they are empty strings.
    var exposesReceiver: Bool { confirmStatus == 1 && orderStatus == 1 && refundStatus == 1 }

    /// The canonical status the mock reads from the codes (the mock's own reading, **[U]** in part):
    /// `confirm_status` 2 or every line refunded → `cancelled`; `confirm_status` 0 (unpaid, or paid but
    /// the group not formed) → `created`; otherwise `order_status` 1 → `paid`, 2 → `shipped`, 3 → `completed`.
    var canonicalStatus: String {
        if confirmStatus == 2 || fullyRefunded { return "cancelled" }
        if confirmStatus == 0 { return "created" }
        switch orderStatus {
        case 1: return "paid"
        case 2: return "shipped"
        case 3: return "completed"
        default: return "unknown"
        }
    }

    /// The codes as one text, e.g. `order_status=1,confirm_status=1,group_status=1,refund_status=1`.
    var platformStatus: String {
        "order_status=\(orderStatus),confirm_status=\(confirmStatus),group_status=\(groupStatus),refund_status=\(refundStatus)"
    }

    /// The order as ground truth.
    func truth(shop: String) -> MockOrderTruth {
        MockOrderTruth(
            platform: "pinduoduo",
            shop: shop,
            orderId: orderSn,
            status: canonicalStatus,
            platformStatus: platformStatus,
            paidFen: payFen,
            totalFen: goodsFen + postageFen,
            postageFen: postageFen,
            updateTime: updatedAt,
            lines: items.map {
                MockLineTruth(
                    lineId: $0.lineId,
                    skuId: $0.skuId,
                    productId: $0.goodsId,
                    quantity: $0.goodsCount,
                    paidFen: $0.amountFen,
                    refundState: $0.refundState
                )
            },
            roomId: roomId,
            authorId: authorId
        )
    }
}
