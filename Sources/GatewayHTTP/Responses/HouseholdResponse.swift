import GatewayCore

/// A farmer household (`Household`).
struct HouseholdResponse: Encodable, Sendable {
    var id: String
    var name: String
    var village: String
    var cooperativeId: String?
    var baseId: String?
    var registeredPoor: Bool
    var members: Int

    init(_ household: Household) {
        id = household.id
        name = household.name
        village = household.village
        cooperativeId = household.cooperativeId
        baseId = household.baseId
        registeredPoor = household.registeredPoor
        members = household.members
    }

    /// The CSV columns of a household list (the JSON keys).
    static let csvColumns = ["id", "name", "village", "cooperative_id", "base_id", "registered_poor", "members"]
}
