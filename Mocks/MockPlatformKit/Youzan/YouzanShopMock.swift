import Foundation
import GatewayConfig
import NIOHTTP1

/// One Youzan (有赞) shop on the mock platform: its trades are the platform's ground truth. Youzan is
/// push-only in the mock (platforms.md §6 lists no poll API).
///
/// State changes update the truth and return the ``YouzanPushMessage`` Youzan would push, carrying the
/// whole trade; ``push(_:to:timeout:)`` delivers messages signed as Youzan signs them.
///
/// ```swift
/// let shop = mock.youzan(shop: "yunlai-youzan")!
/// let tid = shop.createTrade(MockOrderPlacement(lines: [line], at: .now))
/// let paid = try shop.pay(tid: tid, at: .now)
/// let result = try await shop.push([paid], to: gateway)   // acknowledged on {"code":0,…}
/// ```
///
/// Types (**[U]**: the names are the mock's reading of Youzan's `trade_*` topics): `trade_TradeCreate`,
/// `trade_TradePaid`, `trade_TradeSellerShip`, `trade_TradeSuccess`, `trade_TradeClose`,
/// `trade_refund_BuyerCreated`, `trade_refund_RefundSuccess`.
public final class YouzanShopMock: Sendable {
    /// The shop key from the configuration.
    public let shopKey: String
    /// The `client_id` credential.
    public let clientId: String
    /// The shop id (`kdt_id`): the optional `kdt_id` credential, else derived from the seed.
    public let kdtId: String
    let clientSecret: String
    /// An access token configured as the optional `access_token` credential, accepted without a token call.
    let configuredAccessToken: String
    let kdtName: String
    private let idBase: (line: Int64, message: Int64, refund: Int64)
    let ledger: MockShopLedger<YouzanTrade, YouzanPushMessage>

    /// Creates the mock of a configured Youzan shop.
    /// - Parameters:
    ///   - shop: the shop configuration (credentials `client_id`, `client_secret`; optional `kdt_id`).
    ///   - index: the shop's position among the mock's Youzan shops.
    ///   - seed: the platform seed.
    init(shop: ShopConfiguration, index: Int, seed: UInt64) {
        shopKey = shop.key
        clientId = shop.credential("client_id")
        clientSecret = shop.credential("client_secret")
        configuredAccessToken = shop.credential("access_token")
        let salt = UInt64(index + 1) &* 0x595A
        let random = Int64(SeededGenerator.derive(seed, salt) % 1_000_000)
        let configured = shop.credential("kdt_id")
        kdtId = configured.isEmpty ? String(40_000_000 + Int64(index) * 1_000_000 + random) : configured
        kdtName = shop.enterprise + "有赞微商城"
        idBase = (
            line: 3_100_000_000_000_000_000 + Int64(index % 9) * 100_000_000_000_000_000 + random * 10_000_000_000,
            message: 8_800_000_000_000_000 + Int64(index % 9) * 100_000_000_000_000 + random * 10_000,
            refund: 201_000_000_000_000_000 + Int64(index % 9) * 1_000_000_000_000_000 + random * 10_000
        )
        ledger = MockShopLedger(shopKey: shop.key, platform: "youzan", generator: SeededGenerator(seed: seed, salt: salt &+ 0x5EED))
    }

    // MARK: - Trades

    /// Creates an unpaid trade (`WAIT_BUYER_PAY`) and returns its `tid`; the `trade_TradeCreate` message is
    /// recorded with it (``createdMessage(tid:)``). Each line gets a 19-digit `oid`; `outSkuId` becomes
    /// `outer_sku_id`; the live room and streamer go to `source_info.live_room_id` / `streamer_id` (**[U]**).
    @discardableResult
    public func createTrade(_ order: MockOrderPlacement) -> String {
        let time = order.at.unixSeconds
        return ledger.create { state in
            let sequence = state.sequences.next(\.order)
            let digits = BeijingTime.digits(time)
            let tid = "E" + digits + String(100_000_000 + (Int64(kdtId.hashValueStable) % 1000) * 100_000 + sequence % 100_000)
            let tradeLines = order.lines.map { spec -> YouzanTradeLine in
                YouzanTradeLine(
                    oid: String(idBase.line + state.sequences.next(\.line) * 100),
                    itemId: spec.productId,
                    skuId: spec.skuId,
                    outerSkuId: spec.outSkuId,
                    title: spec.title,
                    num: spec.quantity,
                    priceFen: spec.unitPriceFen,
                    paymentFen: spec.unitPriceFen * Int64(spec.quantity)
                )
            }
            let trade = YouzanTrade(
                tid: tid,
                status: "WAIT_BUYER_PAY",
                created: time,
                updated: time,
                postFen: order.postageFen,
                buyerId: String(7_000_000_000 + Int64(state.generator.below(1_000_000_000))),
                roomId: order.roomId,
                authorId: order.authorId,
                recipient: MockRecipient.random(province: order.province, city: order.city, generator: &state.generator),
                lines: tradeLines
            )
            return (trade, message(&state, type: "trade_TradeCreate", trade: trade, extra: nil))
        }
    }

