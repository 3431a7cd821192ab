import Foundation
import GatewayConfig
import Synchronization

/// One Pinduoduo (拼多多) shop on the mock platform: its orders are the platform's ground truth, served
/// through `POST /api/router` (platforms.md §3).
///
/// Pinduoduo pushes over a WebSocket, which is out of scope: the gateway polls this shop. State changes
/// only update the truth. Besides the unpaid → paid → shipped → received path the shop can hold orders
/// whose group has not formed (拼团中) or failed (团失败), and after-sales.
///
/// ```swift
/// let shop = mock.pinduoduo(shop: "yunlai-pinduoduo")!
/// let sn = shop.createOrder(lines: [MockLineSpec(productId: "400123", skuId: "900123", outSkuId: "BJPG-5KG",
///                                                title: "保靖椪柑 5kg", quantity: 2, unitPriceFen: 2990)], at: .now)
/// try shop.pay(orderId: sn, grouped: false, at: .now)   // paid, group still forming: not yet a sale
/// try shop.formGroup(orderId: sn, at: .now)             // 已成团: now it is paid and to be shipped
/// ```
public final class PinduoduoShopMock: Sendable {
    /// The shop key from the configuration.
    public let shopKey: String
    /// The app's `client_id` credential.
    public let clientId: String
    /// The shop's `access_token` credential (the mock accepts exactly this token for the shop).
    public let accessToken: String
    let clientSecret: String
    let index: Int
    private let snBase: Int64
    let ledger: MockShopLedger<PinduoduoOrder, Never>
    private let indexLag = Mutex<Int64>(0)

    /// Creates the mock of a configured Pinduoduo shop.
    /// - Parameters:
    ///   - shop: the shop configuration (credentials `client_id`, `client_secret`, `access_token`).
    ///   - index: the shop's position among the mock's Pinduoduo shops (keeps order numbers distinct).
    ///   - seed: the platform seed.
    init(shop: ShopConfiguration, index: Int, seed: UInt64) {
        self.shopKey = shop.key
        self.clientId = shop.credential("client_id")
        self.clientSecret = shop.credential("client_secret")
        self.accessToken = shop.credential("access_token")
        self.index = index
        let salt = UInt64(index + 1) &* 0x9DD
        let random = Int64(SeededGenerator.derive(seed, salt) % 10_000_000)
        // 15 digits after the date: a leading digit per shop, then a seeded block, then the sequence.
        self.snBase = Int64(1 + index % 9) * 100_000_000_000_000 + random * 10_000_000
        self.ledger = MockShopLedger(shopKey: shop.key, platform: "pinduoduo", generator: SeededGenerator(seed: seed, salt: salt &+ 0x7DD))
    }

    /// How long an order change takes to reach the increment index, in seconds (default 0).
    ///
    /// Pinduoduo asks callers to keep `end_updated_at` at least 3 minutes behind its clock, because a
    /// change can reach `pdd.order.number.list.increment.get` late. The mock does not reject a later
    /// `end_updated_at`; instead, with a lag set, an order updated less than this many seconds ago is
    /// missing from the increment answers (it is still found by `pdd.order.information.get`). A poller
    /// that reads up to "now" and moves its cursor past the window then misses the order for good.
    public var indexLagSeconds: Int64 {
        get { indexLag.withLock { $0 } }
        set { indexLag.withLock { $0 = max(0, newValue) } }
    }

    // MARK: - Orders

