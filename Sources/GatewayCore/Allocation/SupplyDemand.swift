/// What one routed order line needs: parcels of a product and grade on a day.
public struct SupplyDemand: Sendable, Hashable, Codable {
    /// The order line this demand comes from (the caller's reference).
    public var lineRef: String
    /// The enterprise the line was routed to.
    public var enterpriseId: String
    /// The product.
    public var product: String
    /// The grade.
    public var grade: String
    /// The day the demand is supplied on, `yyyy-MM-dd`.
    public var date: String
    /// Net weight of one parcel (the SKU net weight), grams.
    public var parcelGrams: Int64
    /// Number of parcels (the line quantity).
    public var parcels: Int

    /// Creates a demand.
    public init(lineRef: String, enterpriseId: String, product: String, grade: String, date: String, parcelGrams: Int64, parcels: Int) {
        self.lineRef = lineRef
        self.enterpriseId = enterpriseId
        self.product = product
        self.grade = grade
        self.date = date
        self.parcelGrams = parcelGrams
        self.parcels = parcels
    }

    /// The demand's total weight in grams.
    public var totalGrams: Int64 { parcelGrams * Int64(parcels) }
}
