/// How an enterprise allocates demand to supply lots: tiers in order and the allocation unit.
public struct AllocationPolicy: Sendable, Hashable, Codable {
    /// The tiers, in the order they are offered each unit.
    public var tiers: [AllocationTier]
    /// The allocation unit in grams (e.g. 500 for loose tea); `nil` = one parcel is one unit.
    public var unitGrams: Int64?

    /// Creates a policy.
    public init(tiers: [AllocationTier], unitGrams: Int64? = nil) {
        self.tiers = tiers
        self.unitGrams = unitGrams
    }

    /// Registered poor households first, then everyone else; no caps; one parcel per unit.
    public static let registeredPoorFirst = AllocationPolicy(
        tiers: [AllocationTier(name: "registered-poor", registeredPoor: true), AllocationTier(name: "others", registeredPoor: nil)]
    )
}
