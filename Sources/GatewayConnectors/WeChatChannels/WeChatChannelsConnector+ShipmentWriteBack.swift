public import GatewayCore

extension WeChatChannelsConnector {
    /// The first-send path.
    static let deliverySendPath = "/channels/ec/order/delivery/send"
    /// The correction path.
    static let deliveryUpdatePath = "/channels/ec/order/deliveryinfo/update"

    /// Tells WeChat Channels an order (or part of it) has shipped (`shipping.md` §8b.5).
    ///
    /// `POST /channels/ec/order/delivery/send` (a correction: `/channels/ec/order/deliveryinfo/update`, same body)
    /// with `{"order_id", "delivery_list":[{"delivery_id", "waybill_id", "deliver_type":1, "product_infos":[{"product_id",
    /// "sku_id", "product_cnt"}]}]}` — one parcel, ids as strings (as in the community's real request), `deliver_type` 1
    /// (自寄快递). The order is read first (`/channels/ec/order/get`) to turn the gateway's line ids into
    /// `product_id`/`sku_id`: a whole-order notice lists every product with its count ([U] whether `product_infos` may be
    /// left out for a whole order is not documented), a partial one the shipped lines with their quantities.
    public func ship(_ notice: ShipmentNotice) async throws -> ShipmentSendResult {
        let (order, _) = try await api.order(orderId: notice.platformOrderId)
        let products = order.order_detail?.product_infos ?? []
        let lineIds = LineIdentity.ids(skuIds: products.map { $0.sku_id?.value ?? "" })
        var byLine: [String: WeChatProductInfo] = [:]
        for (index, product) in products.enumerated() { byLine[lineIds[index]] = product }
        let wanted: [(lineId: String, quantity: Int64)] =
            notice.lines.map { lines in lines.map { ($0.lineId, Int64($0.quantity)) } }
            ?? lineIds.enumerated().map { index, lineId in (lineId, products[index].sku_cnt?.value ?? 0) }
        var productInfos: [WeChatJSON] = []
        for (lineId, quantity) in wanted {
            guard let product = byLine[lineId], let productId = product.product_id?.value, let skuId = product.sku_id?.value,
                !productId.isEmpty, quantity > 0
            else {
                return .rejected(
                    code: "gateway-unknown-line",
                    message: "order \(notice.platformOrderId) has no product for line \(lineId) with a positive quantity; nothing was sent"
                )
            }
            productInfos.append(.object(["product_id": .string(productId), "sku_id": .string(skuId), "product_cnt": .int(quantity)]))
        }
        guard !productInfos.isEmpty else {
            return .rejected(code: "gateway-unknown-line", message: "order \(notice.platformOrderId) lists no products; nothing was sent")
        }
        let body: [String: WeChatJSON] = [
            "order_id": .string(notice.platformOrderId),
            "delivery_list": .array([
                .object([
                    "delivery_id": .string(notice.courierCode), "waybill_id": .string(notice.trackingNumber), "deliver_type": .int(1),
                    "product_infos": .array(productInfos),
                ])
            ]),
        ]
        let path = notice.replacingTrackingNumber == nil ? Self.deliverySendPath : Self.deliveryUpdatePath
        return try await ShipmentCall.run(
            { let _: (WeChatErrorFields, String) = try await api.call(path, body: body, retrying: false) },
            classify: Self.classifyShipment
        )
    }

    /// The tracking numbers `/channels/ec/order/get` shows: every `waybill_id` inside `order.order_detail.delivery_info`.
    /// [U] platforms.md §5.2 gives `delivery_info{address_info…}` only; `waybill_id` is the name the ship call uses.
    public func shippedTrackingNumbers(platformOrderId: String) async throws -> [String] {
        let (_, raw) = try await api.order(orderId: platformOrderId)
        guard let delivery = try RawJSON(parsing: raw)["order"]?["order_detail"]?["delivery_info"] else { return [] }
        return ShipmentCall.values(named: ["waybill_id"], in: delivery)
    }

    /// WeChat's refusal, classified (`shipping.md` §8b.5): `errcode` 109001 (已经发货完成,不能重复发货) is "already
    /// shipped"; -1 (system busy), 45009 ([U] the usual WeChat API-frequency code), a token still refused after renewal
    /// (40001/42001/40014) and throttling messages are transient; everything else is rejected with `errcode` and
    /// `errmsg`.
    static func classifyShipment(_ error: PlatformAPIError) -> ShipmentSendResult {
        if error.code == "109001" { return .alreadyShipped(message: error.message) }
        if ["-1", "45009"].contains(error.code) || WeChatChannelsAPIClient.isTokenError(error) || ShipmentCall.saysThrottled(error.message) {
            return .transient(code: error.code, message: error.message)
        }
        return .rejected(code: error.code, message: error.message)
    }
}
