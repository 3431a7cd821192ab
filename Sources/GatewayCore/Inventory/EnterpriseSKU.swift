/// An enterprise's own stock-keeping unit: one product, one grade, one packed net weight.
public struct EnterpriseSKU: Sendable, Hashable, Codable {
    /// The SKU code, unique across enterprises (`BJPG-5KG-A`).
    public var code: String
    /// The enterprise that sells it.
    public var enterpriseId: String
    /// The product (`ponkan`, `kiwi`, `golden-tea`) — the key farmer supply lots are declared for.
    public var product: String
    /// The grade (`A`, `B`, `明前`).
    public var grade: String
    /// Net weight of one unit, in grams.
    public var netWeightGrams: Int64
    /// Display title.
    public var title: String

    /// Creates an enterprise SKU.
    public init(code: String, enterpriseId: String, product: String, grade: String, netWeightGrams: Int64, title: String) {
        self.code = code
        self.enterpriseId = enterpriseId
        self.product = product
        self.grade = grade
        self.netWeightGrams = netWeightGrams
        self.title = title
    }
}
