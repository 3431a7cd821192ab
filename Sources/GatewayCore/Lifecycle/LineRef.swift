/// One line of one order.
public struct LineRef: Sendable, Hashable {
    /// The order.
    public var order: OrderKey
    /// The line.
    public var lineId: String

    /// Creates a reference.
    public init(order: OrderKey, lineId: String) {
        self.order = order
        self.lineId = lineId
    }
}
