/// What the warehouse reads to pick, pack and label parcels (issue #17, "Pick lists and labels"): read-only views over
/// orders, line fulfilments (stock reservations) and parcel allocations.
public protocol PackingStore: Sendable {
    /// The pick list of a warehouse for a Beijing day (`yyyy-MM-dd`): the lines still to pack there — order paid, not
    /// shipped or cancelled, line reserved at that warehouse (not released, consumed or refunded) — of orders paid on that
    /// day and of every earlier day (the backlog), grouped by enterprise SKU and grade.
    func pickList(warehouseId: String, day: String) async throws -> PickList

    /// The packing view of an order: its lines with their reservations and its parcels; `nil` for an unknown order.
    func packingOrder(_ key: OrderKey) async throws -> PackingOrder?

    /// One parcel's label data; `nil` for an unknown or malformed trace code.
    func parcelLabel(traceCode: String) async throws -> ParcelLabel?

    /// The labels of an order's parcels (reversed ones included; ``ParcelLabel/isPrintable`` tells them apart), by line
    /// and parcel.
    func parcelLabels(of order: OrderKey) async throws -> [ParcelLabel]

    /// The labels of the parcels of a pick list's lines: the SKUs reserved at the warehouse, active parcels only, in the
    /// pick list's order (SKU, grade, order).
    func parcelLabels(warehouseId: String, day: String) async throws -> [ParcelLabel]
}
