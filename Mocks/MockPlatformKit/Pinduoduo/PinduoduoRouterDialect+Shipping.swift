import Foundation

/// The ship APIs (shipping.md §8b.3).
extension PinduoduoRouterDialect {
    /// `pdd.logistics.online.send`: `order_sn`, `logistics_id`, `tracking_number` (all required), `redelivery_type`
    /// (absent/1 first shipment of a 待发货 order, the whole order; 2 overwrite the shipment of a shipped order).
    /// Answers `{"is_success":true}`.
    func onlineSend(_ parameters: RouterParameters, shop: PinduoduoShopMock, now: Date) throws(PinduoduoAPIError) -> [String: JSONValue] {
        guard let orderSn = parameters.nonEmpty("order_sn") else { throw .invalidParameter("order_sn", "必填") }
        guard let logisticsId = try integer(parameters, "logistics_id") else { throw .invalidParameter("logistics_id", "必填") }
        guard PinduoduoShopMock.couriers.contains(where: { $0.id == logisticsId }) else { throw .unknownLogisticsId(String(logisticsId)) }
        guard let tracking = parameters.nonEmpty("tracking_number") else { throw .invalidParameter("tracking_number", "必填") }
        let redelivery = try integer(parameters, "redelivery_type") ?? 1
        guard redelivery == 1 || redelivery == 2 else { throw .invalidParameter("redelivery_type", "取值 1（首次发货）或 2（修改发货）") }
        if control.takeShipRejection(shop: shop.shopKey) { throw .trackingNumberRejected }
        do throws(MockShipRefusal) {
            if redelivery == 2 {
                try shop.reship(orderId: orderSn, trackingNo: tracking, logisticsId: String(logisticsId), at: now)
            } else {
                try shop.shipWhole(orderId: orderSn, trackingNo: tracking, logisticsId: String(logisticsId), at: now)
            }
        } catch {
            throw .shipRefusal(error)
        }
        return ["is_success": true]
    }

    /// `pdd.logistics.companies.get`: `{"logistics_companies":[{"id","logistics_company","code","available":1}]}`.
    func companies() -> [String: JSONValue] {
        [
            "logistics_companies": .array(
                PinduoduoShopMock.couriers.map { ["id": .int($0.id), "logistics_company": .string($0.name), "code": .string($0.code), "available": 1] }
            )
        ]
    }
}
