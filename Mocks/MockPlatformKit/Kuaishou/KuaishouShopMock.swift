import Foundation
import GatewayConfig
import NIOHTTP1
import Synchronization

/// One Kuaishou (快手小店) shop on the mock platform: its orders are the platform's ground truth.
///
/// State changes update the truth and return the ``KuaishouPushMessage`` Kuaishou would push, without
/// sending it; ``push(_:to:timeout:)`` delivers messages to a gateway encrypted as Kuaishou encrypts them.
///
/// ```swift
/// let shop = mock.kuaishou(shop: "yunlai-kuaishou")!
/// let oid = shop.createOrder(lines: [line], at: .now)
/// let paid = try shop.pay(orderId: oid, at: .now)
/// let result = try await shop.push([paid], to: "http://127.0.0.1:8080")   // result.acknowledged
/// ```
///
/// Order state machine (platforms.md §2.1): 10 待付款 → 30 已付款 → 40 已发货 → 50 已签收 → 70 订单成功;
/// 10/30 → 80 订单失败 (cancel). Events: `kwaishop_order_addOrder`, `_paySuccess`, `_delivering`,
/// `_deliverySuccess`, `_orderSuccess`, `_orderFail`; after-sale `kwaishop_aftersales_addRefund` and
/// `kwaishop_aftersales_refundSuccess` (**[U]**: the after-sale event names beyond `addRefund` are the mock's choice).
///
/// Items: every shop lists the SKUs of ``LivestreamCatalog/standard`` from the start (stock 0), as a real
/// shop lists its products before it sells them; a SKU named by an order line, a stock write or
/// ``setStock(itemId:skuId:stock:)`` is listed too. `open.item.get` shows an item's listed SKUs with their stock.
public final class KuaishouShopMock: Sendable {
    /// The shop key from the configuration (the `{shop}` of the webhook path).
    public let shopKey: String
    /// The `app_key` credential (`appkey` of API calls).
    public let appKey: String
    /// The seller id (`userId` of pushes, `sellerId` of orders), derived from the seed.
    public let sellerId: String
    /// The seller's openId.
    public let sellerOpenId: String
    let appSecret: String
    let signSecret: String
    let messageKey: String
    /// An access token configured as the optional `access_token` credential, accepted without OAuth.
    let configuredAccessToken: String
    private let idBase: (order: Int64, message: Int64, refund: Int64)
    let ledger: MockShopLedger<KuaishouOrder, KuaishouPushMessage>
    /// Listed SKUs by `itemId/skuId` (their stock lives in the ledger).
    private let catalogue: Mutex<[String: KuaishouListedSku]>

    /// Creates the mock of a configured Kuaishou shop.
    /// - Parameters:
    ///   - shop: the shop configuration (credentials `app_key`, `app_secret`, `sign_secret`, `message_key`;
    ///     optional `access_token`).
    ///   - index: the shop's position among the mock's Kuaishou shops.
    ///   - seed: the platform seed.
    init(shop: ShopConfiguration, index: Int, seed: UInt64) {
        shopKey = shop.key
        appKey = shop.credential("app_key")
        appSecret = shop.credential("app_secret")
        signSecret = shop.credential("sign_secret")
        messageKey = shop.credential("message_key")
        configuredAccessToken = shop.credential("access_token")
        let salt = UInt64(index + 1) &* 0x4B53
        let random = Int64(SeededGenerator.derive(seed, salt) % 100_000_000)
        sellerId = String(2_100_000_000 + Int64(index) * 1_000_000 + random % 1_000_000)
        sellerOpenId = "f1" + Hex.lowercase(withUnsafeBytes(of: SeededGenerator.derive(seed, salt &+ 1).bigEndian) { Array($0) })
        // Order ids: 16 digits above 2^53 (9007199254740992) stepping by 7, so a Double merges neighbours.
        idBase = (
            order: 9_200_000_000_000_000 + Int64(index % 50) * 10_000_000_000_000 + random * 10_000,
            message: 5_000_000_000_000_000 + Int64(index % 50) * 10_000_000_000_000 + random * 10_000,
            refund: 9_100_000_000_000_000 + Int64(index % 50) * 10_000_000_000_000 + random * 10_000
        )
        ledger = MockShopLedger(shopKey: shop.key, platform: "kuaishou", generator: SeededGenerator(seed: seed, salt: salt &+ 0x5EED))
        catalogue = Mutex([:])
        for item in LivestreamCatalog.standard.items {
            list(itemId: item.line.productId, skuId: item.line.skuId, skuNick: item.line.outSkuId, title: item.line.title)
        }
    }

    // MARK: - Orders