    /// The `trade_TradeCreate` message recorded when the trade was created.
    /// - Throws: ``MockPlatformError/unknownOrder(_:)``.
    public func createdMessage(tid: String) throws -> YouzanPushMessage {
        try ledger.createdMessage(orderId: tid)
    }

    /// The buyer pays: `WAIT_BUYER_PAY` → `WAIT_SELLER_SEND_GOODS`. Returns `trade_TradePaid`.
    public func pay(tid: String, at: Date) throws -> YouzanPushMessage {
        try transition(tid, from: ["WAIT_BUYER_PAY"], to: "WAIT_SELLER_SEND_GOODS", type: "trade_TradePaid", at: at) { $0.payTime = $1 }
    }

    /// The seller ships every line (one parcel, `out_stype` 7 顺丰, a made-up tracking number): →
    /// `WAIT_BUYER_CONFIRM_GOODS`. Returns `trade_TradeSellerShip`.
    public func ship(tid: String, at: Date) throws -> YouzanPushMessage {
        let parcel = MockParcel(trackingNo: "SF" + String(tid.suffix(12)), courierCode: "7", lines: nil)
        do throws(MockShipRefusal) {
            return try shipParcels(tid: tid, parcels: [parcel], rules: .scenario, at: at)
        } catch {
            throw error.platformError(orderId: tid)
        }
    }

    /// The trade succeeds: → `TRADE_SUCCESS`. Returns `trade_TradeSuccess`.
    public func succeed(tid: String, at: Date) throws -> YouzanPushMessage {
        try transition(tid, from: ["WAIT_BUYER_CONFIRM_GOODS"], to: "TRADE_SUCCESS", type: "trade_TradeSuccess", at: at) { $0.successTime = $1 }
    }

    /// The trade is closed before shipment (unpaid, or paid and cancelled): → `TRADE_CLOSE`. Returns `trade_TradeClose`.
    public func close(tid: String, at: Date) throws -> YouzanPushMessage {
        try transition(tid, from: ["WAIT_BUYER_PAY", "WAIT_SELLER_SEND_GOODS"], to: "TRADE_CLOSE", type: "trade_TradeClose", at: at) { _, _ in }
    }

    /// The buyer asks for a refund of one line (`lineId` = `oid`; `refund_state` 11). Returns `trade_refund_BuyerCreated`.
    public func requestRefund(tid: String, lineId: String, at: Date) throws -> YouzanPushMessage {
        try refundChange(tid, lineId: lineId, type: "trade_refund_BuyerCreated", at: at) { line, trade, sequence throws(MockPlatformError) in
            guard ["WAIT_SELLER_SEND_GOODS", "WAIT_BUYER_CONFIRM_GOODS", "TRADE_SUCCESS"].contains(trade.status) else {
                throw trade.refusal("refund")
            }
            guard line.refundState == 0 else { throw MockPlatformError.invalidTransition("line \(lineId) already has a refund") }
            line.refundState = 11
            line.refundId = String(idBase.refund + sequence)
        }
    }

    /// The refund of a line succeeds (`refund_state` 12). Returns `trade_refund_RefundSuccess`. The trade status stays.
    public func refundSucceeded(tid: String, lineId: String, at: Date) throws -> YouzanPushMessage {
        try refundChange(tid, lineId: lineId, type: "trade_refund_RefundSuccess", at: at) { line, _, _ throws(MockPlatformError) in
            guard line.refundState == 11 else { throw MockPlatformError.invalidTransition("line \(lineId) has no open refund") }
            line.refundState = 12
        }
    }

    /// A test ping (`test: true`, `type: "test"`, empty `msg`), as Youzan sends when the push URL is saved.
    public func testMessage() -> YouzanPushMessage {
        let sequence = ledger.withState { $0.sequences.next(\.message) }
        return YouzanPushMessage(
            id: String(idBase.message + sequence),
            type: "test",
            status: "",
            message: "",
            version: Date().unixSeconds,
            test: true
        )
    }

    // MARK: - Truth

    /// The ground truth of every trade of the shop, ordered by `tid`.
    public func truth() -> [MockOrderTruth] { ledger.truth() }

