import Foundation
import GatewayConfig
import NIOHTTP1

/// One WeChat Channels shop (视频号小店) on the mock platform: its orders are the platform's ground truth.
///
/// State changes update the truth and return the ``WechatChannelsEvent`` WeChat would push, without
/// sending it; ``push(_:to:timeout:)`` delivers events encrypted and signed as WeChat does, and
/// ``verifyURL(to:)`` sends the URL verification GET.
///
/// ```swift
/// let shop = mock.wechatChannels(shop: "linyin-wechat")!
/// let id = shop.createOrder(lines: [line], at: .now)
/// let paid = try shop.pay(orderId: id, at: .now)
/// _ = try await shop.verifyURL(to: gateway)               // acknowledged when the echostr comes back
/// let result = try await shop.push([paid], to: gateway)   // acknowledged when the answer is `success`
/// ```
///
/// States: place → 10 (`channels_ec_order_new`); pay 10 → 20 (`_pay`); ship 20 → 30 (`_deliver`);
/// complete 30 → 100 (`_confirm`); cancel 10/20 → 250 (`_cancel`; **[U]** the mock uses 250 for a cancel
/// after payment too); line refunds → `channels_ec_aftersale_update`.
public final class WechatChannelsShopMock: Sendable {
    /// The shop key from the configuration.
    public let shopKey: String
    /// The `app_id` credential.
    public let appId: String
    /// The shop's `ToUserName` (`gh_` + 12 hex digits derived from the appid).
    public let userName: String
    let appSecret: String
    let token: String
    let encodingAESKey: String
    private let idBase: (order: Int64, afterSale: Int64)
    let ledger: MockShopLedger<WechatChannelsOrder, WechatChannelsEvent>

    /// Creates the mock of a configured Channels shop.
    /// - Parameters:
    ///   - shop: the shop configuration (credentials `app_id`, `app_secret`, `token`, `encoding_aes_key`).
    ///   - index: the shop's position among the mock's Channels shops.
    ///   - seed: the platform seed.
    init(shop: ShopConfiguration, index: Int, seed: UInt64) {
        shopKey = shop.key
        appId = shop.credential("app_id")
        appSecret = shop.credential("app_secret")
        token = shop.credential("token")
        encodingAESKey = shop.credential("encoding_aes_key")
        userName = "gh_" + String(Hex.lowercase(Array(appId.utf8)).suffix(12))
        let salt = UInt64(index + 1) &* 0x5743
        let random = Int64(SeededGenerator.derive(seed, salt) % 10_000_000)
        idBase = (
            order: 3_705_000_000_000_000_000 + Int64(index % 5) * 1_000_000_000_000_000_000 + random * 10_000_000_000,
            afterSale: 4_000_000_000_000_000 + Int64(index % 90) * 10_000_000_000_000 + random * 1_000
        )
        ledger = MockShopLedger(shopKey: shop.key, platform: "wechat-channels", generator: SeededGenerator(seed: seed, salt: salt &+ 0x5EED))
    }

    // MARK: - Orders

    /// Creates an unpaid order (status 10) and returns its 19-digit `order_id`; the `channels_ec_order_new`
    /// event is recorded with it (``createdEvent(orderId:)``).
    /// - Parameters:
    ///   - lines: the products; `outSkuId` becomes `sku_code`.
    ///   - postageFen: `freight`, fen.
    ///   - roomId: the live room (`source_infos.live_id`).
    ///   - authorId: the streamer (`source_infos.account_id`).
    ///   - province: delivery province.
    ///   - city: delivery city.
    ///   - at: the creation time.
    @discardableResult
    public func createOrder(
        lines: [MockLineSpec],
        postageFen: Int64 = 0,
        roomId: String? = nil,
        authorId: String? = nil,
        province: String = "湖南省",
        city: String = "长沙市",
        at: Date
    ) -> String {
        let time = at.unixSeconds
        return ledger.create { state in
            let orderId = String(idBase.order + (state.sequences.next(\.order) % 100_000_000) * 100)
            let openId = "o" + Hex.lowercase(withUnsafeBytes(of: state.generator.next().bigEndian) { Array($0) }) + "Mk"
            let order = WechatChannelsOrder(
                orderId: orderId,
                status: 10,
                createTime: time,
                updateTime: time,
                openId: openId,
                freight: postageFen,
                roomId: roomId,
                authorId: authorId,
                recipient: MockRecipient.random(province: province, city: city, generator: &state.generator),
                products: lines.map {
                    WechatChannelsProduct(
                        productId: $0.productId,
                        skuId: $0.skuId,
                        skuCode: $0.outSkuId,
                        title: $0.title,
                        count: $0.quantity,
                        salePrice: $0.unitPriceFen,
                        realPrice: $0.unitPriceFen * Int64($0.quantity)
                    )
                }
            )
            return (order, event("channels_ec_order_new", order, time: time, info: [:]))
        }
    }

