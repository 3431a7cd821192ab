public import GatewayCore

extension PinduoduoConnector {
    /// The `type` of the shipment write-back.
    static let logisticsSendType = "pdd.logistics.online.send"

    /// Tells Pinduoduo an order has shipped (`shipping.md` §8b.3): `pdd.logistics.online.send` `{order_sn,
    /// logistics_id, tracking_number}`, plus `redelivery_type=2` for a correction (overwrites the shipped order's
    /// logistics).
    ///
    /// Pinduoduo ships whole orders only. A notice with lines is refused — ``GatewayCore/ShipmentSendResult/rejected(code:message:)``
    /// with code `gateway-partial-unsupported`, before any ship call — unless its lines are the whole order: the order
    /// is read (`pdd.order.information.get`) and every line must be in the notice with at least its quantity.
    /// `is_success` other than `true` without an `error_response` is a refusal too (§8b.3: check both).
    public func ship(_ notice: ShipmentNotice) async throws -> ShipmentSendResult {
        if let lines = notice.lines, notice.replacingTrackingNumber == nil {
            let order = try await fetchOrder(platformOrderId: notice.platformOrderId)
            guard let orderLines = order.observation.snapshot?.lines, Self.covers(lines, orderLines) else {
                return .rejected(
                    code: "gateway-partial-unsupported",
                    message:
                        "Pinduoduo ships whole orders only (pdd.logistics.online.send); this shipment covers part of order \(notice.platformOrderId)"
                )
            }
        }
        var parameters = ["order_sn": notice.platformOrderId, "logistics_id": notice.courierCode, "tracking_number": notice.trackingNumber]
        if notice.replacingTrackingNumber != nil { parameters["redelivery_type"] = "2" }
        return try await ShipmentCall.run(
            {
                let (result, raw): (PinduoduoLogisticsSendResult, String) = try await api.call(
                    Self.logisticsSendType,
                    responseKey: "logistics_online_send_response",
                    parameters: parameters,
                    retrying: false
                )
                guard result.is_success?.value == true else {
                    throw PlatformAPIError(
                        platform: "pinduoduo",
                        method: Self.logisticsSendType,
                        code: "is_success",
                        message: "is_success is not true: \(raw.prefix(300))",
                        isRetryable: false
                    )
                }
            },
            classify: Self.classifyShipment
        )
    }

    /// The tracking number `pdd.order.information.get` shows (`order_info.tracking_number`, platforms.md §3.1).
    public func shippedTrackingNumbers(platformOrderId: String) async throws -> [String] {
        let (order, _) = try await api.orderInformation(orderSn: platformOrderId)
        return [order.tracking_number?.value].compactMap { $0 }.filter { !$0.isEmpty }
    }

    /// Whether shipped lines are the whole order: every order line is shipped with at least its quantity, and no
    /// shipped line is unknown to the order.
    static func covers(_ shipped: [ShippedLine], _ orderLines: [OrderLine]) -> Bool {
        guard !orderLines.isEmpty else { return false }
        var units: [String: Int] = [:]
        for line in shipped {
            let (sum, overflow) = units[line.lineId, default: 0].addingReportingOverflow(max(line.quantity, 0))
            guard !overflow else { return false }
            units[line.lineId] = sum
        }
        let known = Set(orderLines.map(\.lineId))
        return units.keys.allSatisfy(known.contains) && orderLines.allSatisfy { units[$0.lineId, default: 0] >= $0.quantity }
    }

    /// Pinduoduo's refusal, classified (`shipping.md` §8b.3, §8b.9.3): 52101–52103 (throttled / unavailable), 70031
    /// (too frequent) and 10019 (access token expired; [U] the shop's token is configured, so retrying helps once it is
    /// replaced) are transient, as are throttling messages; no "already shipped" code is documented ([U]): a message
    /// saying 已发货 / 重复发货 counts; everything else is rejected with `sub_code` (or `error_code`) and the message.
    static func classifyShipment(_ error: PlatformAPIError) -> ShipmentSendResult {
        let code = error.subCode ?? error.code
        if ["52101", "52102", "52103", "70031", "10019"].contains(error.code) || ShipmentCall.saysThrottled(error.message) {
            return .transient(code: code, message: error.message)
        }
        if ShipmentCall.saysAlreadyShipped(error.message) { return .alreadyShipped(message: error.message) }
        return .rejected(code: code, message: error.message)
    }
}
