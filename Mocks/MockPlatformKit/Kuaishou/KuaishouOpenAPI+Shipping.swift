import Foundation

/// The ship APIs (shipping.md §8b.2): `open.seller.order.goods.deliver`, `open.order.goods.split.deliver`,
/// `open.seller.order.logistics.update`.
extension KuaishouOpenAPI {
    /// The ship and edit paths, whose answers the lost-answer ship fault drops.
    static let shipPaths: Set<String> = [
        "/open/seller/order/goods/deliver", "/open/order/goods/split/deliver", "/open/seller/order/logistics/update",
    ]

    /// `open.seller.order.goods.deliver`: `orderId`, `expressNo`, `expressCode` — the whole order, one parcel.
    /// Answers `{}` (envelope `result` 1).
    func goodsDeliver(_ fields: [String: JSONValue], shop: KuaishouShopMock, now: Date) throws(KuaishouAPIError) -> JSONValue {
        let orderId = try text(fields, "orderId")
        let parcel = try parcel(fields, lines: nil)
        try ship(orderId, [parcel], rules: KuaishouShopMock.wholeOrderRules, shop: shop, now: now)
        return [:]
    }

    /// `open.order.goods.split.deliver`: `mainOrderId`, `deliveryItemInfoList[]{expressCode, expressNo,
    /// deliveryGoodsInfoList[]{oid, deliveryNum}}`. A goods entry's `oid` names the line: the order's own `oid`
    /// (Kuaishou orders carry one item) or, for the mock's multi-line orders, a line's `skuId` (**[U]**).
    func splitDeliver(_ fields: [String: JSONValue], shop: KuaishouShopMock, now: Date) throws(KuaishouAPIError) -> JSONValue {
        let orderId = try text(fields, "mainOrderId")
        guard let items = fields["deliveryItemInfoList"]?.arrayValue, !items.isEmpty else { throw .missingParameter("deliveryItemInfoList") }
        let lineIds = shop.lineIds(orderId: orderId)
        var parcels: [MockParcel] = []
        for item in items {
            guard let goods = item["deliveryGoodsInfoList"]?.arrayValue, !goods.isEmpty else {
                throw .missingParameter("deliveryGoodsInfoList")
            }
            var lines: [MockShippedLine] = []
            for entry in goods {
                var line = try text(entry.objectValue ?? [:], "oid")
                if line == orderId {
                    guard lineIds.count == 1 else { throw .invalidParameter("oid", "多商品订单请按 skuId 指定子单") }
                    line = lineIds[0]
                }
                guard let number = entry["deliveryNum"]?.int64Value, let units = Int(exactly: number) else {
                    throw .invalidParameter("deliveryNum", "must be an integer")
                }
                lines.append(MockShippedLine(lineId: line, quantity: units))
            }
            parcels.append(try parcel(item.objectValue ?? [:], lines: lines))
        }
        try ship(orderId, parcels, rules: KuaishouShopMock.splitRules, shop: shop, now: now)
        return [:]
    }

    /// `open.seller.order.logistics.update`: `orderId`, `expressCode`, `expressNo`, `logisticsId` (the parcel;
    /// absent: the first). Answers `{}`.
    func logisticsUpdate(_ fields: [String: JSONValue], shop: KuaishouShopMock, now: Date) throws(KuaishouAPIError) -> JSONValue {
        let orderId = try text(fields, "orderId")
        let parcel = try parcel(fields, lines: nil)
        let packageId = fields["logisticsId"]?.textValue.flatMap { $0.isEmpty || $0 == "0" ? nil : $0 }
        if control.takeShipRejection(shop: shop.shopKey) { throw .trackingNumberMismatch }
        do throws(MockShipRefusal) {
            try shop.editParcel(orderId: orderId, packageId: packageId, trackingNo: parcel.trackingNo, courierCode: parcel.courierCode, at: now)
        } catch {
            throw .shipRefusal(error)
        }
        return [:]
    }

    // MARK: - Private

    private func ship(_ orderId: String, _ parcels: [MockParcel], rules: MockShipRules, shop: KuaishouShopMock, now: Date) throws(KuaishouAPIError) {
        if control.takeShipRejection(shop: shop.shopKey) { throw .trackingNumberMismatch }
        do throws(MockShipRefusal) {
            if let message = try shop.shipParcels(orderId: orderId, parcels: parcels, rules: rules, at: now) {
                control.recordShipPush(shop.wrap(message, orderId: orderId))
            }
        } catch {
            throw .shipRefusal(error)
        }
    }

    private func text(_ fields: [String: JSONValue], _ name: String) throws(KuaishouAPIError) -> String {
        guard let value = fields[name]?.textValue, !value.isEmpty else { throw .missingParameter(name) }
        return value
    }

    /// `expressCode` (an integer of the published table) and `expressNo`.
    private func parcel(_ fields: [String: JSONValue], lines: [MockShippedLine]?) throws(KuaishouAPIError) -> MockParcel {
        guard let code = fields["expressCode"], code != .null else { throw .missingParameter("expressCode") }
        guard let number = code.int64Value else { throw .invalidParameter("expressCode", "must be an integer") }
        guard KuaishouShopMock.expressCodes.contains(number) else { throw .unknownExpressCode(String(number)) }
        let tracking = try text(fields, "expressNo")
        return MockParcel(trackingNo: tracking, courierCode: String(number), lines: lines)
    }
}
