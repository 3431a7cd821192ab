import Foundation

/// The ship APIs (shipping.md §8b.1): `order.logisticsAdd`, `order.logisticsAddMultiPack`, `order.logisticsEdit`,
/// `order.logisticsEditByPack`, `order.logisticsCompanyList`.
extension DouyinOpenAPI {
    /// The ship and edit methods, whose answers the lost-answer ship fault drops.
    static let shipMethods: Set<String> = [
        "order.logisticsAdd", "order.logisticsAddMultiPack", "order.logisticsEdit", "order.logisticsEditByPack",
    ]

    /// `order.logisticsAdd`: the whole (parent) order in one parcel: `order_id`, `company_code`, `logistics_code`
    /// (the tracking number), `is_refund_reject`/`is_reject_refund`. Refused for a partly shipped order. Answers `{}`.
    func logisticsAdd(_ params: [String: JSONValue], shop: DouyinShopMock, now: Date) throws(DouyinAPIError) -> JSONValue {
        let orderId = try required(params, "order_id")
        let parcel = try parcel(params, lines: nil)
        try rejectIfFaulted(shop)
        let rules = MockShipRules(allowsPartial: false, allowsAfterPartial: false, overridesPendingRefund: try refundReject(params))
        do throws(MockShipRefusal) {
            let shipped = try shop.shipParcels(orderId: orderId, parcels: [parcel], rules: rules, at: now)
            control.recordShipPush(shop.wrap(shipped.message, orderId: orderId))
        } catch {
            throw .shipRefusal(error)
        }
        return [:]
    }

    /// `order.logisticsAddMultiPack`: parcels of sub orders and units: `order_id`, `pack_list[]{shipped_order_info[]
    /// {shipped_order_id, shipped_num}, logistics_code, company_code}`, `request_id` (required; a repeated id
    /// answers the first success again without shipping). Answers `{"pack_list":[{pack_id, logistics_code,
    /// shipped_order_info[]{shipped_order_id, shipped_num, shipped_item_ids[]}}]}`.
    func logisticsAddMultiPack(_ params: [String: JSONValue], shop: DouyinShopMock, now: Date) throws(DouyinAPIError) -> JSONValue {
        let orderId = try required(params, "order_id")
        let requestId = try required(params, "request_id")
        if let first = shop.ledger.shipReply(requestId: requestId) { return first }
        guard let packs = params["pack_list"]?.arrayValue, !packs.isEmpty else { throw .missingParameter("pack_list") }
        let left = shop.ledger.order(orderId).map {
            MockShopLedger<DouyinOrder, DouyinPushMessage>.unitsLeft(shop.ledger.fullTruth($0), shipments: $0.shipments)
        }
        var parcels: [MockParcel] = []
        for pack in packs {
            guard let items = pack["shipped_order_info"]?.arrayValue, !items.isEmpty else { throw .missingParameter("shipped_order_info") }
            var lines: [MockShippedLine] = []
            for item in items {
                guard let line = item["shipped_order_id"]?.textValue, !line.isEmpty else { throw .missingParameter("shipped_order_id") }
                let units: Int
                if let number = item["shipped_num"], number != .null {
                    guard let value = number.int64Value, let exact = Int(exactly: value) else {
                        throw .invalidParameter("shipped_num", "must be an integer")
                    }
                    units = exact
                } else {
                    units = left?[line] ?? 0
                }
                lines.append(MockShippedLine(lineId: line, quantity: units))
            }
            parcels.append(try parcel(pack.objectValue ?? [:], lines: lines))
        }
        try rejectIfFaulted(shop)
        let rules = MockShipRules(allowsPartial: true, allowsAfterPartial: true, overridesPendingRefund: try refundReject(params))
        let shipped: (message: DouyinPushMessage, parcels: [MockShipment])
        do throws(MockShipRefusal) {
            shipped = try shop.shipParcels(orderId: orderId, parcels: parcels, rules: rules, at: now)
        } catch {
            throw .shipRefusal(error, multiPack: true)
        }
        control.recordShipPush(shop.wrap(shipped.message, orderId: orderId))
        let reply: JSONValue = [
            "pack_list": .array(
                shipped.parcels.map { parcel in
                    [
                        "pack_id": .string(parcel.packageId),
                        "logistics_code": .string(parcel.trackingNo),
                        "shipped_order_info": .array(
                            parcel.lines.map { ["shipped_order_id": .string($0.lineId), "shipped_num": .int($0.quantity), "shipped_item_ids": []] }
                        ),
                    ]
                }
            )
        ]
        shop.ledger.recordShipReply(reply, requestId: requestId)
        return reply
    }

    /// `order.logisticsEdit` (`order_id`, `company_code`, `logistics_code`): the parcel of an order shipped whole
    /// (status 3, one parcel); `order.logisticsEditByPack` adds `pack_id` for any parcel. Answer `{}`.
    func logisticsEdit(_ params: [String: JSONValue], shop: DouyinShopMock, byPack: Bool, now: Date) throws(DouyinAPIError) -> JSONValue {
        let orderId = try required(params, "order_id")
        let packageId = byPack ? try required(params, "pack_id") : nil
        let parcel = try parcel(params, lines: nil)
        if !byPack, let order = shop.ledger.order(orderId), order.status != 3 || order.shipments.count > 1 {
            throw order.shipments.isEmpty
                ? .shipRefusal(.notShipped) : .shipFailure("order-not-shipped", "订单不是整单发货的已发货订单，请用 order.logisticsEditByPack")
        }
        try rejectIfFaulted(shop)
        do throws(MockShipRefusal) {
            let message = try shop.editParcel(
                orderId: orderId,
                packageId: packageId,
                trackingNo: parcel.trackingNo,
                courierCode: parcel.courierCode,
                at: now
            )
            control.recordShipPush(shop.wrap(message, orderId: orderId))
        } catch {
            throw .shipRefusal(error)
        }
        return [:]
    }

    /// `order.logisticsCompanyList`: `data` is an array of `{id, name, code}`.
    func logisticsCompanyList() -> JSONValue {
        .array(DouyinShopMock.couriers.map { ["id": .int($0.id), "name": .string($0.name), "code": .string($0.code)] })
    }

    // MARK: - Private

    private func required(_ params: [String: JSONValue], _ name: String) throws(DouyinAPIError) -> String {
        guard let text = params[name]?.textValue, !text.isEmpty else { throw .missingParameter(name) }
        return text
    }

    /// `company_code` (required, in the courier list) and `logistics_code` (the tracking number, required).
    private func parcel(_ params: [String: JSONValue], lines: [MockShippedLine]?) throws(DouyinAPIError) -> MockParcel {
        guard let company = params["company_code"]?.textValue, !company.isEmpty else { throw .missingCompanyCode }
        guard DouyinShopMock.couriers.contains(where: { $0.code == company }) else { throw .unknownCourier(company) }
        let tracking = try required(params, "logistics_code")
        return MockParcel(trackingNo: tracking, courierCode: company, lines: lines)
    }

    /// `is_refund_reject` or `is_reject_refund` (either spelling).
    private func refundReject(_ params: [String: JSONValue]) throws(DouyinAPIError) -> Bool {
        for name in ["is_refund_reject", "is_reject_refund"] {
            guard let value = params[name], value != .null else { continue }
            guard let flag = value.boolValue else { throw .invalidParameter(name, "must be a boolean") }
            if flag { return true }
        }
        return false
    }

    private func rejectIfFaulted(_ shop: DouyinShopMock) throws(DouyinAPIError) {
        if control.takeShipRejection(shop: shop.shopKey) { throw .trackingNumberRejected }
    }
}
