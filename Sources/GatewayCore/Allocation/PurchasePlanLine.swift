/// One line of a ``PurchasePlan``: what one household delivers from one lot on the day.
public struct PurchasePlanLine: Sendable, Hashable, Codable {
    /// The village (the buyers' route).
    public var village: String
    /// The household.
    public var householdId: String
    /// The household's name (staff see the full name).
    public var householdName: String
    /// The lot.
    public var lotId: String
    /// The product.
    public var product: String
    /// The grade.
    public var grade: String
    /// Grams to deliver.
    public var grams: Int64
    /// What the enterprise pays the household for them, fen.
    public var amountFen: Int64

    /// Creates a plan line.
    public init(
        village: String,
        householdId: String,
        householdName: String,
        lotId: String,
        product: String,
        grade: String,
        grams: Int64,
        amountFen: Int64
    ) {
        self.village = village
        self.householdId = householdId
        self.householdName = householdName
        self.lotId = lotId
        self.product = product
        self.grade = grade
        self.grams = grams
        self.amountFen = amountFen
    }
}
