/// What a parcel's label shows — the produce, grade, weight, the household's village and name only as the public trace
/// page shows them (``Household/publicName``), the trace code — and what the packing view adds (order, line, household id).
public struct ParcelLabel: Sendable, Hashable, Codable {
    /// The trace code (canonical form).
    public var traceCode: String
    /// The order.
    public var order: OrderKey
    /// The order line.
    public var lineId: String
    /// The parcel's index within the line (0-based).
    public var parcelIndex: Int
    /// The enterprise SKU code.
    public var skuCode: String
    /// The SKU's title (the code when the SKU is not in the master data).
    public var productTitle: String
    /// The product key.
    public var product: String
    /// The grade.
    public var grade: String
    /// Net weight of the parcel's produce, grams.
    public var grams: Int64
    /// The supply lot's harvest date, `yyyy-MM-dd`.
    public var harvestDate: String
    /// The enterprise that bought the produce.
    public var enterpriseId: String
    /// The household's registry id (staff only; never printed).
    public var householdId: String
    /// The household's village.
    public var village: String
    /// The household as it agreed to be shown: its name, or masked (``Household/publicName``).
    public var householdPublicName: String
    /// `active`, or `reversed` (the line was cancelled or refunded before shipment).
    public var state: String

    /// Creates a label.
    public init(
        traceCode: String,
        order: OrderKey,
        lineId: String,
        parcelIndex: Int,
        skuCode: String,
        productTitle: String,
        product: String,
        grade: String,
        grams: Int64,
        harvestDate: String,
        enterpriseId: String,
        householdId: String,
        village: String,
        householdPublicName: String,
        state: String
    ) {
        self.traceCode = traceCode
        self.order = order
        self.lineId = lineId
        self.parcelIndex = parcelIndex
        self.skuCode = skuCode
        self.productTitle = productTitle
        self.product = product
        self.grade = grade
        self.grams = grams
        self.harvestDate = harvestDate
        self.enterpriseId = enterpriseId
        self.householdId = householdId
        self.village = village
        self.householdPublicName = householdPublicName
        self.state = state
    }

    /// Whether the label may be printed: the parcel is still allocated (a reversed parcel is never packed).
    public var isPrintable: Bool { state == "active" }

    /// The public trace URL the label's QR code encodes: `<base>/trace/<code>` (a trailing `/` on the base is dropped).
    public func traceURL(base: String) -> String {
        var trimmed = base
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed + "/trace/" + traceCode
    }
}
