public import GatewayCore

extension KuaishouConnector {
    /// Tells Kuaishou an order (or part of it) has shipped (`shipping.md` §8b.2).
    ///
    /// - Whole order (`lines == nil`): `open.seller.order.goods.deliver` `{orderId, expressNo, expressCode}`.
    /// - Part of an order: `open.order.goods.split.deliver` `{mainOrderId, deliveryItemInfoList[{expressCode, expressNo,
    ///   deliveryGoodsInfoList[{oid, deliveryNum}]}]}`; `deliveryStatus` is not sent ([U] semantics of
    ///   `confirmDeliveryStatus`).
    /// - Correction: `open.seller.order.logistics.update` `{orderId, expressCode, expressNo}`. [U] The call also takes
    ///   `logisticsId` (the package id), which the gateway does not keep; it is left out (SHIPPING-CHOICES.md).
    ///
    /// `expressCode` is an integer (the published table, §8b.7); a courier code that is not one is refused before any
    /// call. Sent once; since 2024-11-25 Kuaishou answers a re-send with the same tracking number with success.
    public func ship(_ notice: ShipmentNotice) async throws -> ShipmentSendResult {
        guard let expressCode = Int64(notice.courierCode) else {
            return .rejected(code: "gateway-courier", message: "Kuaishou expressCode must be an integer, not \(notice.courierCode)")
        }
        let method: String
        let param: [String: KuaishouParameter]
        if notice.replacingTrackingNumber != nil {
            method = "open.seller.order.logistics.update"
            param = ["orderId": .id(notice.platformOrderId), "expressCode": .int(expressCode), "expressNo": .string(notice.trackingNumber)]
        } else if let lines = notice.lines {
            guard !lines.isEmpty, lines.allSatisfy({ $0.quantity > 0 }) else {
                return .rejected(code: "gateway-invalid-lines", message: "a partial shipment needs at least one line with a positive quantity")
            }
            method = "open.order.goods.split.deliver"
            let goods = lines.map { KuaishouParameter.object(["oid": .id($0.lineId), "deliveryNum": .int(Int64($0.quantity))]) }
            param = [
                "mainOrderId": .id(notice.platformOrderId),
                "deliveryItemInfoList": .array([
                    .object(["expressCode": .int(expressCode), "expressNo": .string(notice.trackingNumber), "deliveryGoodsInfoList": .array(goods)])
                ]),
            ]
        } else {
            method = "open.seller.order.goods.deliver"
            param = ["orderId": .id(notice.platformOrderId), "expressCode": .int(expressCode), "expressNo": .string(notice.trackingNumber)]
        }
        return try await ShipmentCall.run(
            { let _: (KuaishouIgnoredData, String) = try await api.call(method, param: param, retrying: false) },
            classify: Self.classifyShipment
        )
    }

    /// The tracking numbers `open.order.detail` shows: every `expressNo` inside the answer's `data`. [U] §8b.2 names
    /// the order detail's delivery info (`DeliveryInfo`) but not its tracking-number field; `expressNo` is the name the
    /// ship calls use for it.
    public func shippedTrackingNumbers(platformOrderId: String) async throws -> [String] {
        let (_, raw) = try await api.orderDetail(oid: platformOrderId)
        guard let data = try RawJSON(parsing: raw)["data"] else { return [] }
        return ShipmentCall.values(named: ["expressNo"], in: data)
    }

    /// Kuaishou's refusal, classified. No "already shipped" code is documented ([U]): a message saying 已发货 / 重复发货
    /// counts as already shipped. Throttling or "busy" answers and an access token still refused after renewal are
    /// transient; everything else (rule interception code 11, courier/tracking mismatches, another seller's order…)
    /// is rejected with `subCode` (or `code`) and the message.
    static func classifyShipment(_ error: PlatformAPIError) -> ShipmentSendResult {
        let code = error.subCode ?? error.code
        if ShipmentCall.saysAlreadyShipped(error.message) { return .alreadyShipped(message: error.message) }
        if error.isRetryable || ShipmentCall.saysThrottled(error.message) || error.message.contains("access_token") {
            return .transient(code: code, message: error.message)
        }
        return .rejected(code: code, message: error.message)
    }
}
