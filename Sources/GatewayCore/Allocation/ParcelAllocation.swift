/// One parcel (or part of a parcel, with a unit smaller than the parcel) supplied by one lot, with the
/// figures that decided it so staff can explain the choice.
public struct ParcelAllocation: Sendable, Hashable, Codable {
    /// The demand's line reference.
    public var lineRef: String
    /// The parcel's 0-based index within the line.
    public var parcelIndex: Int
    /// The supplying lot.
    public var lotId: String
    /// The lot's household.
    public var householdId: String
    /// Grams supplied.
    public var grams: Int64
    /// The name of the tier the lot was chosen in.
    public var tier: String
    /// The lot's proportional quota at decision time, grams, rounded down.
    public var quotaGrams: Int64
    /// `quotaGrams` minus what the lot had been allocated before: the remainder that decided the choice.
    public var deficitGrams: Int64
    /// What the household earns for it: grams × price ÷ 1000, rounded half up.
    public var incomeFen: Int64

    /// Creates an allocation.
    public init(
        lineRef: String,
        parcelIndex: Int,
        lotId: String,
        householdId: String,
        grams: Int64,
        tier: String,
        quotaGrams: Int64,
        deficitGrams: Int64,
        incomeFen: Int64
    ) {
        self.lineRef = lineRef
        self.parcelIndex = parcelIndex
        self.lotId = lotId
        self.householdId = householdId
        self.grams = grams
        self.tier = tier
        self.quotaGrams = quotaGrams
        self.deficitGrams = deficitGrams
        self.incomeFen = incomeFen
    }

    /// Income in fen for grams at a price in fen per kilogram, rounded half up, exact.
    public static func incomeFen(grams: Int64, priceFenPerKg: Int64) -> Int64 {
        let (small, overflow) = grams.multipliedReportingOverflow(by: priceFenPerKg)
        if !overflow && small >= 0 && small <= Int64.max - 500 { return (small + 500) / 1000 }  // the usual case, in 64 bits
        let product = Int128(grams) * Int128(priceFenPerKg)
        let rounded = product >= 0 ? (product + 500) / 1000 : -((-product + 500) / 1000)
        return Int64(clamping: rounded)
    }
}
