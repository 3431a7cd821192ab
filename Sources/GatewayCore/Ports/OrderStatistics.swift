/// Counts over the stored orders, for the demo display, readiness and the console.
public struct OrderStatistics: Sendable, Hashable, Codable {
    /// Orders per shop and status.
    public var ordersByShopAndStatus: [String: [OrderStatus: Int]]
    /// Timeline merge decisions taken so far.
    public var decisions: [MergeDecision: Int]

    /// Creates statistics.
    public init(ordersByShopAndStatus: [String: [OrderStatus: Int]] = [:], decisions: [MergeDecision: Int] = [:]) {
        self.ordersByShopAndStatus = ordersByShopAndStatus
        self.decisions = decisions
    }

    /// Orders in a shop (all statuses).
    public func orders(shop: String) -> Int { ordersByShopAndStatus[shop]?.values.reduce(0, +) ?? 0 }

    /// Orders in all shops.
    public var totalOrders: Int { ordersByShopAndStatus.values.reduce(0) { $0 + $1.values.reduce(0, +) } }
}