    /// The `channels_ec_order_new` event recorded when the order was created.
    /// - Throws: ``MockPlatformError/unknownOrder(_:)``.
    public func createdEvent(orderId: String) throws -> WechatChannelsEvent {
        try ledger.createdMessage(orderId: orderId)
    }

    /// The buyer pays: 10 → 20. Returns `channels_ec_order_pay` (`order_info.pay_time`).
    public func pay(orderId: String, at: Date) throws -> WechatChannelsEvent {
        try transition(orderId, from: [10], to: 20, event: "channels_ec_order_pay", at: at) { order, time in
            order.payTime = time
            order.transactionId = "42000" + String(order.orderId.suffix(12))
            return ["pay_time": .int(time)]
        }
    }

    /// The merchant ships every product left (one parcel, `SF`, a made-up waybill): 20/21 → 30. Returns
    /// `channels_ec_order_deliver` (`order_info.finish_delivery` 1).
    public func ship(orderId: String, at: Date) throws -> WechatChannelsEvent {
        let parcel = MockParcel(trackingNo: "SF" + String(orderId.suffix(12)), courierCode: "SF", lines: nil)
        do {
            return try shipParcels(orderId: orderId, parcels: [parcel], rules: .scenario, at: at)
        } catch {
            throw error.platformError(orderId: orderId)
        }
    }

    /// The buyer confirms receipt: 30 → 100. Returns `channels_ec_order_confirm`.
    public func confirm(orderId: String, at: Date) throws -> WechatChannelsEvent {
        try transition(orderId, from: [30], to: 100, event: "channels_ec_order_confirm", at: at) { order, time in
            order.confirmTime = time
            return ["confirm_receipt_time": .int(time)]
        }
    }

    /// The order is cancelled before shipment: 10/20 → 250. Returns `channels_ec_order_cancel`
    /// (`order_info.cancel_type`: 1 by the buyer before payment, 3 by the merchant after, **[U]** values).
    public func cancel(orderId: String, at: Date) throws -> WechatChannelsEvent {
        try transition(orderId, from: [10, 20], to: 250, event: "channels_ec_order_cancel", at: at) { order, _ in
            ["cancel_type": order.payTime > 0 ? 3 : 1]
        }
    }

    /// The buyer opens an after-sale (refund) on one product (`lineId` = `sku_id`). Returns
    /// `channels_ec_aftersale_update` with `finder_shop_aftersale_status_update{status, after_sale_order_id,
    /// order_id}` (**[U]** shape) and `order_info{order_id, status}`.
    public func requestRefund(orderId: String, lineId: String, at: Date) throws -> WechatChannelsEvent {
        try afterSale(orderId, lineId: lineId, at: at) { product, order, sequence throws(MockPlatformError) in
            guard [20, 21, 30, 100].contains(order.status) else { throw order.refusal("refund") }
            guard product.refundState == "none" else { throw MockPlatformError.invalidTransition("line \(lineId) already has an after-sale") }
            product.afterSaleOrderId = String(idBase.afterSale + sequence)
            product.refundState = "requested"
        }
    }

    /// The after-sale of a product ends with the refund paid. Returns `channels_ec_aftersale_update`.
    /// The order status is left as it is.
    public func refundSucceeded(orderId: String, lineId: String, at: Date) throws -> WechatChannelsEvent {
        try afterSale(orderId, lineId: lineId, at: at) { product, _, _ throws(MockPlatformError) in
            guard product.refundState == "requested" else { throw MockPlatformError.invalidTransition("line \(lineId) has no open after-sale") }
            product.refundState = "refunded"
        }
    }

