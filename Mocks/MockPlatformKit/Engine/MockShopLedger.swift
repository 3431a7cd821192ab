import Synchronization

/// The bookkeeping every platform's shop mock shares, behind one lock: the shop's orders by id, the push
/// messages recorded when orders were created, the id counters, the seeded generator, and the stock the
/// gateway wrote back (or someone else set).
///
/// A platform's shop type keeps what is its own — the verbs with their status rules, ids, messages and wire
/// formats — and leaves the state to its ledger:
///
/// ```swift
/// let ledger = MockShopLedger<KuaishouOrder, KuaishouPushMessage>(shopKey: "yunlai-kuaishou", platform: "kuaishou", generator: generator)
/// let oid = ledger.create { state in (order: makeOrder(&state), created: makeMessage(&state)) }
/// let paid = try ledger.transition(oid, from: [10], to: 30, action: "pay", at: time) { order, state in makeMessage(&state) }
/// ```
final class MockShopLedger<Order: MockLedgerOrder, Message: Sendable>: Sendable {
    /// What the ledger holds.
    struct State {
        /// The orders by ``MockLedgerOrder/ledgerId``.
        var orders: [String: Order] = [:]
        /// The message each order's creation pushes, by order id (platforms with pushes).
        var createdMessages: [String: Message] = [:]
        /// The id counters.
        var sequences = MockSequences()
        /// Every random choice of the shop.
        var generator: SeededGenerator
        /// The stock levels, by the platform's key for a SKU.
        var stock: [String: MockStockLevel] = [:]
        /// The first successful answer of each idempotent ship call, by the caller's request id (Douyin
        /// `request_id`).
        var shipReplies: [String: JSONValue] = [:]
    }

    /// The shop key from the configuration.
    let shopKey: String
    /// The platform's name in stock levels, e.g. `wechat-channels`.
    let platform: String
    private let state: Mutex<State>

    /// Creates an empty ledger.
    /// - Parameters:
    ///   - shopKey: the shop key from the configuration.
    ///   - platform: the platform's name in stock levels.
    ///   - generator: the shop's seeded generator.
    init(shopKey: String, platform: String, generator: SeededGenerator) {
        self.shopKey = shopKey
        self.platform = platform
        self.state = Mutex(State(generator: generator))
    }

    /// Runs `body` with the state locked, for what the ledger does not do itself.
    func withState<Result: Sendable>(_ body: (inout State) -> Result) -> Result {
        state.withLock { body(&$0) }
    }

    // MARK: - Orders

    /// Records a new order, built with the state locked, and the message its creation pushes, if any.
    /// - Returns: the order's id.
    @discardableResult
    func create(_ build: (inout State) -> (order: Order, created: Message?)) -> String {
        state.withLock { state in
            let (order, created) = build(&state)
            state.orders[order.ledgerId] = order
            if let created { state.createdMessages[order.ledgerId] = created }
            return order.ledgerId
        }
    }

    /// The message recorded when an order was created (the same message every time).
    /// - Throws: ``MockPlatformError/unknownOrder(_:)``.
    func createdMessage(orderId: String) throws(MockPlatformError) -> Message {
        guard let message = state.withLock({ $0.createdMessages[orderId] }) else { throw MockPlatformError.unknownOrder(orderId) }
        return message
    }

    /// Changes one order with the state locked: moves its ``MockLedgerOrder/changedAt`` to `time`, then runs
    /// `body`. A `body` that throws refuses the change: the order stays as it was (what `body` did to the rest
    /// of the state, such as counting a sequence, stays).
    /// - Parameters:
    ///   - orderId: the order's id.
    ///   - time: the time of the change, in the platform's unit.
    ///   - body: the change; it gets the order and the rest of the state.
    /// - Returns: what `body` returns (usually the message the change pushes).
    /// - Throws: ``MockPlatformError/unknownOrder(_:)``, or what `body` throws.
    func change<Result: Sendable>(
        _ orderId: String,
        at time: Int64,
        _ body: (inout Order, inout State) throws(MockPlatformError) -> Result
    ) throws(MockPlatformError) -> Result {
        try state.withLock { state throws(MockPlatformError) -> Result in
            guard var order = state.orders[orderId] else { throw MockPlatformError.unknownOrder(orderId) }
            order.touch(time)
            let result = try body(&order, &state)
            state.orders[orderId] = order
            return result
        }
    }

