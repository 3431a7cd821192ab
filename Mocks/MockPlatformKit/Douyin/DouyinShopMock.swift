import Foundation
import GatewayConfig
import NIOHTTP1

/// One Douyin (抖店) shop on the mock platform: its orders are the platform's ground truth.
///
/// State changes update the truth and return the ``DouyinPushMessage`` Douyin would push for them,
/// without sending it; ``push(_:to:)`` delivers messages to a gateway, signed as Douyin signs them.
///
/// ```swift
/// let shop = mock.douyin(shop: "yunlai-douyin")!
/// let id = shop.createOrder(lines: [MockLineSpec(productId: "3601234567890123456", skuId: "1770000000000000001",
///                                                outSkuId: "PONKAN-5KG", title: "保靖椪柑 5kg", quantity: 1, unitPriceFen: 3990)],
///                           at: .now)
/// let paid = try shop.pay(orderId: id, at: .now)
/// let result = try await shop.push([paid], to: "http://127.0.0.1:8080")
/// ```
public final class DouyinShopMock: Sendable {
    /// The shop key from the configuration (the `{shop}` of the webhook path).
    public let shopKey: String
    /// The shop's `app_key` credential.
    public let appKey: String
    /// The shop's `shop_id` credential.
    public let shopId: String
    let appSecret: String
    let shopName: String
    let index: Int
    private let idBase: (order: Int64, message: Int64, afterSale: Int64)
    let ledger: MockShopLedger<DouyinOrder, DouyinPushMessage>

    /// Creates the mock of a configured Douyin shop.
    /// - Parameters:
    ///   - shop: the shop configuration (credentials `app_key`, `app_secret`, `shop_id`).
    ///   - index: the shop's position among the mock's Douyin shops (keeps ids distinct between shops).
    ///   - seed: the platform seed.
    init(shop: ShopConfiguration, index: Int, seed: UInt64) {
        self.shopKey = shop.key
        self.appKey = shop.credential("app_key")
        self.appSecret = shop.credential("app_secret")
        self.shopId = shop.credential("shop_id")
        self.shopName = shop.enterprise + "抖店"
        self.index = index
        let salt = UInt64(index + 1)
        let random = Int64(SeededGenerator.derive(seed, salt) % 1_000_000_000)
        let digit: Int64 = 100_000_000_000_000_000
        // Ids are 19 digits, far above 2^53, and orders step by 100: parsing them through a Double merges
        // neighbours, so a gateway that does so is caught at once.
        self.idBase = (
            order: (40 + Int64(index % 5) * 10 + Int64((index / 5) % 10)) * digit + random * 100_000_000,
            message: (70 + Int64(index % 10)) * digit + random * 10_000_000,
            afterSale: (60 + Int64(index % 10)) * digit + random * 10_000_000
        )
        self.ledger = MockShopLedger(shopKey: shop.key, platform: "douyin", generator: SeededGenerator(seed: seed, salt: salt &+ 0x5EED))
    }

    // MARK: - Orders

