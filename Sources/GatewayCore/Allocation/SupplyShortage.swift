/// Not enough supply for a demand: nothing was allocated, and the SKU should stop selling.
public struct SupplyShortage: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The demand that could not be met.
    public var demand: SupplyDemand
    /// Grams the pool could still supply on the demand's day, in whole units of the failing unit size.
    public var availableGrams: Int64
    /// What went wrong, in words staff can act on.
    public var message: String

    /// Creates a shortage.
    public init(demand: SupplyDemand, availableGrams: Int64, message: String) {
        self.demand = demand
        self.availableGrams = availableGrams
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
