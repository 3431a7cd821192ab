/// A parcel allocation a line holds now (not reversed), as a store loads it for ``OrderLifecycle``.
public struct ActiveAllocation: Sendable, Hashable {
    /// The line it belongs to.
    public var lineId: String
    /// The allocation (its ``ParcelAllocation/lineRef`` names order, line and SKU).
    public var allocation: ParcelAllocation
    /// The pool it was taken from.
    public var pool: SupplyPoolKey
    /// Whether it is already flagged as refunded after shipment.
    public var refundedAfterShipment: Bool

    /// Creates an active allocation.
    public init(lineId: String, allocation: ParcelAllocation, pool: SupplyPoolKey, refundedAfterShipment: Bool) {
        self.lineId = lineId
        self.allocation = allocation
        self.pool = pool
        self.refundedAfterShipment = refundedAfterShipment
    }
}
