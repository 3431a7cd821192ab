import Foundation
import GatewayConfig

/// One Taobao / Tmall (淘宝) shop on the mock platform: its trades are the platform's ground truth,
/// served through TOP `POST /router/rest` (platforms.md §4).
///
/// Taobao pushes through TMC over a WebSocket, which is out of scope: the gateway polls this shop. State
/// changes only update the truth. Every one of the twelve trade status strings can be reached, the
/// ordinary ones through the verbs and the rare ones through ``setStatus(orderId:status:at:)``.
///
/// ```swift
/// let shop = mock.taobao(shop: "linyin-taobao")!
/// let tid = shop.createTrade(lines: [MockLineSpec(productId: "680001", skuId: "5000001", outSkuId: "LYHC-1KG",
///                                                 title: "龙山黄茶 1kg", quantity: 1, unitPriceFen: 19_207)],
///                            postageFen: 800, at: .now)          // payment "200.07"
/// try shop.pay(orderId: tid, at: .now)                            // WAIT_SELLER_SEND_GOODS
/// ```
public final class TaobaoShopMock: Sendable {
    /// The shop key from the configuration.
    public let shopKey: String
    /// The app's `app_key` credential.
    public let appKey: String
    /// The shop's `session` credential (the mock accepts exactly this session key for the shop).
    public let session: String
    let appSecret: String
    let sellerNick: String
    private let tidBase: Int64
    let ledger: MockShopLedger<TaobaoTrade, Never>

    /// Creates the mock of a configured Taobao shop.
    /// - Parameters:
    ///   - shop: the shop configuration (credentials `app_key`, `app_secret`, `session`).
    ///   - index: the shop's position among the mock's Taobao shops (keeps trade ids distinct).
    ///   - seed: the platform seed.
    init(shop: ShopConfiguration, index: Int, seed: UInt64) {
        self.shopKey = shop.key
        self.appKey = shop.credential("app_key")
        self.appSecret = shop.credential("app_secret")
        self.session = shop.credential("session")
        self.sellerNick = shop.enterprise + "淘宝店"
        let salt = UInt64(index + 1) &* 0x7AB
        let random = Int64(SeededGenerator.derive(seed, salt) % 1_000_000_000)
        // 19 digits, far above 2^53, stepping by 100: a gateway that parses tids through a Double merges
        // neighbouring trades at once.
        self.tidBase = (31 + Int64(index % 9)) * 100_000_000_000_000_000 + random * 100_000_000
        self.ledger = MockShopLedger(shopKey: shop.key, platform: "taobao", generator: SeededGenerator(seed: seed, salt: salt &+ 0x7A0))
    }

    // MARK: - Trades

    /// Creates an unpaid trade (`WAIT_BUYER_PAY`) and returns its `tid` as text.
    /// - Parameters:
    ///   - lines: the sub-orders; each gets its own `oid`.
    ///   - postageFen: `post_fee` in fen.
    ///   - discountFen: `discount_fee` in fen.
    ///   - roomId: the live room, kept in the truth only.
    ///   - authorId: the streamer, kept in the truth only.
    ///   - province: delivery province.
    ///   - city: delivery city.
    ///   - at: the creation time.
    /// - Returns: the `tid`.
    @discardableResult
    public func createTrade(
        lines: [MockLineSpec],
        postageFen: Int64 = 0,
        discountFen: Int64 = 0,
        roomId: String? = nil,
        authorId: String? = nil,
        province: String = "湖南省",
        city: String = "长沙市",
        at: Date
    ) -> String {
        let time = at.unixSeconds
        return ledger.create { state in
            let tid = tidBase + (state.sequences.next(\.order) % 1_000_000) * 100
            let orders = lines.enumerated().map { offset, spec in
                TaobaoOrder(
                    oid: tid + Int64(offset % 99) + 1,
                    numIid: spec.productId,
                    skuId: spec.skuId,
                    outerSkuId: spec.outSkuId,
                    title: spec.title,
                    num: spec.quantity,
                    priceFen: spec.unitPriceFen,
                    status: "WAIT_BUYER_PAY"
                )
            }
            let uid = "AAH" + Hex.lowercase(withUnsafeBytes(of: state.generator.next()) { Array($0) }).uppercased()
            let trade = TaobaoTrade(
                tid: tid,
                status: "WAIT_BUYER_PAY",
                created: time,
                modified: time,
                postFeeFen: postageFen,
                discountFeeFen: discountFen,
                buyerOpenUid: uid,
                roomId: roomId,
                authorId: authorId,
                recipient: MockRecipient.random(province: province, city: city, generator: &state.generator),
                orders: orders
            )
            return (trade, nil)
        }
    }

