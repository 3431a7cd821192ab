/// A stored allocation with what the reports need around it: its day, key and what happened to it since.
public struct AllocationRecord: Sendable, Hashable, Codable {
    /// The allocation.
    public var allocation: ParcelAllocation
    /// The day it was supplied on, `yyyy-MM-dd`.
    public var date: String
    /// The enterprise.
    public var enterpriseId: String
    /// The product.
    public var product: String
    /// The grade.
    public var grade: String
    /// Reversed (cancelled or refunded before shipment): as if it had never been made.
    public var reversed: Bool
    /// Refunded after shipment: the household keeps its income (the produce was bought).
    public var refundedAfterShipment: Bool

    /// Creates a record.
    public init(
        allocation: ParcelAllocation,
        date: String,
        enterpriseId: String,
        product: String,
        grade: String,
        reversed: Bool = false,
        refundedAfterShipment: Bool = false
    ) {
        self.allocation = allocation
        self.date = date
        self.enterpriseId = enterpriseId
        self.product = product
        self.grade = grade
        self.reversed = reversed
        self.refundedAfterShipment = refundedAfterShipment
    }

    /// Whether the record counts toward supply and income: it was not reversed.
    public var counts: Bool { !reversed }

    /// Whether the record's day lies in a period (`yyyy-MM-dd` bounds, inclusive; `nil` = open).
    public func isWithin(from: String?, to: String?) -> Bool {
        if let from, date < from { return false }
        if let to, date > to { return false }
        return true
    }
}
