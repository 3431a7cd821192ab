/// What recording a shipment does, decided by ``ShipmentPlanner``.
public struct ShipmentPlan: Sendable, Hashable {
    /// The lines and quantities the shipment carries, in the order's line order.
    public var lines: [ShippedLine]
    /// Every unit of the order still to ship, and nothing shipped before: written back with the whole-order call.
    public var wholeOrder: Bool
    /// Lines whose every unit is now in a shipment: their reserved stock is consumed.
    public var completedLineIds: [String]

    /// Creates a plan.
    public init(lines: [ShippedLine], wholeOrder: Bool, completedLineIds: [String]) {
        self.lines = lines
        self.wholeOrder = wholeOrder
        self.completedLineIds = completedLineIds
    }
}
