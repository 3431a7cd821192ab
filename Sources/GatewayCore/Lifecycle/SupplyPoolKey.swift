/// Identifies a supply pool: one enterprise's lots of one product and grade.
public struct SupplyPoolKey: Sendable, Hashable {
    /// The enterprise that declared the lots.
    public var enterpriseId: String
    /// The product (`ponkan`, `kiwi`, …).
    public var product: String
    /// The grade within the product.
    public var grade: String

    /// Creates a key.
    public init(enterpriseId: String, product: String, grade: String) {
        self.enterpriseId = enterpriseId
        self.product = product
        self.grade = grade
    }
}
