/// A household's declared capacity of one product and grade for a harvest period: what the
/// enterprise may buy from it, and at what price.
public struct SupplyLot: Sendable, Hashable, Codable {
    /// The lot's id.
    public var id: String
    /// The supplying household.
    public var householdId: String
    /// The buying enterprise (e.g. `yunlai`, `linyin`).
    public var enterpriseId: String
    /// The product (e.g. `ponkan`, `kiwi`, `golden-tea`).
    public var product: String
    /// The grade (e.g. `A`, `B`); may be empty for ungraded produce.
    public var grade: String
    /// Declared capacity in grams.
    public var capacityGrams: Int64
    /// Purchase price paid to the household, fen per kilogram.
    public var priceFenPerKg: Int64
    /// The harvest date, `yyyy-MM-dd`.
    public var harvestDate: String
    /// The first day the lot may supply orders (`yyyy-MM-dd`); `nil` = open.
    public var availableFrom: String?
    /// The last day the lot may supply orders (`yyyy-MM-dd`); `nil` = open.
    public var availableTo: String?

    /// Creates a supply lot.
    public init(
        id: String,
        householdId: String,
        enterpriseId: String,
        product: String,
        grade: String,
        capacityGrams: Int64,
        priceFenPerKg: Int64,
        harvestDate: String,
        availableFrom: String? = nil,
        availableTo: String? = nil
    ) {
        self.id = id
        self.householdId = householdId
        self.enterpriseId = enterpriseId
        self.product = product
        self.grade = grade
        self.capacityGrams = capacityGrams
        self.priceFenPerKg = priceFenPerKg
        self.harvestDate = harvestDate
        self.availableFrom = availableFrom
        self.availableTo = availableTo
    }

    /// Whether the lot's availability window contains a day (`yyyy-MM-dd`; absent bounds are open).
    public func isAvailable(on date: String) -> Bool {
        if let availableFrom, date < availableFrom { return false }
        if let availableTo, date > availableTo { return false }
        return true
    }
}