    /// Creates an unpaid order (status 1) and returns its 19-digit shop order id.
    ///
    /// The matching "order created" message (tag 100) is recorded with the order: get it from
    /// ``createdMessage(orderId:)``.
    /// - Parameters:
    ///   - lines: the sku orders; each gets its own 19-digit child order id.
    ///   - postageFen: postage in fen (carried by the first line's `post_amount`).
    ///   - roomId: the live room id, if the order came from a livestream.
    ///   - authorId: the streamer id.
    ///   - province: delivery province.
    ///   - city: delivery city.
    ///   - at: the creation time.
    /// - Returns: the shop order id.
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
            let number = idBase.order + (state.sequences.next(\.order) % 1_000_000) * 100
            let orderId = String(number)
            let skus = lines.enumerated().map { offset, spec in
                DouyinSkuOrder(
                    orderId: String(number + Int64(offset % 99) + 1),
                    productId: spec.productId,
                    skuId: spec.skuId,
                    outSkuId: spec.outSkuId,
                    title: spec.title,
                    quantity: spec.quantity,
                    unitPriceFen: spec.unitPriceFen,
                    payAmount: spec.unitPriceFen * Int64(spec.quantity),
                    postAmount: offset == 0 ? postageFen : 0
                )
            }
            let goods = skus.reduce(Int64(0)) { $0 + $1.payAmount }
            let receiver = Self.makeReceiver(province: province, city: city, generator: &state.generator)
            let order = DouyinOrder(
                orderId: orderId,
                status: 1,
                createTime: time,
                updateTime: time,
                orderAmount: goods + postageFen,
                payAmount: goods + postageFen,
                postAmount: postageFen,
                payType: state.generator.chance(0.5) ? 1 : 2,
                roomId: roomId,
                authorId: authorId,
                receiver: receiver,
                lines: skus
            )
            var data = baseData(order)
            data["create_time"] = .int(time)
            return (order, DouyinPushMessage(tag: "100", msgId: nextMessageId(&state), data: JSONValue.object(data).serialized))
        }
    }

    /// The "order created" message (tag 100) recorded when the order was created (same `msg_id` every time).
    /// - Throws: ``MockPlatformError/unknownOrder(_:)``.
    public func createdMessage(orderId: String) throws -> DouyinPushMessage {
        try ledger.createdMessage(orderId: orderId)
    }

    /// The buyer pays: status 1 → 2 (备货中). Returns the tag 101 message.
    /// - Throws: ``MockPlatformError`` for an unknown order or an order that is not awaiting payment.
    public func pay(orderId: String, at: Date) throws -> DouyinPushMessage {
        try change(orderId, at: at) { order, _, time throws(MockPlatformError) in
            guard order.status == 1 else { throw order.refusal("pay") }
            order.status = 2
            order.payTime = time
            var data = baseData(order)
            data["create_time"] = .int(order.createTime)
            data["pay_amount"] = .int(order.payAmount)
            data["pay_time"] = .int(time)
            data["pay_type"] = .int(order.payType)
            return ("101", data)
        }
    }

    /// The seller ships everything left (one parcel, courier `shunfeng`, a made-up tracking number): status
    /// 2/105/101 → 3. Returns the tag 102 message.
    /// - Throws: ``MockPlatformError`` for an unknown order or an order that is not paid.
    public func ship(orderId: String, at: Date) throws -> DouyinPushMessage {
        let tracking = ledger.withState { "SF" + String(1_300_000_000_000 + Int64(index) * 10_000_000 + $0.sequences.next(\.tracking)) }
        let parcel = MockParcel(trackingNo: tracking, courierCode: "shunfeng", lines: nil)
        let rules = MockShipRules.scenario
        do {
            return try shipParcels(orderId: orderId, parcels: [parcel], rules: rules, at: at).message
        } catch {
            throw error.platformError(orderId: orderId)
        }
    }

    /// The buyer confirms receipt: status 3 → 5. Returns the tag 103 message.
    /// - Throws: ``MockPlatformError`` for an unknown order or an order that is not shipped.
    public func complete(orderId: String, at: Date) throws -> DouyinPushMessage {
        try change(orderId, at: at) { order, _, time throws(MockPlatformError) in
            guard order.status == 3 else { throw order.refusal("complete") }
            order.status = 5
            order.finishTime = time
            var data = baseData(order)
            data["complete_time"] = .int(time)
            return ("103", data)
        }
    }

    /// The order is cancelled before shipping (by the buyer before payment, or by refund/timeout after):
    /// status 1/105/2 → 4. Returns the tag 106 message.
    /// - Throws: ``MockPlatformError`` for an unknown order or an order already shipped, completed or cancelled.
    public func cancel(orderId: String, reason: String = "买家取消订单", at: Date) throws -> DouyinPushMessage {
        try change(orderId, at: at) { order, _, time throws(MockPlatformError) in
            guard [1, 105, 2].contains(order.status) else { throw order.refusal("cancel") }
            order.status = 4
            order.cancelReason = reason
            order.cancelTime = time
            var data = baseData(order)
            data["cancel_reason"] = .string(reason)
            data["cancel_time"] = .int(time)
            return ("106", data)
        }
    }

    /// The buyer changes the delivery address before shipping. Returns the tag 105 message.
    /// - Throws: ``MockPlatformError`` for an unknown order or an order already shipped or closed.
    public func changeAddress(
        orderId: String,
        name: String? = nil,
        phone: String? = nil,
        province: String,
        city: String,
        town: String = "芙蓉区",
        detail: String = "五一大道 99 号",
        at: Date
    ) throws -> DouyinPushMessage {
        try change(orderId, at: at) { order, _, time throws(MockPlatformError) in
            guard [1, 105, 2].contains(order.status) else { throw order.refusal("change the address of") }
            order.receiver.province = province
            order.receiver.city = city
            order.receiver.town = town
            order.receiver.detail = detail
            if let name { order.receiver.name = name }
            if let phone { order.receiver.phone = phone }
            var data = baseData(order)
            data["receiver_msg"] = receiverMessage(order.receiver, encrypted: true)
            return ("105", data)
        }
    }

    /// The seller changes the price of an unpaid order: `pay_amount` and `order_amount` become
    /// `newPaidFen` (postage included, postage unchanged), spread over the lines in proportion to their
    /// value. Returns the tag 109 message.
    /// - Throws: ``MockPlatformError`` for an unknown order, an order not awaiting payment (Douyin only
    ///   allows 改价 before payment) or a price below the postage.
    public func changePrice(orderId: String, newPaidFen: Int64, at: Date) throws -> DouyinPushMessage {
        try change(orderId, at: at) { order, _, time throws(MockPlatformError) in
            guard order.status == 1 else { throw order.refusal("change the price of") }
            let goods = newPaidFen - order.postAmount
            guard goods >= 0 else {
                throw MockPlatformError.invalidTransition("the new price \(newPaidFen) is below the postage \(order.postAmount)")
            }
            let originalTotal = order.lines.reduce(Int64(0)) { $0 + $1.sumAmount }
            var assigned: Int64 = 0
            for position in order.lines.indices {
                let share: Int64
                if position == order.lines.count - 1 {
                    share = goods - assigned
                } else if originalTotal > 0 {
                    share = goods * order.lines[position].sumAmount / originalTotal
                } else {
                    share = 0
                }
                order.lines[position].payAmount = share
                assigned += share
            }
            order.modifyAmount += newPaidFen - order.payAmount
            order.payAmount = newPaidFen
            order.orderAmount = newPaidFen
            var data = baseData(order)
            data["total_amount"] = .int(newPaidFen)
            data["post_amount"] = .int(order.postAmount)
            data["modify_time"] = .int(time)
            return ("109", data)
        }
    }

    /// The buyer asks for a refund of one line (after-sale status 6, refund status 1). Returns the tag 200 message.
    /// - Throws: ``MockPlatformError`` for an unknown order or line, an unpaid or cancelled order, or a line
    ///   with an open or finished refund.
    public func requestRefund(orderId: String, lineId: String, at: Date) throws -> DouyinPushMessage {
        try change(orderId, at: at) { order, state, time throws(MockPlatformError) in
            guard ![1, 4].contains(order.status) else { throw order.refusal("refund") }
            let position = try order.linePosition(lineId)
            guard order.lines[position].refundState == "none" else {
                throw MockPlatformError.invalidTransition("line \(lineId) already has a refund (\(order.lines[position].refundState))")
            }
            let afterSaleId = String(idBase.afterSale + state.sequences.next(\.refund))
            order.lines[position].afterSaleId = afterSaleId
            order.lines[position].afterSaleStatus = 6
            order.lines[position].afterSaleType = [3, 5].contains(order.status) ? 1 : 2
            order.lines[position].refundStatus = 1
            order.lines[position].refundState = "requested"
            var data = afterSaleData(order, position, time: time)
            data["apply_time"] = .int(time)
            data["reason_code"] = 0
            data["refund_voucher_num"] = 0
            return ("200", data)
        }
    }

    /// The refund of a line succeeded (after-sale status 12, refund status 3). Returns the tag 206 message.
    ///
    /// The order's status is left as it is (the mock does not close an order whose lines are all refunded).
    /// - Throws: ``MockPlatformError`` for an unknown order or line, or a line without an open refund.
    public func refundSucceeded(orderId: String, lineId: String, at: Date) throws -> DouyinPushMessage {
        try change(orderId, at: at) { order, _, time throws(MockPlatformError) in
            let position = try order.linePosition(lineId)
            guard order.lines[position].refundState == "requested" else {
                throw MockPlatformError.invalidTransition("line \(lineId) has no open refund")
            }
            order.lines[position].afterSaleStatus = 12
            order.lines[position].refundStatus = 3
            order.lines[position].refundState = "refunded"
            var data = afterSaleData(order, position, time: time)
            data["success_time"] = .int(time)
            return ("206", data)
        }
    }

    /// The after-sale of a line was closed without a refund (after-sale status 28, refund status stays 1,
    /// as Douyin documents for a buyer who withdraws). Returns the tag 207 message.
    /// - Throws: ``MockPlatformError`` for an unknown order or line, or a line without an open refund.
    public func refundClosed(orderId: String, lineId: String, at: Date) throws -> DouyinPushMessage {
        try change(orderId, at: at) { order, _, time throws(MockPlatformError) in
            let position = try order.linePosition(lineId)
            guard order.lines[position].refundState == "requested" else {
                throw MockPlatformError.invalidTransition("line \(lineId) has no open refund")
            }
            order.lines[position].afterSaleStatus = 28
            order.lines[position].refundState = "none"
            var data = afterSaleData(order, position, time: time)
            data["close_time"] = .int(time)
            order.lines[position].afterSaleId = nil
            return ("207", data)
        }
    }

    /// A new URL verification message (tag `"0"`), as Douyin sends when the push URL is saved.
    public func handshakeMessage() -> DouyinPushMessage {
        let msgId = ledger.withState { nextMessageId(&$0) }
        return DouyinPushMessage(tag: "0", msgId: msgId, data: "{}")
    }

    // MARK: - Truth

    /// The ground truth of every order of the shop, ordered by order id.
    public func truth() -> [MockOrderTruth] { ledger.truth() }

    /// The ground truth of one order, if it exists.
    public func truth(orderId: String) -> MockOrderTruth? { ledger.truth(orderId: orderId) }

    /// The line (child order) ids of an order, in line order; empty for an unknown order.
    public func lineIds(orderId: String) -> [String] { ledger.lineIds(orderId: orderId) }

    /// The latest stock levels written through `sku.syncStock`.
    public func stockLevels() -> [MockStockLevel] { ledger.stockLevels() }

    // MARK: - Push

    /// Delivers messages to a gateway exactly as Douyin pushes: `POST {gateway}/webhooks/douyin/{shop}`
    /// with the JSON array body, `app-id` = app_key, `event-sign` = lowercase hex MD5(app_key + body + app_secret)
    /// and `Content-Type: application/json`.
    /// - Parameters:
    ///   - messages: the batch (one HTTP request).
    ///   - gatewayBaseURL: the gateway root, e.g. `http://127.0.0.1:8080`.
    ///   - timeout: how long to wait for the answer (Douyin allows about 5 s).
    /// - Returns: the gateway's answer; `acknowledged` is true for HTTP 200 with JSON `code == 0`.
    /// - Throws: transport errors from AsyncHTTPClient.
    public func push(_ messages: [DouyinPushMessage], to gatewayBaseURL: String, timeout: Duration = .seconds(5)) async throws -> MockPushResult {
        let body = DouyinPushMessage.body(for: messages)
        let reply = try await PushTransport.send(
            method: .POST,
            url: PushTransport.trimmed(gatewayBaseURL) + "/webhooks/douyin/" + shopKey,
            headers: [
                ("Content-Type", "application/json"),
                ("app-id", appKey),
                ("event-sign", DouyinSigner.pushSignature(appKey: appKey, appSecret: appSecret, body: body)),
            ],
            body: body,
            timeout: timeout
        )
        return MockPushResult(status: reply.status, body: reply.body, acknowledged: reply.acknowledges("code", is: 0))
    }

    /// Sends the URL verification push (tag `"0"`) to a gateway.
    /// - Parameters:
    ///   - gatewayBaseURL: the gateway root.
    ///   - timeout: how long to wait for the answer.
    /// - Returns: the gateway's answer.
    public func handshake(to gatewayBaseURL: String, timeout: Duration = .seconds(5)) async throws -> MockPushResult {
        try await push([handshakeMessage()], to: gatewayBaseURL, timeout: timeout)
    }

    // MARK: - Internal (open API)

    /// A snapshot of every order.
    func orders() -> [DouyinOrder] { ledger.orders() }

    /// One order, if it exists.
    func order(_ id: String) -> DouyinOrder? { ledger.order(id) }

    /// Records a stock write from `sku.syncStock` (Douyin takes any level, even below zero).
    @discardableResult
    func recordStock(productId: String, skuId: String?, outSkuId: String?, stockNum: Int64, incremental: Bool) -> MockStockLevel? {
        let key = productId + "/" + (skuId.map { "sku:" + $0 } ?? "out:" + (outSkuId ?? ""))
        return ledger.writeStock(key: key, productId: productId, skuId: skuId, outSkuId: outSkuId, relabel: true, allowsNegative: true) {
            incremental ? $0 + stockNum : stockNum
        }
    }

    // MARK: - Private

    /// Changes an order at `at` (see ``MockShopLedger/change(_:at:_:)``); `body` returns the tag and `data` of the message.
    private func change(
        _ orderId: String,
        at: Date,
        _ body: (inout DouyinOrder, inout MockShopLedger<DouyinOrder, DouyinPushMessage>.State, Int64) throws(MockPlatformError) -> (
            String, [String: JSONValue]
        )
    ) throws(MockPlatformError) -> DouyinPushMessage {
        let time = at.unixSeconds
        return try ledger.change(orderId, at: time) { order, state throws(MockPlatformError) -> DouyinPushMessage in
            let (tag, data) = try body(&order, &state, time)
            return DouyinPushMessage(tag: tag, msgId: nextMessageId(&state), data: JSONValue.object(data).serialized)
        }
    }

    func nextMessageId(_ state: inout MockShopLedger<DouyinOrder, DouyinPushMessage>.State) -> String {
        String(idBase.message + state.sequences.next(\.message))
    }

    /// The fields every order message carries.
    func baseData(_ order: DouyinOrder) -> [String: JSONValue] {
        [
            "p_id": .number(order.orderId),
            "s_ids": .array(order.lines.map { .number($0.orderId) }),
            "shop_id": .id(shopId),
            "biz": 2,
            "order_status": .int(order.status),
            "order_type": 0,
            "update_time": .int(order.updateTime),
        ]
    }

    /// The fields every after-sale message carries.
    private func afterSaleData(_ order: DouyinOrder, _ position: Int, time: Int64) -> [String: JSONValue] {
        let line = order.lines[position]
        return [
            "aftersale_id": .id(line.afterSaleId ?? "0"),
            "aftersale_status": .int(line.afterSaleStatus),
            "aftersale_type": .int(line.afterSaleType),
            "p_id": .number(order.orderId),
            "s_id": .number(line.orderId),
            "shop_id": .id(shopId),
            "refund_amount": .int(line.payAmount),
            "refund_post_amount": 0,
            "update_time": .int(order.updateTime),
        ]
    }

    func receiverMessage(_ receiver: DouyinReceiver, encrypted: Bool) -> JSONValue {
        let address = receiver.province + receiver.city + receiver.town + receiver.maskedDetail
        var message: [String: JSONValue] = [
            "addr": .string(address),
            "name": .string(receiver.maskedName),
            "tel": .string(receiver.maskedPhone),
        ]
        if encrypted {
            message["encrypt_name"] = .string(DouyinReceiver.cipher(receiver.name))
            message["encrypt_tel"] = .string(DouyinReceiver.cipher(receiver.phone))
        }
        return .object(message)
    }

    private static let surnames = ["张", "王", "李", "刘", "陈", "杨", "彭", "向", "田", "龙", "石", "吴"]
    private static let givenNames = ["建国", "秀英", "小红", "志强", "桂花", "海燕", "德明", "春生", "玉兰", "金花"]
    private static let towns = ["芙蓉区", "天心区", "岳麓区", "开福区", "雨花区", "迁陵镇"]
    private static let streets = ["解放路", "五一大道", "韶山路", "人民路", "建设街"]

    private static func makeReceiver(province: String, city: String, generator: inout SeededGenerator) -> DouyinReceiver {
        let name = surnames[generator.below(surnames.count)] + givenNames[generator.below(givenNames.count)]
        let phone = "1" + ["38", "39", "58", "77", "86"][generator.below(5)] + String(10_000_000 + generator.below(90_000_000))
        let street = streets[generator.below(streets.count)]
        return DouyinReceiver(
            name: name,
            phone: phone,
            province: province,
            city: city,
            town: towns[generator.below(towns.count)],
            street: street + "街道",
            detail: street + String(1 + generator.below(300)) + "号"
        )
    }
}
