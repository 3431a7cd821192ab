import Foundation

extension PinduoduoShopMock {
    /// The `logistics_id`s of `pdd.logistics.companies.get` (shipping.md §8b.7): id, code, name.
    static let couriers: [(id: Int64, code: String, name: String)] = [
        (1, "STO", "申通快递"), (3, "HT", "百世快递"), (44, "SF", "顺丰快递"), (85, "YTO", "圆通快递"), (115, "ZTO", "中通快递"),
        (117, "YS", "优速快递"), (118, "EMS", "邮政EMS"), (120, "JD", "京东配送"), (121, "YUNDA", "韵达快递"), (129, "ZJS", "宅急送"),
        (131, "DB", "德邦快递"), (132, "YZXB", "邮政快递包裹"), (180, "SELF", "其他"), (384, "JTKD", "极兔快递"),
    ]

    /// Ships every unit of a sale in one parcel: `order_status` 1 → 2 (Pinduoduo has no line-level ship; a refunded
    /// line has nothing left to ship, a line with an open refund refuses the call).
    func shipWhole(
        orderId: String,
        trackingNo: String,
        logisticsId: String,
        rules: MockShipRules = MockShipRules(allowsPartial: false, allowsAfterPartial: false),
        at: Date
    ) throws(MockShipRefusal) {
        let time = at.unixSeconds
        let parcel = MockParcel(trackingNo: trackingNo, courierCode: logisticsId, lines: nil)
        try ledger.ship(orderId, at: time, seconds: time, parcels: [parcel], rules: rules) {
            order,
            _,
            _,
            _ in
            order.orderStatus = 2
            order.shippingTime = time
        }
    }

    /// `redelivery_type=2`: overwrites the courier and tracking number of a shipped order.
    func reship(orderId: String, trackingNo: String, logisticsId: String, at: Date) throws(MockShipRefusal) {
        if let order = ledger.order(orderId), order.orderStatus != 2 { throw order.canonicalStatus == "cancelled" ? .cancelled : .notShipped }
        try ledger.editShipment(orderId, at: at.unixSeconds, packageId: nil, trackingNo: trackingNo, courierCode: logisticsId) { _, _, _ in }
    }
}
