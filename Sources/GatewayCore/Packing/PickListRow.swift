/// One row of a pick list: an enterprise SKU and grade, the units to pick, and the orders they go to.
public struct PickListRow: Sendable, Hashable, Codable {
    /// What rows are grouped by.
    public struct Key: Sendable, Hashable {
        /// The enterprise SKU code.
        public var skuCode: String
        /// The grade.
        public var grade: String
    }

    /// The enterprise SKU code.
    public var skuCode: String
    /// The grade.
    public var grade: String
    /// The SKU's title.
    public var title: String
    /// Units to pick.
    public var quantity: Int
    /// The orders, by day then order.
    public var orders: [PickListOrder]

    /// Creates a row.
    public init(skuCode: String, grade: String, title: String, quantity: Int, orders: [PickListOrder]) {
        self.skuCode = skuCode
        self.grade = grade
        self.title = title
        self.quantity = quantity
        self.orders = orders
    }
}
