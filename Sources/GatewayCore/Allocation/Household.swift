/// A farmer household from the county's registry (建档立卡 data): who supplies the produce.
public struct Household: Sendable, Hashable, Codable {
    /// The registry's household id.
    public var id: String
    /// The head of household's name.
    public var name: String
    /// The village (村) the household lives in.
    public var village: String
    /// The cooperative (合作社) the household sells through, when any.
    public var cooperativeId: String?
    /// The base (基地) the household's produce comes from, when any.
    public var baseId: String?
    /// Whether the household is a registered poor household (建档立卡贫困户).
    public var registeredPoor: Bool
    /// People in the household.
    public var members: Int
    /// Whether the household agreed to be named on public trace pages; otherwise the name is masked.
    public var showName: Bool

    /// Creates a household.
    public init(
        id: String,
        name: String,
        village: String,
        cooperativeId: String? = nil,
        baseId: String? = nil,
        registeredPoor: Bool,
        members: Int,
        showName: Bool = false
    ) {
        self.id = id
        self.name = name
        self.village = village
        self.cooperativeId = cooperativeId
        self.baseId = baseId
        self.registeredPoor = registeredPoor
        self.members = members
        self.showName = showName
    }

    /// The name as a public page may show it: the full name when the household agreed, otherwise the
    /// first character followed by `**` (e.g. "张**").
    public var publicName: String {
        if showName { return name }
        guard let first = name.first else { return "**" }
        return String(first) + "**"
    }
}
