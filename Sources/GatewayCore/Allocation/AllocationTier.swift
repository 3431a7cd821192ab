/// One tier of an ``AllocationPolicy``: which households it holds and how much of the supply it may take.
public struct AllocationTier: Sendable, Hashable, Codable {
    /// The tier's name, recorded on each allocation (e.g. `registered-poor`, `others`).
    public var name: String
    /// `true`: registered poor households; `false`: the others; `nil`: anyone not taken by an earlier tier.
    public var registeredPoor: Bool?
    /// The percentage of the pool's allocated grams this tier may hold; `nil` = no cap.
    public var maxShare: Int?

    /// Creates a tier.
    public init(name: String, registeredPoor: Bool?, maxShare: Int? = nil) {
        self.name = name
        self.registeredPoor = registeredPoor
        self.maxShare = maxShare
    }

    /// Whether a household with this flag belongs to the tier (earlier tiers are checked first by the pool).
    public func admits(registeredPoor flag: Bool) -> Bool {
        guard let registeredPoor else { return true }
        return registeredPoor == flag
    }
}
