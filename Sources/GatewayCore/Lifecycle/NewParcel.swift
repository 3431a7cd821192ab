/// A parcel allocated by ``OrderLifecycle``: one household's lot supplies it, and it has its trace code.
public struct NewParcel: Sendable, Hashable {
    /// The line it belongs to.
    public var line: LineRef
    /// The enterprise SKU the parcel is of.
    public var sku: EnterpriseSKU
    /// The allocation.
    public var allocation: ParcelAllocation
    /// The Beijing day the order was paid (or created), `yyyy-MM-dd`.
    public var day: String
    /// The parcel's trace code (unique among all parcels).
    public var traceCode: String
    /// Whether the line was refunded after shipment already when the parcel was allocated.
    public var refundedAfterShipment: Bool

    /// Creates a parcel.
    public init(line: LineRef, sku: EnterpriseSKU, allocation: ParcelAllocation, day: String, traceCode: String, refundedAfterShipment: Bool) {
        self.line = line
        self.sku = sku
        self.allocation = allocation
        self.day = day
        self.traceCode = traceCode
        self.refundedAfterShipment = refundedAfterShipment
    }
}
