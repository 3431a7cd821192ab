/// What the packing bench sees of one order: its lines with what is reserved where, and its parcels with trace codes and
/// households.
public struct PackingOrder: Sendable, Hashable, Codable {
    /// The order.
    public var order: OrderKey
    /// The order's status.
    public var status: OrderStatus
    /// The order's lines, in the platform's order.
    public var lines: [PackingLine]
    /// The order's parcels (reversed ones included), by line and parcel.
    public var parcels: [ParcelLabel]

    /// Creates a packing view.
    public init(order: OrderKey, status: OrderStatus, lines: [PackingLine], parcels: [ParcelLabel]) {
        self.order = order
        self.status = status
        self.lines = lines
        self.parcels = parcels
    }

    /// The warehouses the order's lines draw on, sorted.
    public var warehouseIds: [String] {
        Array(Set(lines.flatMap { $0.reservations.map(\.warehouseId) })).sorted()
    }
}
