public import GatewayCore

extension YouzanConnector {
    /// The first-send method (version 3.0.0).
    static let onlineConfirmMethod = "youzan.logistics.online.confirm"
    /// The correction method ([U] version 3.0.0, as the confirm call).
    static let onlineUpdateMethod = "youzan.logistics.online.update"

    /// Tells Youzan an order (or some of its items) has shipped (`shipping.md` §8b.6).
    ///
    /// `youzan.logistics.online.confirm` 3.0.0 `{tid, out_stype, out_sid}` (`is_no_express` left at its default 0),
    /// plus `oids` = the shipped item ids, comma-separated, for part of an order; a correction goes to
    /// `youzan.logistics.online.update` with the same body ([U] its parameters are not documented beyond the name).
    /// `out_stype` must be numeric (§8b.6 error 102599996) — refused before any call otherwise, as is a shop without
    /// an `access_token`. [U] Item quantities cannot be expressed: an item in `oids` ships entirely.
    public func ship(_ notice: ShipmentNotice) async throws -> ShipmentSendResult {
        guard let api, api.hasAccessToken else {
            return .rejected(code: "gateway-no-access-token", message: "Youzan shop \(shop) has no access_token configured; nothing was sent")
        }
        guard !notice.courierCode.isEmpty, notice.courierCode.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return .rejected(code: "gateway-courier", message: "Youzan out_stype must be numeric, not \(notice.courierCode)")
        }
        var body = ["tid": notice.platformOrderId, "out_stype": notice.courierCode, "out_sid": notice.trackingNumber]
        if let lines = notice.lines {
            var seen = Set<String>()
            let oids = lines.map(\.lineId).filter { seen.insert($0).inserted }
            guard !oids.isEmpty, lines.allSatisfy({ $0.quantity > 0 }) else {
                return .rejected(code: "gateway-invalid-lines", message: "a partial shipment needs at least one line with a positive quantity")
            }
            body["oids"] = oids.joined(separator: ",")
        }
        let method = notice.replacingTrackingNumber == nil ? Self.onlineConfirmMethod : Self.onlineUpdateMethod
        return try await ShipmentCall.run(
            { _ = try await api.call(method, version: "3.0.0", body: body) },
            classify: Self.classifyShipment
        )
    }

    /// Youzan has no researched order-detail API (platforms.md §6), so the tracking numbers cannot be read back.
    /// - Throws: ``ConnectorError`` always.
    public func shippedTrackingNumbers(platformOrderId: String) async throws -> [String] {
        throw TrackingReadBackUnavailable(platform: .youzan)
    }

    /// Youzan's refusal, classified (`shipping.md` §8b.6): 40010 (token expired, [V-3p]) and throttling messages are
    /// transient; no "already shipped" code is documented ([U]): a message saying 已发货 / 重复发货 counts; everything
    /// else (102599996, 102570039 退款中, 102570038 分销单, gateway `gw_err_resp` codes — [U] their meaning) is
    /// rejected with its code and message.
    static func classifyShipment(_ error: PlatformAPIError) -> ShipmentSendResult {
        if error.code == "40010" || ShipmentCall.saysThrottled(error.message) { return .transient(code: error.code, message: error.message) }
        if ShipmentCall.saysAlreadyShipped(error.message) { return .alreadyShipped(message: error.message) }
        return .rejected(code: error.code, message: error.message)
    }
}
