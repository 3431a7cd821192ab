/// An order as a shop's ``MockShopLedger`` keeps it. Each platform's order type is its own wire model; this
/// protocol is the little the shared bookkeeping needs to read from it.
protocol MockLedgerOrder: Sendable {
    /// The platform's order id: the ledger's key (Taobao's numeric `tid` as text).
    var ledgerId: String { get }
    /// When the order last changed, in the platform's unit (Kuaishou milliseconds, the others seconds).
    var changedAt: Int64 { get set }
    /// The platform's ids of the order's lines, in order.
    var lineIds: [String] { get }
    /// The parcels recorded by ship calls (and the scenario's ship), oldest first.
    var shipments: [MockShipment] { get set }
    /// How a refused change names the order, e.g. `order 123 in status 2`.
    var refusalSubject: String { get }
    /// The order as ground truth.
    /// - Parameter shop: the shop key.
    func truth(shop: String) -> MockOrderTruth
}

extension MockLedgerOrder {
    /// Moves ``changedAt`` forward to `time`, never backwards, so that polling windows stay meaningful.
    mutating func touch(_ time: Int64) {
        changedAt = max(changedAt, time)
    }

    /// The error for a change the order's state does not allow: `cannot <action> <refusalSubject>`.
    func refusal(_ action: String) -> MockPlatformError {
        MockPlatformError.invalidTransition("cannot \(action) \(refusalSubject)")
    }

    /// The position of a line in ``lineIds``.
    /// - Throws: ``MockPlatformError/unknownLine(_:order:)`` when the order has no such line.
    func linePosition(_ lineId: String) throws(MockPlatformError) -> Int {
        guard let position = lineIds.firstIndex(of: lineId) else { throw MockPlatformError.unknownLine(lineId, order: ledgerId) }
        return position
    }
}

/// An order with one status field that the platform's verbs move along (every platform but Pinduoduo,
/// whose order carries three).
protocol MockStatusOrder: MockLedgerOrder {
    /// The platform's status value (`order_status` codes, or Youzan's and Taobao's status strings).
    associatedtype Status: Hashable & Sendable
    /// The order's status.
    var status: Status { get set }
}
