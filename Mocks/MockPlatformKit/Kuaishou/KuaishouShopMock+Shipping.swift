import Foundation

extension KuaishouShopMock {
    /// The `expressCode`s of the published table the mock accepts (shipping.md §8b.7, doc 401927): 2 EMS, 3 申通,
    /// 4 顺丰, 6 圆通, 7 韵达快运, 8 邮政快递包裹, 9 中通, 11 韵达快递, 14 京东, 109 极兔, 136 京东快运, 137 京东大件.
    static let expressCodes: Set<Int64> = [2, 3, 4, 6, 7, 8, 9, 11, 14, 109, 136, 137]

    /// `open.seller.order.goods.deliver`: whole orders only, first parcel only; the same tracking number again
    /// succeeds without a change.
    static let wholeOrderRules = MockShipRules(allowsPartial: false, allowsAfterPartial: false, repeatsByTrackingNo: true)
    /// `open.order.goods.split.deliver`: units per parcel, more parcels later; a call whose tracking numbers are all
    /// on the order already succeeds without a change (**[U]**).
    static let splitRules = MockShipRules(allowsPartial: true, allowsAfterPartial: true, repeatsByTrackingNo: true)

    /// Ships parcels through the shared bookkeeping. The order goes 30 → 40 as soon as one unit is shipped (shipping.md
    /// §8b.2); the `kwaishop_order_delivering` message is made only for that change (nil for later parcels and
    /// repeated calls).
    func shipParcels(orderId: String, parcels: [MockParcel], rules: MockShipRules, at: Date) throws(MockShipRefusal) -> KuaishouPushMessage? {
        let time = at.unixMilliseconds
        return try ledger.ship(orderId, at: time, seconds: at.unixSeconds, parcels: parcels, rules: rules) { order, outcome, _, state in
            guard outcome != .repeated, order.status == 30 else { return nil }
            order.status = 40
            order.sendTime = time
            let info: JSONValue = ["oid": .number(orderId), "sellerId": .id(sellerId), "status": 40, "updateTime": .int(order.updateTime)]
            return message(&state, event: "kwaishop_order_delivering", bizId: orderId, info: info, time: order.updateTime)
        }
    }

    /// Changes the courier and tracking number of a parcel (`logisticsId`; nil: the first). No push (none documented).
    func editParcel(orderId: String, packageId: String?, trackingNo: String, courierCode: String, at: Date) throws(MockShipRefusal) {
        try ledger.editShipment(orderId, at: at.unixMilliseconds, packageId: packageId, trackingNo: trackingNo, courierCode: courierCode) { _, _, _ in
        }
    }
}