    /// Creates an unpaid order (status 10) and returns its `oid`. The `kwaishop_order_addOrder` message is
    /// recorded with it: get it from ``createdMessage(orderId:)``.
    /// - Parameters:
    ///   - lines: the lines (Kuaishou `orderItemInfo`); `productId` is the `itemId`, `outSkuId` the `skuNick`.
    ///   - postageFen: postage (`expressFee`), fen.
    ///   - roomId: the live room, if the order came from a livestream (sent as `carrierId`).
    ///   - authorId: the streamer (truth only).
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
        let time = at.unixMilliseconds
        let oid = ledger.create { state in
            let oid = String(idBase.order + (state.sequences.next(\.order) % 1_000_000_000) * 7)
            let items = lines.map { spec in
                KuaishouOrderItem(
                    itemId: spec.productId,
                    skuId: spec.skuId,
                    skuNick: spec.outSkuId,
                    title: spec.title,
                    num: spec.quantity,
                    price: spec.unitPriceFen,
                    payFee: spec.unitPriceFen * Int64(spec.quantity)
                )
            }
            let goods = items.reduce(Int64(0)) { $0 + $1.payFee }
            let buyer = "f0" + Hex.lowercase(withUnsafeBytes(of: state.generator.next().bigEndian) { Array($0) })
            let order = KuaishouOrder(
                oid: oid,
                status: 10,
                createTime: time,
                updateTime: time,
                totalFee: goods + postageFen,
                expressFee: postageFen,
                buyerOpenId: buyer,
                payType: state.generator.chance(0.5) ? 1 : 2,
                roomId: roomId,
                authorId: authorId,
                recipient: MockRecipient.random(province: province, city: city, generator: &state.generator),
                items: items
            )
            let info: JSONValue = [
                "oid": .number(oid),
                "sellerId": .id(sellerId),
                "createTime": .int(time),
                "openId": .string(sellerOpenId),
                "buyerOpenId": .string(buyer),
                "customizedInfo": "",
            ]
            return (order, message(&state, event: "kwaishop_order_addOrder", bizId: oid, info: info, time: time))
        }
        for line in lines { list(itemId: line.productId, skuId: line.skuId, skuNick: line.outSkuId, title: line.title) }
        return oid
    }

    /// The `kwaishop_order_addOrder` message recorded when the order was created (same `eventId` every time).
    /// - Throws: ``MockPlatformError/unknownOrder(_:)``.
    public func createdMessage(orderId: String) throws -> KuaishouPushMessage {
        try ledger.createdMessage(orderId: orderId)
    }

    /// The buyer pays: 10 → 30. Returns `kwaishop_order_paySuccess`.
    public func pay(orderId: String, at: Date) throws -> KuaishouPushMessage {
        try transition(orderId, from: [10], to: 30, event: "kwaishop_order_paySuccess", at: at) { order, time, _ in order.payTime = time }
    }

    /// The seller ships every line (one parcel, `expressCode` 4 顺丰, a made-up tracking number): 30 → 40. Returns
    /// `kwaishop_order_delivering`.
    public func ship(orderId: String, at: Date) throws -> KuaishouPushMessage {
        let tracking = ledger.withState { "SF" + String(1_400_000_000_000 + $0.sequences.order * 100 + $0.sequences.next(\.tracking)) }
        let parcel = MockParcel(trackingNo: tracking, courierCode: "4", lines: nil)
        do throws(MockShipRefusal) {
            guard let message = try shipParcels(orderId: orderId, parcels: [parcel], rules: .scenario, at: at) else {
                throw MockShipRefusal.alreadyShipped
            }
            return message
        } catch {
            throw error.platformError(orderId: orderId)
        }
    }

    /// The buyer signs for the parcel: 40 → 50. Returns `kwaishop_order_deliverySuccess`.
    public func receive(orderId: String, at: Date) throws -> KuaishouPushMessage {
        try transition(orderId, from: [40], to: 50, event: "kwaishop_order_deliverySuccess", at: at) { order, time, _ in order.recvTime = time }
    }

    /// The trade succeeds: 40/50 → 70. Returns `kwaishop_order_orderSuccess`.
    public func succeed(orderId: String, at: Date) throws -> KuaishouPushMessage {
        try transition(orderId, from: [40, 50], to: 70, event: "kwaishop_order_orderSuccess", at: at) { order, time, _ in
            if order.recvTime == 0 { order.recvTime = time }
        }
    }

    /// The order fails (cancelled before shipment, before or after payment): 10/30 → 80. Returns `kwaishop_order_orderFail`.
    public func cancel(orderId: String, at: Date) throws -> KuaishouPushMessage {
        try transition(orderId, from: [10, 30], to: 80, event: "kwaishop_order_orderFail", at: at) { _, _, _ in }
    }

    /// The buyer asks for a refund of one line (refund status 10). Returns `kwaishop_aftersales_addRefund`,
    /// whose `bizId` is the new refund id.
    /// - Parameter lineId: the line's `skuId`.
    public func requestRefund(orderId: String, lineId: String, at: Date) throws -> KuaishouPushMessage {
        try refundChange(orderId, lineId: lineId, event: "kwaishop_aftersales_addRefund", at: at) { item, state throws(MockPlatformError) in
            guard [30, 40, 50, 70].contains(state.order.status) else { throw state.order.refusal("refund") }
            guard item.refundStatus == 0 else { throw MockPlatformError.invalidTransition("line \(lineId) already has a refund") }
            item.refundId = String(idBase.refund + state.sequence * 7)
            item.refundStatus = 10
        }
    }

    /// The refund of a line succeeds (refund status 60). Returns `kwaishop_aftersales_refundSuccess`.
    /// The order status is left as it is.
    public func refundSucceeded(orderId: String, lineId: String, at: Date) throws -> KuaishouPushMessage {
        try refundChange(orderId, lineId: lineId, event: "kwaishop_aftersales_refundSuccess", at: at) { item, _ throws(MockPlatformError) in
            guard item.refundStatus == 10 else { throw MockPlatformError.invalidTransition("line \(lineId) has no open refund") }
            item.refundStatus = 60
        }
    }

    // MARK: - Truth and stock

    /// The ground truth of every order of the shop, ordered by order id.
    public func truth() -> [MockOrderTruth] { ledger.truth() }

    /// The ground truth of one order, if it exists.
    public func truth(orderId: String) -> MockOrderTruth? { ledger.truth(orderId: orderId) }

    /// The line ids (`skuId`s) of an order; empty for an unknown order.
    public func lineIds(orderId: String) -> [String] { ledger.lineIds(orderId: orderId) }

    /// Sets the platform's stock of a SKU, listing it if needed: what `open.item.get` reads back and
    /// `open.item.sku.stock.update` changes incrementally (0 when never set). Stands for any writer other
    /// than the gateway: the merchant in the seller console, another tool, the platform's own sales.
    public func setStock(itemId: String, skuId: String, stock: Int64) {
        ledger.setStock(key: itemId + "/" + skuId, productId: itemId, skuId: skuId, stock: stock)
    }

    /// The stock levels after the writes through `open.item.sku.stock.update`.
    public func stockLevels() -> [MockStockLevel] { ledger.stockLevels() }

    // MARK: - Push

    /// The push body of a message: Base64 of AES-CBC(message key, zero IV, PKCS5) over the message JSON.
    /// - Throws: ``MockPlatformError`` when the shop's `message_key` is not a Base64 AES key.
    public func encryptedBody(_ plaintext: String) throws -> String {
        guard let cipher = KuaishouMessageCipher(base64Key: messageKey) else {
            throw MockPlatformError.invalidTransition("message_key of \(shopKey) is not Base64 of a 16, 24 or 32-byte AES key")
        }
        return try cipher.encrypt(Array(plaintext.utf8))
    }

    /// Delivers messages exactly as Kuaishou pushes: one `POST {gateway}/webhooks/kuaishou/{shop}` per
    /// message, `Content-Type: text/plain;charset=utf-8`, body = ``encryptedBody(_:)`` of the message JSON,
    /// no signature header.
    /// - Returns: the first answer that was not an ack, else the last; `acknowledged` is true for HTTP 200
    ///   with a JSON body whose `result` is 1.
    public func push(_ messages: [KuaishouPushMessage], to gatewayBaseURL: String, timeout: Duration = .seconds(3)) async throws -> MockPushResult {
        var results: [MockPushResult] = []
        for message in messages {
            results.append(try await send(plaintext: message.json, to: gatewayBaseURL, timeout: timeout))
        }
        return PushTransport.combine(results)
    }

    /// Sends the heartbeat / URL test message `{"test":true}`.
    /// - Parameters:
    ///   - gatewayBaseURL: the gateway root.
    ///   - encrypted: true (default) to encrypt it like every message; false sends the JSON as plain text
    ///     (**[U]** whether Kuaishou encrypts the heartbeat; a gateway should accept both).
    ///   - timeout: how long to wait for the answer.
    public func heartbeat(to gatewayBaseURL: String, encrypted: Bool = true, timeout: Duration = .seconds(3)) async throws -> MockPushResult {
        try await send(plaintext: #"{"test":true}"#, to: gatewayBaseURL, timeout: timeout, encrypted: encrypted)
    }

    func send(plaintext: String, to gatewayBaseURL: String, timeout: Duration, encrypted: Bool = true) async throws -> MockPushResult {
        let body = encrypted ? try encryptedBody(plaintext) : plaintext
        let reply = try await PushTransport.send(
            method: .POST,
            url: PushTransport.trimmed(gatewayBaseURL) + "/webhooks/kuaishou/" + shopKey,
            headers: [("Content-Type", "text/plain;charset=utf-8")],
            body: Array(body.utf8),
            timeout: timeout
        )
        return MockPushResult(status: reply.status, body: reply.body, acknowledged: reply.acknowledges("result", is: 1))
    }

    // MARK: - Internal (open API)

    /// A snapshot of every order.
    func orders() -> [KuaishouOrder] { ledger.orders() }

    /// One order, if it exists.
    func order(_ oid: String) -> KuaishouOrder? { ledger.order(oid) }

    /// The listed SKUs of an item with their current stock, by SKU id (numeric order); empty for an item
    /// with no listed SKU.
    func itemSkus(itemId: String) -> [KuaishouListedSku] {
        var skus: [String: KuaishouListedSku] = [:]
        for listed in catalogue.withLock({ Array($0.values) }) where listed.itemId == itemId { skus[listed.skuId] = listed }
        var stock: [String: Int64] = [:]
        for level in ledger.stockLevels() where level.productId == itemId {
            guard let skuId = level.skuId else { continue }
            stock[skuId] = level.stock
            if skus[skuId] == nil { skus[skuId] = KuaishouListedSku(itemId: itemId, skuId: skuId, skuNick: level.outSkuId ?? "", title: "") }
        }
        return skus.values.map { listed in
            var sku = listed
            sku.stock = stock[listed.skuId] ?? 0
            return sku
        }.sorted { $0.skuId.count != $1.skuId.count ? $0.skuId.count < $1.skuId.count : $0.skuId < $1.skuId }
    }

    /// Applies an incremental stock change; nil when it would go below zero.
    func changeStock(itemId: String, skuId: String, change: Int64) -> MockStockLevel? {
        ledger.writeStock(key: itemId + "/" + skuId, productId: itemId, skuId: skuId) { $0 + change }
    }

    // MARK: - Private

    private struct RefundContext {
        var order: KuaishouOrder
        var sequence: Int64
    }

    private func transition(
        _ oid: String,
        from: Set<Int>,
        to status: Int,
        event: String,
        at: Date,
        _ apply: (inout KuaishouOrder, Int64, Int64) -> Void
    ) throws(MockPlatformError) -> KuaishouPushMessage {
        let time = at.unixMilliseconds
        return try ledger.transition(oid, from: from, to: status, action: event, at: time) { order, state in
            apply(&order, time, state.sequences.order * 100 + state.sequences.message)
            let info: JSONValue = [
                "oid": .number(oid),
                "sellerId": .id(sellerId),
                "status": .int(status),
                "updateTime": .int(order.updateTime),
            ]
            return message(&state, event: event, bizId: oid, info: info, time: order.updateTime)
        }
    }

    private func refundChange(
        _ oid: String,
        lineId: String,
        event: String,
        at: Date,
        _ apply: (inout KuaishouOrderItem, RefundContext) throws(MockPlatformError) -> Void
    ) throws(MockPlatformError) -> KuaishouPushMessage {
        try ledger.change(oid, at: at.unixMilliseconds) { order, state throws(MockPlatformError) -> KuaishouPushMessage in
            let position = try order.linePosition(lineId)
            let context = RefundContext(order: order, sequence: state.sequences.next(\.refund))
            try apply(&order.items[position], context)
            let item = order.items[position]
            let refundId = item.refundId ?? "0"
            let info: JSONValue = [
                "refundId": .id(refundId),
                "oid": .number(oid),
                "sellerId": .id(sellerId),
                "skuId": .id(item.skuId),
                "itemId": .id(item.itemId),
                "refundFee": .int(item.payFee),
                "status": .int(item.refundStatus),
                "updateTime": .int(order.updateTime),
            ]
            return message(&state, event: event, bizId: refundId, info: info, time: order.updateTime)
        }
    }

    /// Lists the SKU of an order line, catalogue entry or stock write, keeping what is already listed.
    private func list(itemId: String, skuId: String, skuNick: String, title: String) {
        catalogue.withLock { catalogue in
            let key = itemId + "/" + skuId
            guard catalogue[key] == nil else { return }
            catalogue[key] = KuaishouListedSku(itemId: itemId, skuId: skuId, skuNick: skuNick, title: title)
        }
    }

    func message(
        _ state: inout MockShopLedger<KuaishouOrder, KuaishouPushMessage>.State,
        event: String,
        bizId: String,
        info: JSONValue,
        time: Int64
    ) -> KuaishouPushMessage {
        let sequence = state.sequences.next(\.message)
        let msgId = String(idBase.message + sequence)
        return KuaishouPushMessage(
            eventId: "\(sellerId.suffix(4))_\(sequence)_\(String(msgId.suffix(6)))",
            msgId: msgId,
            bizId: bizId,
            userId: sellerId,
            openId: sellerOpenId,
            appKey: appKey,
            event: event,
            info: info.serialized,
            createTime: time,
            updateTime: time
        )
    }
}