    /// The ground truth of one trade, if it exists.
    public func truth(tid: String) -> MockOrderTruth? { ledger.truth(orderId: tid) }

    /// The line ids (`oid`s) of a trade.
    public func lineIds(tid: String) -> [String] { ledger.lineIds(orderId: tid) }

    // MARK: - Push

    /// The raw push body of a message (``YouzanPushMessage/body(clientId:clientSecret:kdtId:kdtName:)``).
    public func body(of message: YouzanPushMessage) -> [UInt8] {
        message.body(clientId: clientId, clientSecret: clientSecret, kdtId: kdtId, kdtName: kdtName)
    }

    /// Delivers messages as Youzan pushes: one `POST {gateway}/webhooks/youzan/{shop}` per message with
    /// `Content-Type: application/json`, `Event-Sign` = lowercase hex MD5(client_id + raw body + client_secret),
    /// `Event-Type` = the message type and `Client-Id` = client_id (**[U]** for the last two headers).
    /// - Returns: the first answer that was not an ack, else the last; `acknowledged` is true for HTTP 200 and
    ///   a JSON body with `code == 0`.
    public func push(_ messages: [YouzanPushMessage], to gatewayBaseURL: String, timeout: Duration = .seconds(5)) async throws -> MockPushResult {
        var results: [MockPushResult] = []
        for message in messages {
            let body = body(of: message)
            let reply = try await PushTransport.send(
                method: .POST,
                url: PushTransport.trimmed(gatewayBaseURL) + "/webhooks/youzan/" + shopKey,
                headers: [
                    ("Content-Type", "application/json"),
                    ("Event-Sign", YouzanPushMessage.eventSign(clientId: clientId, body: body, clientSecret: clientSecret)),
                    ("Event-Type", message.type),
                    ("Client-Id", clientId),
                ],
                body: body,
                timeout: timeout
            )
            results.append(MockPushResult(status: reply.status, body: reply.body, acknowledged: reply.acknowledges("code", is: 0)))
        }
        return PushTransport.combine(results)
    }

    /// Sends a test ping, waiting at most `timeout` for the answer.
    public func sendTest(to gatewayBaseURL: String, timeout: Duration = .seconds(5)) async throws -> MockPushResult {
        try await push([testMessage()], to: gatewayBaseURL, timeout: timeout)
    }

    // MARK: - Private

    private func transition(
        _ tid: String,
        from: Set<String>,
        to status: String,
        type: String,
        at: Date,
        _ apply: (inout YouzanTrade, Int64) -> Void
    ) throws(MockPlatformError) -> YouzanPushMessage {
        let time = at.unixSeconds
        return try ledger.transition(tid, from: from, to: status, action: type, at: time) { trade, state in
            apply(&trade, time)
            return message(&state, type: type, trade: trade, extra: nil)
        }
    }

    private func refundChange(
        _ tid: String,
        lineId: String,
        type: String,
        at: Date,
        _ apply: (inout YouzanTradeLine, YouzanTrade, Int64) throws(MockPlatformError) -> Void
    ) throws(MockPlatformError) -> YouzanPushMessage {
        try ledger.change(tid, at: at.unixSeconds) { trade, state throws(MockPlatformError) -> YouzanPushMessage in
            let position = try trade.linePosition(lineId)
            let sequence = state.sequences.next(\.refund)
            let before = trade
            try apply(&trade.lines[position], before, sequence)
            let line = trade.lines[position]
            let refund: JSONValue = [
                "refund_id": .string(line.refundId ?? ""),
                "oid": .string(line.oid),
                "tid": .string(tid),
                "refund_state": .int(line.refundState),
                "refunded_fee": .string(YuanText.twoDecimals(line.paymentFen)),
            ]
            return message(&state, type: type, trade: trade, extra: refund)
        }
    }

    func message(
        _ state: inout MockShopLedger<YouzanTrade, YouzanPushMessage>.State,
        type: String,
        trade: YouzanTrade,
        extra: JSONValue?
    ) -> YouzanPushMessage {
        let sequence = state.sequences.next(\.message)
        var content = trade.fullOrderInfo().objectValue ?? [:]
        if let extra { content["refund_info"] = extra }
        return YouzanPushMessage(
            id: String(idBase.message + sequence),
            type: type,
            status: trade.status,
            message: JSONValue.object(content).serialized,
            version: trade.updated
        )
    }
}
extension String {
    /// A hash of the UTF-8 bytes that is the same in every run (Swift's `hashValue` is seeded per process).
    fileprivate var hashValueStable: Int {
        Int(utf8.reduce(UInt32(2_166_136_261)) { ($0 ^ UInt32($1)) &* 16_777_619 } % 1_000_000)
    }
}