    /// The buyer pays: `WAIT_BUYER_PAY` (or `TRADE_NO_CREATE_PAY`, `PAY_PENDING`, `WAIT_PRE_AUTH_CONFIRM`) →
    /// `WAIT_SELLER_SEND_GOODS`, or `PAID_FORBID_CONSIGN` when `forbidConsign` (e.g. a group buy still forming).
    /// - Throws: ``MockPlatformError`` for an unknown trade or one not awaiting payment.
    public func pay(orderId: String, forbidConsign: Bool = false, at: Date) throws {
        try change(orderId, at) { trade, time throws(MockPlatformError) in
            guard ["WAIT_BUYER_PAY", "TRADE_NO_CREATE_PAY", "PAY_PENDING", "WAIT_PRE_AUTH_CONFIRM"].contains(trade.status) else {
                throw trade.refusal("pay")
            }
            trade.payTime = time
            Self.setAll(&trade, forbidConsign ? "PAID_FORBID_CONSIGN" : "WAIT_SELLER_SEND_GOODS")
        }
    }

    /// The seller ships some sub-orders (one parcel, `SF`, a made-up tracking number): those become
    /// `WAIT_BUYER_CONFIRM_GOODS`; the trade becomes `SELLER_CONSIGNED_PART` while others still wait,
    /// `WAIT_BUYER_CONFIRM_GOODS` once all are shipped.
    /// - Parameter lineIds: the `oid`s to ship; nil ships every open sub-order.
    /// - Throws: ``MockPlatformError`` for an unknown trade or sub-order, or a trade not waiting for shipment.
    public func ship(orderId: String, lineIds: [String]? = nil, at: Date) throws {
        let tracking = "SF" + String(orderId.suffix(11))
        do throws(MockShipRefusal) {
            try shipLines(
                orderId: orderId,
                lineIds: lineIds,
                trackingNo: tracking,
                companyCode: "SF",
                rules: MockShipRules(allowsPartial: true, allowsAfterPartial: true, ignoresRefunds: true),
                at: at
            )
        } catch {
            throw error.platformError(orderId: orderId)
        }
    }

    /// The buyer confirms receipt: `WAIT_BUYER_CONFIRM_GOODS` (or `TRADE_BUYER_SIGNED`) → `TRADE_FINISHED`.
    /// - Throws: ``MockPlatformError`` for an unknown trade or one not shipped.
    public func finish(orderId: String, at: Date) throws {
        try change(orderId, at) { trade, time throws(MockPlatformError) in
            guard ["WAIT_BUYER_CONFIRM_GOODS", "TRADE_BUYER_SIGNED"].contains(trade.status) else { throw trade.refusal("finish") }
            trade.endTime = time
            Self.setAll(&trade, "TRADE_FINISHED")
        }
    }

    /// The trade is closed before shipment. Unpaid: `TRADE_CLOSED_BY_TAOBAO`. Paid: every sub-order is
    /// refunded (`refund_status` `SUCCESS`) and the trade is `TRADE_CLOSED`.
    /// - Throws: ``MockPlatformError`` for an unknown trade or one shipped, finished or closed.
    public func close(orderId: String, at: Date) throws {
        try change(orderId, at) { trade, time throws(MockPlatformError) in
            let unpaid = ["WAIT_BUYER_PAY", "TRADE_NO_CREATE_PAY", "PAY_PENDING", "WAIT_PRE_AUTH_CONFIRM"]
            if unpaid.contains(trade.status) {
                Self.setAll(&trade, "TRADE_CLOSED_BY_TAOBAO")
            } else if ["WAIT_SELLER_SEND_GOODS", "PAID_FORBID_CONSIGN"].contains(trade.status) {
                for position in trade.orders.indices { trade.orders[position].refundStatus = "SUCCESS" }
                Self.setAll(&trade, "TRADE_CLOSED")
            } else {
                throw trade.refusal("close")
            }
            trade.endTime = time
        }
    }

    /// The buyer asks for a refund of one sub-order (`refund_status` `WAIT_SELLER_AGREE`).
    /// - Throws: ``MockPlatformError`` for an unknown trade or sub-order, an unpaid or closed trade, or a
    ///   sub-order with an open or finished refund.
    public func requestRefund(orderId: String, lineId: String, at: Date) throws {
        try change(orderId, at) { trade, _ throws(MockPlatformError) in
            guard trade.isPaid, TaobaoTrade.canonicalStatus(trade.status) != "cancelled" else { throw trade.refusal("refund") }
            let position = try trade.linePosition(lineId)
            guard ["NO_REFUND", "CLOSED"].contains(trade.orders[position].refundStatus) else {
                throw MockPlatformError.invalidTransition("sub-order \(lineId) already has a refund (\(trade.orders[position].refundStatus))")
            }
            trade.orders[position].refundStatus = "WAIT_SELLER_AGREE"
        }
    }

    /// The refund of a sub-order succeeds: `refund_status` `SUCCESS`, the sub-order `TRADE_CLOSED`; once every
    /// sub-order is closed the trade is `TRADE_CLOSED` too.
    /// - Throws: ``MockPlatformError`` for an unknown trade or sub-order, or one without an open refund.
    public func refundSucceeded(orderId: String, lineId: String, at: Date) throws {
        try change(orderId, at) { trade, time throws(MockPlatformError) in
            let position = try trade.linePosition(lineId)
            guard trade.orders[position].refundStatus == "WAIT_SELLER_AGREE" else {
                throw MockPlatformError.invalidTransition("sub-order \(lineId) has no open refund")
            }
            trade.orders[position].refundStatus = "SUCCESS"
            trade.orders[position].status = "TRADE_CLOSED"
            if trade.orders.allSatisfy({ $0.status == "TRADE_CLOSED" }) {
                trade.status = "TRADE_CLOSED"
                trade.endTime = time
            }
        }
    }

