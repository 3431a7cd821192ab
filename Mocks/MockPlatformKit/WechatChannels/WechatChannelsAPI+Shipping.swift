import Foundation

/// The ship APIs (shipping.md §8b.5): `/channels/ec/order/delivery/send`, `/channels/ec/order/deliveryinfo/update`,
/// `/channels/ec/order/deliverycompanylist/new/get` (and the old `…/deliverycompanylist/get`).
extension WechatChannelsAPI {
    /// The ship and edit paths, whose answers the lost-answer ship fault drops.
    static let shipPaths: Set<String> = ["/channels/ec/order/delivery/send", "/channels/ec/order/deliveryinfo/update"]
    /// The courier list paths.
    static let courierListPaths: Set<String> = [
        "/channels/ec/order/deliverycompanylist/new/get", "/channels/ec/order/deliverycompanylist/get",
    ]

    /// `delivery/send`: `order_id`, `delivery_list[]{delivery_id, waybill_id, deliver_type, product_infos[]{product_id,
    /// sku_id, product_cnt}}`; a parcel without `product_infos` takes every unit left (**[U]**). Answers `{}`.
    func deliverySend(_ fields: [String: JSONValue], shop: WechatChannelsShopMock, now: Date) throws(WechatChannelsAPIError) -> [String: JSONValue] {
        let orderId = try shipOrderId(fields)
        let parcels = try deliveryList(fields)
        if control.takeShipRejection(shop: shop.shopKey) { throw .deliveryFailed }
        do throws(MockShipRefusal) {
            let event = try shop.shipParcels(orderId: orderId, parcels: parcels, at: now)
            control.recordShipPush(shop.wrap(event))
        } catch {
            throw .shipRefusal(error)
        }
        return [:]
    }

    /// `deliveryinfo/update`: `order_id` and a `delivery_list` of the same shape; entry i changes the courier and
    /// waybill of the order's i-th parcel (**[U]**). Answers `{}`.
    func deliveryInfoUpdate(
        _ fields: [String: JSONValue],
        shop: WechatChannelsShopMock,
        now: Date
    ) throws(WechatChannelsAPIError) -> [String: JSONValue] {
        let orderId = try shipOrderId(fields)
        let parcels = try deliveryList(fields)
        if control.takeShipRejection(shop: shop.shopKey) { throw .deliveryFailed }
        do throws(MockShipRefusal) {
            for (index, parcel) in parcels.enumerated() {
                try shop.editParcel(orderId: orderId, index: index, trackingNo: parcel.trackingNo, courierCode: parcel.courierCode, at: now)
            }
        } catch {
            throw .shipRefusal(error)
        }
        return [:]
    }

    /// `{"company_list":[{"delivery_id","delivery_name"}]}`.
    func deliveryCompanyList() -> [String: JSONValue] {
        ["company_list": .array(WechatChannelsShopMock.couriers.map { ["delivery_id": .string($0.id), "delivery_name": .string($0.name)] })]
    }

    // MARK: - Private

    private func shipOrderId(_ fields: [String: JSONValue]) throws(WechatChannelsAPIError) -> String {
        guard let id = fields["order_id"]?.textValue, !id.isEmpty else { throw .invalidArgs("order_id is required") }
        return id
    }

    private func deliveryList(_ fields: [String: JSONValue]) throws(WechatChannelsAPIError) -> [MockParcel] {
        guard let list = fields["delivery_list"]?.arrayValue, !list.isEmpty else { throw .invalidArgs("delivery_list is required") }
        var parcels: [MockParcel] = []
        for entry in list {
            guard let courier = entry["delivery_id"]?.textValue, !courier.isEmpty else { throw .invalidArgs("delivery_id is required") }
            guard WechatChannelsShopMock.couriers.contains(where: { $0.id == courier }) else { throw .unknownCourier(courier) }
            guard let waybill = entry["waybill_id"]?.textValue, !waybill.isEmpty else { throw .invalidArgs("waybill_id is required") }
            if let type = entry["deliver_type"], type != .null, !((type.int64Value).map { (1...4).contains($0) } ?? false) {
                throw .invalidArgs("deliver_type must be 1…4")
            }
            var lines: [MockShippedLine]?
            if let infos = entry["product_infos"]?.arrayValue, !infos.isEmpty {
                var asked: [MockShippedLine] = []
                for info in infos {
                    guard let sku = info["sku_id"]?.textValue, !sku.isEmpty else { throw .invalidArgs("product_infos.sku_id is required") }
                    guard let count = info["product_cnt"]?.int64Value, let units = Int(exactly: count) else {
                        throw .invalidArgs("product_infos.product_cnt must be an integer")
                    }
                    asked.append(MockShippedLine(lineId: sku, quantity: units))
                }
                lines = asked
            }
            parcels.append(MockParcel(trackingNo: waybill, courierCode: courier, lines: lines))
        }
        return parcels
    }
}