    /// A snapshot of every order.
    func orders() -> [Order] {
        state.withLock { Array($0.orders.values) }
    }

    /// One order, if it exists.
    func order(_ orderId: String) -> Order? {
        state.withLock { $0.orders[orderId] }
    }

    /// The ground truth of every order, ordered by order id.
    func truth() -> [MockOrderTruth] {
        state.withLock { state in state.orders.values.map(fullTruth) }.sorted { $0.orderId < $1.orderId }
    }

    /// The ground truth of one order, if it exists.
    func truth(orderId: String) -> MockOrderTruth? {
        order(orderId).map(fullTruth)
    }

    /// An order's truth with its shipments.
    func fullTruth(_ order: Order) -> MockOrderTruth {
        var truth = order.truth(shop: shopKey)
        truth.shipments = order.shipments
        return truth
    }

    /// The line ids of an order, in order; empty for an unknown order.
    func lineIds(orderId: String) -> [String] {
        order(orderId)?.lineIds ?? []
    }

    // MARK: - Stock

    /// The stock levels, ordered by product, SKU and merchant SKU code.
    func stockLevels() -> [MockStockLevel] {
        state.withLock { Array($0.stock.values) }.sorted {
            ($0.productId, $0.skuId ?? "", $0.outSkuId ?? "") < ($1.productId, $1.skuId ?? "", $1.outSkuId ?? "")
        }
    }

    /// Applies one stock write from the gateway and counts it.
    /// - Parameters:
    ///   - key: the platform's key for the SKU (how its API names one).
    ///   - productId: the product id of a new level.
    ///   - skuId: the SKU id of a new level.
    ///   - outSkuId: the merchant SKU code of a new level.
    ///   - relabel: whether a write naming a merchant SKU code also sets it on an existing level.
    ///   - allowsNegative: whether the stock may go below zero (otherwise such a write is refused).
    ///   - next: the new stock from the current one.
    /// - Returns: the level after the write, or nil when refused.
    func writeStock(
        key: String,
        productId: String,
        skuId: String?,
        outSkuId: String? = nil,
        relabel: Bool = false,
        allowsNegative: Bool = false,
        _ next: (Int64) -> Int64
    ) -> MockStockLevel? {
        state.withLock { state in
            var level = state.stock[key] ?? emptyLevel(productId: productId, skuId: skuId, outSkuId: outSkuId)
            let stock = next(level.stock)
            guard allowsNegative || stock >= 0 else { return nil }
            level.stock = stock
            level.writes += 1
            if relabel, let outSkuId { level.outSkuId = outSkuId }
            state.stock[key] = level
            return level
        }
    }

    /// Sets a SKU's stock without counting a write (someone other than the gateway changed it).
    func setStock(key: String, productId: String, skuId: String, stock: Int64) {
        state.withLock { state in
            var level = state.stock[key] ?? emptyLevel(productId: productId, skuId: skuId, outSkuId: nil)
            level.stock = stock
            state.stock[key] = level
        }
    }

    private func emptyLevel(productId: String, skuId: String?, outSkuId: String?) -> MockStockLevel {
        MockStockLevel(platform: platform, shop: shopKey, productId: productId, skuId: skuId, outSkuId: outSkuId, stock: 0, writes: 0)
    }
}

extension MockShopLedger where Order: MockStatusOrder {
    /// Moves an order from one of the statuses `from` to `status` (see ``change(_:at:_:)``), then runs `body`.
    /// - Parameters:
    ///   - orderId: the order's id.
    ///   - from: the statuses the change may start from.
    ///   - status: the status after the change.
    ///   - action: what the refusal calls the change, e.g. `pay` or the event's name.
    ///   - time: the time of the change, in the platform's unit.
    ///   - body: what else the change does; it returns the change's message.
    /// - Throws: ``MockPlatformError`` for an unknown order or one in another status.
    func transition<Result: Sendable>(
        _ orderId: String,
        from: Set<Order.Status>,
        to status: Order.Status,
        action: String,
        at time: Int64,
        _ body: (inout Order, inout State) -> Result
    ) throws(MockPlatformError) -> Result {
        try change(orderId, at: time) { order, state throws(MockPlatformError) -> Result in
            guard from.contains(order.status) else { throw order.refusal(action) }
            order.status = status
            return body(&order, &state)
        }
    }
}
