/// Where one order line stands in enterprise fulfilment, and the stock it holds.
public struct LineFulfilment: Sendable, Hashable, Codable {
    /// The order.
    public var order: OrderKey
    /// The platform line id.
    public var lineId: String
    /// The line's state.
    public var state: FulfilmentState
    /// Stock held (state `reserved`) or taken (state `consumed`); empty otherwise.
    public var reservations: [StockReservation]
    /// The enterprises the line routed to.
    public var enterpriseIds: [String]
    /// The platform SKU the line was planned for (`nil`: not recorded, taken as unchanged).
    public var skuId: String?
    /// The quantity the line was planned for (`nil`: not recorded, taken as unchanged).
    public var quantity: Int?

    /// Creates a line fulfilment.
    public init(
        order: OrderKey,
        lineId: String,
        state: FulfilmentState,
        reservations: [StockReservation] = [],
        enterpriseIds: [String] = [],
        skuId: String? = nil,
        quantity: Int? = nil
    ) {
        self.order = order
        self.lineId = lineId
        self.state = state
        self.reservations = reservations
        self.enterpriseIds = enterpriseIds
        self.skuId = skuId
        self.quantity = quantity
    }

    /// Whether the fulfilment was planned for this line as it is now: same SKU and quantity (a value
    /// not recorded counts as the same). A line whose SKU or quantity changed is planned again.
    public func isPlanned(for line: OrderLine) -> Bool {
        (skuId.map { $0 == line.skuId } ?? true) && (quantity.map { $0 == line.quantity } ?? true)
    }
}

/// The fulfilment state of a line.
public enum FulfilmentState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Stock is reserved for a paid, unshipped line.
    case reserved
    /// The line shipped: its stock left the warehouse. Final.
    case consumed
    /// Cancelled or refunded before shipment: its reservation was given back.
    case released
    /// The line cannot proceed (unmapped SKU, not enough stock); an exception is open and the order is held.
    case held
    /// Staff closed the line's exception without fulfilling it through the gateway. Final.
    case dismissed
}