    /// Creates an unpaid order (`confirm_status` 0, `group_status` 0, `order_status` 1) and returns its `order_sn`.
    /// - Parameters:
    ///   - lines: the goods; each becomes an `item_list` entry.
    ///   - postageFen: postage in fen.
    ///   - discountFen: the shop discount in fen (`discount_amount`, `seller_discount`).
    ///   - roomId: the live room, kept in the truth only (Pinduoduo's order has no such field).
    ///   - authorId: the streamer, kept in the truth only.
    ///   - province: delivery province.
    ///   - city: delivery city.
    ///   - at: the creation time.
    /// - Returns: the `order_sn`, e.g. `250101-123456789012345`.
    @discardableResult
    public func createOrder(
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
            let digits = String(snBase + state.sequences.next(\.order) % 10_000_000)
            let date = BeijingTime.digits(time)
            let orderSn = String(date.dropFirst(2).prefix(6)) + "-" + digits
            var seen: [String: Int] = [:]
            let items = lines.map { spec -> PinduoduoItem in
                seen[spec.skuId, default: 0] += 1
                let count = seen[spec.skuId] ?? 1
                return PinduoduoItem(
                    lineId: count == 1 ? spec.skuId : spec.skuId + "#\(count)",
                    goodsId: spec.productId,
                    skuId: spec.skuId,
                    outerId: spec.outSkuId,
                    goodsName: spec.title,
                    goodsCount: spec.quantity,
                    goodsPriceFen: spec.unitPriceFen
                )
            }
            let order = PinduoduoOrder(
                orderSn: orderSn,
                createdTime: time,
                updatedAt: time,
                postageFen: postageFen,
                discountFen: discountFen,
                payType: state.generator.chance(0.6) ? "WEIXIN" : "ALIPAY",
                roomId: roomId,
                authorId: authorId,
                recipient: MockRecipient.random(province: province, city: city, generator: &state.generator),
                items: items
            )
            return (order, nil)
        }
    }

    /// The buyer pays. With `grouped` (the default: a single-buy order, or the group forms at once) the
    /// order becomes a sale (`confirm_status` 1, `group_status` 1); without, it waits for its group
    /// (`confirm_status` 0, `group_status` 0) until ``formGroup(orderId:at:)`` or ``failGroup(orderId:at:)``.
    /// - Throws: ``MockPlatformError`` for an unknown order or one already paid or closed.
    public func pay(orderId: String, grouped: Bool = true, at: Date) throws {
        try change(orderId, at: at) { order, state, time throws(MockPlatformError) in
            guard order.confirmStatus == 0, order.payTime == nil else { throw order.refusal("pay") }
            order.payTime = time
            order.payNo = "PDD" + BeijingTime.digits(time) + String(1000 + state.generator.below(9000))
            if grouped {
                order.groupStatus = 1
                order.confirmStatus = 1
                order.confirmTime = time
            }
        }
    }

    /// The group of a paid order forms (`group_status` 1, `confirm_status` 1): the order is now a sale.
    /// - Throws: ``MockPlatformError`` for an unknown order or one that is not paid and waiting for its group.
    public func formGroup(orderId: String, at: Date) throws {
        try change(orderId, at: at) { order, _, time throws(MockPlatformError) in
            guard order.confirmStatus == 0, order.payTime != nil, order.groupStatus == 0 else { throw order.refusal("form the group of") }
            order.groupStatus = 1
            order.confirmStatus = 1
            order.confirmTime = time
        }
    }

    /// The group of a paid order fails (`group_status` 2, `confirm_status` 2) and the money goes back
    /// (every line refunded, `refund_status` 4).
    /// - Throws: ``MockPlatformError`` for an unknown order or one that is not paid and waiting for its group.
    public func failGroup(orderId: String, at: Date) throws {
        try change(orderId, at: at) { order, _, _ throws(MockPlatformError) in
            guard order.confirmStatus == 0, order.payTime != nil, order.groupStatus == 0 else { throw order.refusal("fail the group of") }
            order.groupStatus = 2
            order.confirmStatus = 2
            for position in order.items.indices { order.items[position].refundState = "refunded" }
        }
    }

    /// The merchant ships the whole order (`order_status` 1 → 2, with `tracking_number`, `logistics_id` 44 顺丰,
    /// `shipping_time`).
    /// - Throws: ``MockPlatformError`` for an unknown order or one that is not a sale waiting for shipment.
    public func ship(orderId: String, at: Date) throws {
        let tracking = ledger.withState { "YT" + String(7_300_000_000_000 + Int64(index) * 10_000_000 + $0.sequences.next(\.tracking)) }
        do throws(MockShipRefusal) {
            try shipWhole(orderId: orderId, trackingNo: tracking, logisticsId: "44", rules: .scenario, at: at)
        } catch {
            throw error.platformError(orderId: orderId)
        }
    }

    /// The buyer signs for the parcel (`order_status` 2 → 3, `receive_time`).
    /// - Throws: ``MockPlatformError`` for an unknown order or one that is not shipped.
    public func confirmReceipt(orderId: String, at: Date) throws {
        try change(orderId, at: at) { order, _, time throws(MockPlatformError) in
            guard order.confirmStatus == 1, order.orderStatus == 2 else { throw order.refusal("confirm receipt of") }
            order.orderStatus = 3
            order.receiveTime = time
        }
    }

    /// The order is cancelled before shipment. Unpaid, or paid with the group still forming: `confirm_status`
    /// 2 (the money, if any, goes back: lines refunded). A sale: the buyer's refund-only after-sale succeeds,
    /// so `refund_status` 4 and every line refunded while `confirm_status` stays 1.
    /// - Throws: ``MockPlatformError`` for an unknown order or one already shipped or closed.
    public func cancel(orderId: String, at: Date) throws {
        try change(orderId, at: at) { order, _, _ throws(MockPlatformError) in
            guard order.confirmStatus != 2, order.orderStatus == 1, !order.fullyRefunded else { throw order.refusal("cancel") }
            let paid = order.payTime != nil
            if order.confirmStatus == 0 { order.confirmStatus = 2 }
            if paid {
                for position in order.items.indices { order.items[position].refundState = "refunded" }
            }
        }
    }

    /// The buyer asks for a refund of one line (`refund_status` 2, `after_sales_status` 2).
    /// - Throws: ``MockPlatformError`` for an unknown order or line, an order that is not a sale, or a line
    ///   with an open or finished refund.
    public func requestRefund(orderId: String, lineId: String, at: Date) throws {
        try change(orderId, at: at) { order, _, _ throws(MockPlatformError) in
            guard order.confirmStatus == 1 else { throw order.refusal("refund") }
            let position = try order.linePosition(lineId)
            guard order.items[position].refundState == "none" else {
                throw MockPlatformError.invalidTransition("line \(lineId) already has a refund (\(order.items[position].refundState))")
            }
            order.items[position].refundState = "requested"
        }
    }

    /// The refund of a line succeeds (`refund_status` 4 once no other refund is open, `after_sales_status` 10).
    /// With every line refunded the order counts as cancelled.
    /// - Throws: ``MockPlatformError`` for an unknown order or line, or a line without an open refund.
    public func refundSucceeded(orderId: String, lineId: String, at: Date) throws {
        try change(orderId, at: at) { order, _, _ throws(MockPlatformError) in
            let position = try order.linePosition(lineId)
            guard order.items[position].refundState == "requested" else {
                throw MockPlatformError.invalidTransition("line \(lineId) has no open refund")
            }
            order.items[position].refundState = "refunded"
        }
    }

    /// The buyer withdraws the refund of a line (`refund_status` back to 1: 无售后或售后关闭).
    /// - Throws: ``MockPlatformError`` for an unknown order or line, or a line without an open refund.
    public func refundClosed(orderId: String, lineId: String, at: Date) throws {
        try change(orderId, at: at) { order, _, _ throws(MockPlatformError) in
            let position = try order.linePosition(lineId)
            guard order.items[position].refundState == "requested" else {
                throw MockPlatformError.invalidTransition("line \(lineId) has no open refund")
            }
            order.items[position].refundState = "none"
        }
    }

    // MARK: - Truth

    /// The ground truth of every order of the shop, ordered by `order_sn`.
    public func truth() -> [MockOrderTruth] { ledger.truth() }

    /// The ground truth of one order, if it exists.
    public func truth(orderId: String) -> MockOrderTruth? { ledger.truth(orderId: orderId) }

    /// The line ids of an order (each line's `sku_id`), in `item_list` order; empty for an unknown order.
    public func lineIds(orderId: String) -> [String] { ledger.lineIds(orderId: orderId) }

    /// The order exactly as the API returns it (one `order_sn_list` element), as compact JSON text.
    public func wireJSON(orderId: String) -> String? { ledger.order(orderId)?.wire().serialized }

    /// The latest stock levels written through `pdd.goods.quantity.update`.
    public func stockLevels() -> [MockStockLevel] { ledger.stockLevels() }

    // MARK: - Internal (API)

    /// A snapshot of every order.
    func orders() -> [PinduoduoOrder] { ledger.orders() }

    /// One order, if it exists.
    func order(_ orderSn: String) -> PinduoduoOrder? { ledger.order(orderSn) }

    /// Applies a `pdd.goods.quantity.update` write.
    /// - Returns: the level after the write, or nil when an incremental write would go below zero.
    func recordStock(goodsId: String, skuId: String?, outerId: String?, quantity: Int64, incremental: Bool) -> MockStockLevel? {
        let key = goodsId + "/" + (skuId.map { "sku:" + $0 } ?? "outer:" + (outerId ?? ""))
        return ledger.writeStock(key: key, productId: goodsId, skuId: skuId, outSkuId: outerId, relabel: true) {
            incremental ? $0 + quantity : quantity
        }
    }

    // MARK: - Private

    private func change(
        _ orderId: String,
        at: Date,
        _ body: (inout PinduoduoOrder, inout MockShopLedger<PinduoduoOrder, Never>.State, Int64) throws(MockPlatformError) -> Void
    ) throws(MockPlatformError) {
        let time = at.unixSeconds
        try ledger.change(orderId, at: time) { order, state throws(MockPlatformError) in try body(&order, &state, time) }
    }
}
