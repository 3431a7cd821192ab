import Foundation

extension DouyinShopMock {
    /// The couriers the shop may ship with (`order.logisticsCompanyList`, shipping.md §8b.7): `code`, `name`, and
    /// the deprecated numeric `id` (**[U]** the ids are the mock's).
    static let couriers: [(code: String, name: String, id: Int64)] = [
        ("shunfeng", "顺丰速运", 12), ("zhongtong", "中通快递", 7), ("yuantong", "圆通快递", 8), ("yunda", "韵达快递", 11),
        ("shentong", "申通快递", 9), ("jd", "京东物流", 15), ("ems", "EMS", 4), ("youzhengguonei", "邮政快递包裹", 5),
        ("jtexpress", "极兔速递", 1001), ("qita", "其他", 0),
    ]

    /// Ships parcels of an order through the shared bookkeeping: status → 3 (all shipped, tag 102) or 101
    /// (部分发货, tag 108). With ``MockShipRules/overridesPendingRefund``, pending refunds of shipped lines are
    /// rejected (after-sale closed) as `is_refund_reject=true` asks.
    /// - Returns: the push message and the recorded parcels.
    func shipParcels(
        orderId: String,
        parcels: [MockParcel],
        rules: MockShipRules,
        at: Date
    ) throws(MockShipRefusal) -> (
        message: DouyinPushMessage, parcels: [MockShipment]
    ) {
        let time = at.unixSeconds
        return try ledger.ship(orderId, at: time, seconds: time, parcels: parcels, rules: rules) { order, outcome, recorded, state in
            let complete = outcome == .complete
            order.status = complete ? 3 : 101
            order.shipTime = time
            let shipped = Set(recorded.flatMap { $0.lines.map(\.lineId) })
            for position in order.lines.indices
            where shipped.contains(order.lines[position].orderId) && order.lines[position].refundState == "requested" {
                order.lines[position].afterSaleStatus = 28
                order.lines[position].refundState = "none"
                order.lines[position].afterSaleId = nil
            }
            var data = baseData(order)
            data["create_time"] = .int(order.createTime)
            var logistics = Self.logisticsMessage(recorded.last)
            if !complete {
                logistics["shipped_order_info"] = .array(
                    recorded.flatMap(\.lines).map { ["shipped_order_id": .string($0.lineId), "shipped_num": .int($0.quantity)] }
                )
            }
            data["logistics_msg"] = .object(logistics)
            data["receiver_msg"] = receiverMessage(order.receiver, encrypted: false)
            let message = DouyinPushMessage(tag: complete ? "102" : "108", msgId: nextMessageId(&state), data: JSONValue.object(data).serialized)
            return (message, recorded)
        }
    }

    /// Changes the courier and tracking number of a parcel (`packageId` nil: the order's only parcel). Returns
    /// the tag 104 (发货物流信息变更) message.
    func editParcel(
        orderId: String,
        packageId: String?,
        trackingNo: String,
        courierCode: String,
        at: Date
    ) throws(MockShipRefusal)
        -> DouyinPushMessage
    {
        let time = at.unixSeconds
        return try ledger.editShipment(orderId, at: time, packageId: packageId, trackingNo: trackingNo, courierCode: courierCode) {
            order,
            parcel,
            state in
            var data = baseData(order)
            data["logistics_msg"] = .object(Self.logisticsMessage(parcel))
            return DouyinPushMessage(tag: "104", msgId: nextMessageId(&state), data: JSONValue.object(data).serialized)
        }
    }

    private static func logisticsMessage(_ parcel: MockShipment?) -> [String: JSONValue] {
        ["express_company_id": .string(parcel?.courierCode ?? ""), "logistics_code": .string(parcel?.trackingNo ?? "")]
    }
}