    // MARK: - Truth and stock

    /// The ground truth of every order of the shop, ordered by order id.
    public func truth() -> [MockOrderTruth] { ledger.truth() }

    /// The ground truth of one order, if it exists.
    public func truth(orderId: String) -> MockOrderTruth? { ledger.truth(orderId: orderId) }

    /// The line ids (`sku_id`s) of an order.
    public func lineIds(orderId: String) -> [String] { ledger.lineIds(orderId: orderId) }

    /// The stock levels written through `/channels/ec/product/stock/update`.
    public func stockLevels() -> [MockStockLevel] { ledger.stockLevels() }

    /// Sets the platform's stock of a SKU (0 when never set).
    public func setStock(productId: String, skuId: String, stock: Int64) {
        ledger.setStock(key: productId + "/" + skuId, productId: productId, skuId: skuId, stock: stock)
    }

    // MARK: - Push

    /// The shop's message crypto.
    /// - Throws: ``MockPlatformError`` when `encoding_aes_key` is not 43 Base64 characters of a 32-byte key.
    public func crypto() throws -> WechatChannelsMessageCrypto {
        guard let crypto = WechatChannelsMessageCrypto(encodingAESKey: encodingAESKey, appId: appId, token: token) else {
            throw MockPlatformError.invalidTransition("encoding_aes_key of \(shopKey) is not a 43-character EncodingAESKey")
        }
        return crypto
    }

    /// Delivers events exactly as WeChat pushes in safe mode: one `POST {gateway}/webhooks/wechat-channels/{shop}
    /// ?signature=…&timestamp=…&nonce=…&encrypt_type=aes&msg_signature=…` per event, `Content-Type:
    /// application/json`, body `{"ToUserName":"gh_…","Encrypt":"…"}`.
    /// - Returns: the first answer that was not an ack, else the last; `acknowledged` is true for HTTP 200 with
    ///   the body `success`.
    public func push(_ events: [WechatChannelsEvent], to gatewayBaseURL: String, timeout: Duration = .seconds(5)) async throws -> MockPushResult {
        var results: [MockPushResult] = []
        for event in events { results.append(try await send(json: event.json, to: gatewayBaseURL, timeout: timeout)) }
        return PushTransport.combine(results)
    }

    /// Sends the URL verification `GET {gateway}/webhooks/wechat-channels/{shop}?signature=…&timestamp=…&nonce=…&echostr=…`
    /// (`signature` = SHA1 of sorted token, timestamp, nonce).
    /// - Returns: the answer; `acknowledged` is true for HTTP 200 whose body is exactly the `echostr`.
    /// - Parameter timeout: how long to wait for the answer.
    public func verifyURL(to gatewayBaseURL: String, timeout: Duration = .seconds(5)) async throws -> MockPushResult {
        let (timestamp, nonce, echo) = ledger.withState { state in
            (String(Date().unixSeconds), String(1_000_000_000 + state.generator.below(1_000_000_000)), String(state.generator.next()))
        }
        let signature = WechatChannelsMessageCrypto.signature([token, timestamp, nonce])
        let url =
            PushTransport.trimmed(gatewayBaseURL) + "/webhooks/wechat-channels/" + shopKey
            + "?signature=\(signature)&timestamp=\(timestamp)&nonce=\(nonce)&echostr=\(echo)"
        let reply = try await PushTransport.send(method: .GET, url: url, headers: [], body: nil, timeout: timeout)
        return MockPushResult(status: reply.status, body: reply.body, acknowledged: reply.status == 200 && reply.body == echo)
    }

