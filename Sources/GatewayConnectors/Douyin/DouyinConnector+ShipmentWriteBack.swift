public import GatewayCore

extension DouyinConnector {
    /// Tells Douyin an order (or part of it) has shipped (`shipping.md` §8b.1).
    ///
    /// - Whole order (`lines == nil`): `order.logisticsAdd` `{order_id, company_code, logistics_code}` —
    ///   `logistics_code` is the **tracking number**. `is_refund_reject` is never sent (a pending refund is a human
    ///   decision, §8b.9.5).
    /// - Part of an order: `order.logisticsAddMultiPack` with one package `{shipped_order_info[{shipped_order_id,
    ///   shipped_num}], logistics_code, company_code}` and `request_id` = `gateway-shipment-<writeBackId>` (stable across
    ///   retries: Douyin answers a repeated `request_id` with the first success).
    /// - Correction (``GatewayCore/ShipmentNotice/replacingTrackingNumber`` set): `order.logisticsEdit`
    ///   `{order_id, company_code, logistics_code}`. [U] Douyin edits MultiPack parcels with `order.logisticsEditByPack`,
    ///   which needs the parcel's `pack_id`; the gateway keeps none, so a corrected partial shipment goes through
    ///   `logisticsEdit` too and a refusal reaches staff (SHIPPING-CHOICES.md).
    ///
    /// Sent once, never retried here; the answer is classified by ``classifyShipment(_:)``.
    public func ship(_ notice: ShipmentNotice) async throws -> ShipmentSendResult {
        let method: String
        var parameters: [String: DouyinParameter] = [
            "order_id": .string(notice.platformOrderId), "company_code": .string(notice.courierCode),
            "logistics_code": .string(notice.trackingNumber),
        ]
        if notice.replacingTrackingNumber != nil {
            method = "order.logisticsEdit"
        } else if let lines = notice.lines {
            guard !lines.isEmpty, lines.allSatisfy({ $0.quantity > 0 }) else {
                return .rejected(code: "gateway-invalid-lines", message: "a partial shipment needs at least one line with a positive quantity")
            }
            method = "order.logisticsAddMultiPack"
            let shipped = lines.map { DouyinParameter.object(["shipped_order_id": .string($0.lineId), "shipped_num": .int(Int64($0.quantity))]) }
            parameters = [
                "order_id": .string(notice.platformOrderId),
                "request_id": .string(Self.shipmentRequestId(notice.writeBackId)),
                "pack_list": .array([
                    .object([
                        "shipped_order_info": .array(shipped), "logistics_code": .string(notice.trackingNumber),
                        "company_code": .string(notice.courierCode),
                    ])
                ]),
            ]
        } else {
            method = "order.logisticsAdd"
        }
        return try await ShipmentCall.run(
            { let _: (DouyinEmptyData, String) = try await api.call(method, parameters: parameters, retrying: false) },
            classify: Self.classifyShipment
        )
    }

    /// The tracking numbers `order.orderDetail` shows: `data.shop_order_detail.logistics_info[].tracking_no`
    /// (platforms.md §1.2).
    public func shippedTrackingNumbers(platformOrderId: String) async throws -> [String] {
        let (_, raw) = try await api.orderDetail(shopOrderId: platformOrderId)
        let detail = try RawJSON(parsing: raw)["data"]?["shop_order_detail"]
        guard let logistics = detail?["logistics_info"] else { return [] }
        return ShipmentCall.values(named: ["tracking_no"], in: logistics)
    }

    /// `request_id` of a MultiPack call: stable for one write-back, whatever the retry.
    static func shipmentRequestId(_ writeBackId: Int64) -> String { "gateway-shipment-\(writeBackId)" }

    /// Douyin's refusal, classified (`shipping.md` §8b.1 error table): `sub_code` `…:60110` (已发货), `…:70023`
    /// (MultiPack: 已发货/没有能发货的订单) and `…:60113` (已完结, listed with the already-shipped signals in §8b.0) are
    /// "already shipped"; `isp.*` (platform service errors), the table's transient `isv.business-failed` codes
    /// (70009, 60114, 60121, 120018, 120032, 8888), risk review 60109 ([U]: "wait 1–2 h" taken as retry later), a
    /// token still refused after renewal and throttling are transient; everything else is rejected with its `sub_code`
    /// (or `code`) and message.
    static func classifyShipment(_ error: PlatformAPIError) -> ShipmentSendResult {
        let suffix = ShipmentCall.suffix(error.subCode)
        let code = error.subCode ?? error.code
        if error.code == "10000" { return .accepted }
        if let suffix, ["60110", "70023", "60113"].contains(suffix) { return .alreadyShipped(message: error.message) }
        if (error.subCode ?? "").hasPrefix("isp.") { return .transient(code: code, message: error.message) }
        if let suffix, ["70009", "60114", "60121", "120018", "120032", "8888", "60109"].contains(suffix) {
            return .transient(code: code, message: error.message)
        }
        if DouyinAPIClient.isTokenError(error) || ShipmentCall.saysThrottled(error.message) {
            return .transient(code: code, message: error.message)
        }
        return .rejected(code: code, message: error.message)
    }
}
