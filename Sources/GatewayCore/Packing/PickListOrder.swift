/// An order's share of a pick list row.
public struct PickListOrder: Sendable, Hashable, Codable {
    /// The order.
    public var order: OrderKey
    /// The Beijing day the order was paid (created, when the platform gave no payment time), `yyyy-MM-dd`.
    public var day: String
    /// Units of the row's SKU for this order.
    public var quantity: Int
    /// The buyer asked for a refund of a line that is not decided yet: pack only once it is.
    public var refundRequested: Bool

    /// Creates an order share.
    public init(order: OrderKey, day: String, quantity: Int, refundRequested: Bool = false) {
        self.order = order
        self.day = day
        self.quantity = quantity
        self.refundRequested = refundRequested
    }

    /// Whether the order is from before the pick list's day (backlog).
    public func isBacklog(on listDay: String) -> Bool { day < listDay }
}
