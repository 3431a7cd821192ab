import Foundation

extension WechatChannelsShopMock {
    /// The couriers of `/channels/ec/order/deliverycompanylist/new/get` (shipping.md §8b.7): `delivery_id`, name.
    static let couriers: [(id: String, name: String)] = [
        ("SF", "顺丰速运"), ("ZTO", "中通快递"), ("YTO", "圆通速递"), ("YUNDA", "韵达快递"), ("STO", "申通快递"), ("JD", "京东快递"),
        ("EMS", "中国邮政"), ("JTSD", "极兔速递"), ("DBKD", "德邦快递"), ("CNSD", "菜鸟速递"), ("OTHER", "其他"),
    ]

    /// `delivery/send`: lines and units per parcel, more parcels later.
    static let shipRules = MockShipRules(allowsPartial: true, allowsAfterPartial: true)

    /// Ships parcels through the shared bookkeeping: 20/21 → 30 when every unit is shipped, else 21 (部分发货); a
    /// second call for the rest of a partly shipped order is accepted (**[U]**). Returns `channels_ec_order_deliver`
    /// with `order_info.finish_delivery` 1 (all shipped) or 0.
    func shipParcels(
        orderId: String,
        parcels: [MockParcel],
        rules: MockShipRules = WechatChannelsShopMock.shipRules,
        at: Date
    ) throws(MockShipRefusal)
        -> WechatChannelsEvent
    {
        let time = at.unixSeconds
        return try ledger.ship(orderId, at: time, seconds: time, parcels: parcels, rules: rules) { order, outcome, _, _ in
            let complete = outcome == .complete
            order.status = complete ? 30 : 21
            order.deliveryTime = time
            return event("channels_ec_order_deliver", order, time: order.updateTime, info: ["finish_delivery": .int(complete ? 1 : 0)])
        }
    }

    /// Changes the courier and waybill of the order's `index`-th parcel (no push: none is documented).
    func editParcel(orderId: String, index: Int, trackingNo: String, courierCode: String, at: Date) throws(MockShipRefusal) {
        let packageId = ledger.order(orderId).flatMap { order in order.shipments.indices.contains(index) ? order.shipments[index].packageId : nil }
        guard let packageId else {
            guard ledger.order(orderId) != nil else { throw .unknownOrder(orderId) }
            throw ledger.order(orderId)?.shipments.isEmpty ?? true ? .notShipped : .unknownPackage(String(index))
        }
        try ledger.editShipment(orderId, at: at.unixSeconds, packageId: packageId, trackingNo: trackingNo, courierCode: courierCode) { _, _, _ in }
    }
}