    /// The buyer withdraws the refund of a sub-order (`refund_status` `CLOSED`).
    /// - Throws: ``MockPlatformError`` for an unknown trade or sub-order, or one without an open refund.
    public func refundClosed(orderId: String, lineId: String, at: Date) throws {
        try change(orderId, at) { trade, _ throws(MockPlatformError) in
            let position = try trade.linePosition(lineId)
            guard trade.orders[position].refundStatus == "WAIT_SELLER_AGREE" else {
                throw MockPlatformError.invalidTransition("sub-order \(lineId) has no open refund")
            }
            trade.orders[position].refundStatus = "CLOSED"
        }
    }

    /// Forces a trade (and its sub-orders that are not closed) into any of the twelve status strings, for
    /// tests of the rare ones (`TRADE_NO_CREATE_PAY`, `PAY_PENDING`, `WAIT_PRE_AUTH_CONFIRM`, `TRADE_BUYER_SIGNED`, …).
    /// Times are filled in as the status implies (a paid status sets `pay_time` if missing).
    /// - Throws: ``MockPlatformError`` for an unknown trade or a string that is not a trade status.
    public func setStatus(orderId: String, status: String, at: Date) throws {
        try change(orderId, at) { trade, time throws(MockPlatformError) in
            guard TaobaoTrade.statuses.contains(status) else {
                throw MockPlatformError.invalidTransition("\(status) is not a Taobao trade status")
            }
            let unpaid = ["WAIT_BUYER_PAY", "TRADE_NO_CREATE_PAY", "PAY_PENDING", "WAIT_PRE_AUTH_CONFIRM", "TRADE_CLOSED_BY_TAOBAO"]
            if !unpaid.contains(status), trade.payTime == nil { trade.payTime = time }
            if ["WAIT_BUYER_CONFIRM_GOODS", "SELLER_CONSIGNED_PART", "TRADE_BUYER_SIGNED", "TRADE_FINISHED"].contains(status),
                trade.consignTime == nil
            {
                trade.consignTime = time
            }
            Self.setAll(&trade, status)
        }
    }

    // MARK: - Truth

    /// The ground truth of every trade of the shop, ordered by `tid`.
    public func truth() -> [MockOrderTruth] { ledger.truth() }

    /// The ground truth of one trade, if it exists.
    public func truth(orderId: String) -> MockOrderTruth? { Int64(orderId).flatMap { ledger.truth(orderId: String($0)) } }

    /// The `oid`s of a trade, in order; empty for an unknown trade.
    public func lineIds(orderId: String) -> [String] { Int64(orderId).flatMap(trade)?.lineIds ?? [] }

    /// The trade exactly as `taobao.trade.fullinfo.get` returns it with every field, as compact JSON text.
    public func wireJSON(orderId: String) -> String? {
        Int64(orderId).flatMap(trade)?.wire(fields: .all, sellerNick: sellerNick).serialized
    }

    /// The latest stock levels written through `taobao.item.quantity.update`.
    public func stockLevels() -> [MockStockLevel] { ledger.stockLevels() }

    // MARK: - Internal (API)

    /// A snapshot of every trade.
    func trades() -> [TaobaoTrade] { ledger.orders() }

    /// One trade, if it exists.
    func trade(_ tid: Int64) -> TaobaoTrade? { ledger.order(String(tid)) }

    /// Applies a `taobao.item.quantity.update` write.
    /// - Returns: the level after the write, or nil when an incremental write would go below zero.
    func recordStock(numIid: String, skuId: String?, outerId: String?, quantity: Int64, incremental: Bool) -> MockStockLevel? {
        let key = numIid + "/" + (skuId.map { "sku:" + $0 } ?? outerId.map { "outer:" + $0 } ?? "item")
        return ledger.writeStock(key: key, productId: numIid, skuId: skuId, outSkuId: outerId) { incremental ? $0 + quantity : quantity }
    }

    // MARK: - Private

    /// Changes a trade at `at` (see ``MockShopLedger/change(_:at:_:)``); `orderId` is the `tid` as text.
    private func change(_ orderId: String, _ at: Date, _ body: (inout TaobaoTrade, Int64) throws(MockPlatformError) -> Void) throws(MockPlatformError)
    {
        guard let tid = Int64(orderId) else { throw MockPlatformError.unknownOrder(orderId) }
        let time = at.unixSeconds
        try ledger.change(String(tid), at: time) { trade, _ throws(MockPlatformError) in try body(&trade, time) }
    }

    private static func setAll(_ trade: inout TaobaoTrade, _ status: String) {
        trade.status = status
        for position in trade.orders.indices where trade.orders[position].status != "TRADE_CLOSED" {
            trade.orders[position].status = status
        }
    }
}