    func send(json: String, to gatewayBaseURL: String, timeout: Duration) async throws -> MockPushResult {
        let crypto = try crypto()
        let (random, nonce) = ledger.withState { state in
            (
                withUnsafeBytes(of: state.generator.next()) { Array($0) } + withUnsafeBytes(of: state.generator.next()) { Array($0) },
                String(1_000_000_000 + state.generator.below(1_000_000_000))
            )
        }
        let encrypted = try crypto.encrypt(json, random: random)
        let timestamp = String(Date().unixSeconds)
        let body: JSONValue = ["ToUserName": .string(userName), "Encrypt": .string(encrypted)]
        let query = [
            "signature=" + WechatChannelsMessageCrypto.signature([token, timestamp, nonce]),
            "timestamp=" + timestamp,
            "nonce=" + nonce,
            "encrypt_type=aes",
            "msg_signature=" + WechatChannelsMessageCrypto.signature([token, timestamp, nonce, encrypted]),
        ].joined(separator: "&")
        let reply = try await PushTransport.send(
            method: .POST,
            url: PushTransport.trimmed(gatewayBaseURL) + "/webhooks/wechat-channels/" + shopKey + "?" + query,
            headers: [("Content-Type", "application/json")],
            body: body.serializedBytes,
            timeout: timeout
        )
        let acknowledged = reply.status == 200 && reply.body.trimmingCharacters(in: .whitespacesAndNewlines) == "success"
        return MockPushResult(status: reply.status, body: reply.body, acknowledged: acknowledged)
    }

    // MARK: - Internal (API)

    /// A snapshot of every order.
    func orders() -> [WechatChannelsOrder] { ledger.orders() }

    /// One order, if it exists.
    func order(_ id: String) -> WechatChannelsOrder? { ledger.order(id) }

    /// Applies a stock write (`diff_type` 1 add, 2 subtract, 3 set); nil when it would go below zero.
    func writeStock(productId: String, skuId: String, diffType: Int64, number: Int64) -> MockStockLevel? {
        ledger.writeStock(key: productId + "/" + skuId, productId: productId, skuId: skuId) { stock in
            diffType == 3 ? number : diffType == 1 ? stock + number : stock - number
        }
    }

    // MARK: - Private

    private func transition(
        _ orderId: String,
        from: Set<Int>,
        to status: Int,
        event name: String,
        at: Date,
        _ apply: (inout WechatChannelsOrder, Int64) -> [String: JSONValue]
    ) throws(MockPlatformError) -> WechatChannelsEvent {
        let time = at.unixSeconds
        return try ledger.transition(orderId, from: from, to: status, action: name, at: time) { order, _ in
            let info = apply(&order, time)
            return event(name, order, time: order.updateTime, info: info)
        }
    }

    private func afterSale(
        _ orderId: String,
        lineId: String,
        at: Date,
        _ apply: (inout WechatChannelsProduct, WechatChannelsOrder, Int64) throws(MockPlatformError) -> Void
    ) throws(MockPlatformError) -> WechatChannelsEvent {
        try ledger.change(orderId, at: at.unixSeconds) { order, state throws(MockPlatformError) -> WechatChannelsEvent in
            let position = try order.linePosition(lineId)
            let sequence = state.sequences.next(\.refund)
            let before = order
            try apply(&order.products[position], before, sequence)
            let product = order.products[position]
            var json = baseEvent("channels_ec_aftersale_update", order, time: order.updateTime)
            json["finder_shop_aftersale_status_update"] = [
                "status": .string(product.afterSaleStatus),
                "after_sale_order_id": .string(product.afterSaleOrderId ?? ""),
                "order_id": .string(orderId),
            ]
            json["order_info"] = ["order_id": .number(orderId), "status": .int(order.status)]
            return WechatChannelsEvent(
                event: "channels_ec_aftersale_update",
                orderId: orderId,
                createTime: order.updateTime,
                json: JSONValue.object(json).serialized
            )
        }
    }

    func event(_ name: String, _ order: WechatChannelsOrder, time: Int64, info: [String: JSONValue]) -> WechatChannelsEvent {
        var json = baseEvent(name, order, time: time)
        var orderInfo = info
        orderInfo["order_id"] = .number(order.orderId)
        orderInfo["status"] = .int(order.status)
        json["order_info"] = .object(orderInfo)
        return WechatChannelsEvent(event: name, orderId: order.orderId, createTime: time, json: JSONValue.object(json).serialized)
    }

    private func baseEvent(_ name: String, _ order: WechatChannelsOrder, time: Int64) -> [String: JSONValue] {
        [
            "ToUserName": .string(userName),
            "FromUserName": .string(order.openId),
            "CreateTime": .int(time),
            "MsgType": "event",
            "Event": .string(name),
        ]
    }
}
