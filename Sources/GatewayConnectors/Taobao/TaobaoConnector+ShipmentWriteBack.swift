public import GatewayCore

extension TaobaoConnector {
    /// The first-send method.
    static let offlineSendMethod = "taobao.logistics.offline.send"
    /// The correction method.
    static let consignResendMethod = "taobao.logistics.consign.resend"

    /// Tells Taobao an order (or some of its sub-orders) has shipped (`shipping.md` §8b.4).
    ///
    /// - First send: `taobao.logistics.offline.send` `{tid, out_sid, company_code}`; for part of an order also
    ///   `is_split=1` and `sub_tid` = the shipped sub-order ids (`oid`), comma-separated.
    /// - Correction: `taobao.logistics.consign.resend` with the same parameters (shipped orders only, ≤ 50 days).
    ///
    /// [U] `sub_tid` ships whole sub-orders: a line shipped with less than its quantity is marked shipped entirely on
    /// Taobao (the quantity-level `alibaba.ascp.logistics.offline.send` is not used; SHIPPING-CHOICES.md).
    /// Success is `shipping.is_success == true`; anything else without an `error_response` is a refusal.
    public func ship(_ notice: ShipmentNotice) async throws -> ShipmentSendResult {
        let method = notice.replacingTrackingNumber == nil ? Self.offlineSendMethod : Self.consignResendMethod
        var parameters = ["tid": notice.platformOrderId, "out_sid": notice.trackingNumber, "company_code": notice.courierCode]
        if let lines = notice.lines {
            var seen = Set<String>()
            let subTids = lines.map(\.lineId).filter { seen.insert($0).inserted }
            guard !subTids.isEmpty, lines.allSatisfy({ $0.quantity > 0 }) else {
                return .rejected(code: "gateway-invalid-lines", message: "a partial shipment needs at least one line with a positive quantity")
            }
            parameters["is_split"] = "1"
            parameters["sub_tid"] = subTids.joined(separator: ",")
        }
        let responseKey = method == Self.offlineSendMethod ? "logistics_offline_send_response" : "logistics_consign_resend_response"
        return try await ShipmentCall.run(
            {
                let (result, raw): (TaobaoShippingResult, String) = try await api.call(
                    method,
                    responseKey: responseKey,
                    parameters: parameters,
                    retrying: false
                )
                guard result.shipping?.is_success?.value == true else {
                    throw PlatformAPIError(
                        platform: "taobao",
                        method: method,
                        code: "is_success",
                        message: "shipping.is_success is not true: \(raw.prefix(300))",
                        isRetryable: false
                    )
                }
            },
            classify: Self.classifyShipment
        )
    }

    /// The tracking numbers `taobao.trade.fullinfo.get` shows: every `invoice_no` or `out_sid` inside the trade. [U]
    /// platforms.md §4.1 does not name the trade's logistics fields; `invoice_no` is TOP's sub-order tracking-number
    /// field as the gateway reads it, `out_sid` the name the ship calls use.
    public func shippedTrackingNumbers(platformOrderId: String) async throws -> [String] {
        let (_, raw) = try await api.fullInfo(tid: platformOrderId)
        guard let trade = RouterAPICall.payload(in: try RawJSON(parsing: raw), responseKey: "trade_fullinfo_get_response")?["trade"] else {
            return []
        }
        return ShipmentCall.values(named: ["invoice_no", "out_sid"], in: trade)
    }

    /// Taobao's refusal, classified (`shipping.md` §8b.4): `sub_code` `…:B04` (已经发货或者已关闭，不能重复发货) is
    /// "already shipped"; `…:B150`, `…:S01`, any `isp.*` sub code (platform-side, e.g. `isp.top-remote-connection-timeout`),
    /// code 7 / `accesscontrol.limited*` / "App Call Limited" (throttled), code 10 (service unavailable) and codes 26/27
    /// (session expired or invalid; [U] the configured session is replaced by staff) are transient; everything else is
    /// rejected with `sub_code` (or `code`) and the message.
    static func classifyShipment(_ error: PlatformAPIError) -> ShipmentSendResult {
        let subCode = error.subCode ?? ""
        let code = error.subCode ?? error.code
        let suffix = ShipmentCall.suffix(error.subCode)
        if suffix == "B04" { return .alreadyShipped(message: error.message) }
        if suffix == "B150" || suffix == "S01" || subCode.hasPrefix("isp.") || subCode.hasPrefix("accesscontrol.limited")
            || ["7", "10", "26", "27"].contains(error.code) || ShipmentCall.saysThrottled(error.message)
        {
            return .transient(code: code, message: error.message)
        }
        return .rejected(code: code, message: error.message)
    }
}
