/// One order line on the packing view: what the buyer bought and what the gateway reserved for it.
public struct PackingLine: Sendable, Hashable, Codable {
    /// The platform line id.
    public var lineId: String
    /// The platform's title.
    public var title: String
    /// The platform SKU id.
    public var skuId: String
    /// Units bought.
    public var quantity: Int
    /// The line's refund state.
    public var refundState: RefundState
    /// The line's fulfilment state (`nil`: not planned yet).
    public var fulfilment: FulfilmentState?
    /// Stock reserved (or taken) for the line: warehouse, enterprise SKU, units.
    public var reservations: [StockReservation]

    /// Creates a line.
    public init(
        lineId: String,
        title: String,
        skuId: String,
        quantity: Int,
        refundState: RefundState,
        fulfilment: FulfilmentState?,
        reservations: [StockReservation]
    ) {
        self.lineId = lineId
        self.title = title
        self.skuId = skuId
        self.quantity = quantity
        self.refundState = refundState
        self.fulfilment = fulfilment
        self.reservations = reservations
    }
}
