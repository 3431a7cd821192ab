/// One reserved line part as a store reads it, before grouping into a ``PickList``: the SKU it draws and the order's share.
public struct PickListEntry: Sendable, Hashable {
    /// The enterprise SKU code.
    public var skuCode: String
    /// The SKU's grade (empty when the SKU is not in the master data).
    public var grade: String
    /// The SKU's title (the code when the SKU is not in the master data).
    public var title: String
    /// The order, its day and the units.
    public var order: PickListOrder

    /// Creates an entry.
    public init(skuCode: String, grade: String, title: String, order: PickListOrder) {
        self.skuCode = skuCode
        self.grade = grade
        self.title = title
        self.order = order
    }
}
