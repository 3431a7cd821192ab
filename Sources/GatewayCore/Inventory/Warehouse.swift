/// A warehouse of an enterprise, the regions it ships to, and its priority.
public struct Warehouse: Sendable, Hashable, Codable {
    /// Unique id (`yunlai-baojing`).
    public var id: String
    /// The enterprise that owns it.
    public var enterpriseId: String
    /// Display name.
    public var name: String
    /// Provinces it serves (`湖南省`, `广东` — matched by prefix either way); `*` serves everywhere.
    public var regions: [String]
    /// Lower numbers are chosen first among warehouses that serve the buyer's region.
    public var priority: Int

    /// Creates a warehouse.
    public init(id: String, enterpriseId: String, name: String, regions: [String], priority: Int) {
        self.id = id
        self.enterpriseId = enterpriseId
        self.name = name
        self.regions = regions
        self.priority = priority
    }

    /// Whether the warehouse serves a buyer in `province` (an unknown province is served only by `*` warehouses).
    public func serves(province: String?) -> Bool {
        if regions.contains("*") { return true }
        guard let province, !province.isEmpty else { return false }
        return regions.contains { region in !region.isEmpty && (province.hasPrefix(region) || region.hasPrefix(province)) }
    }
}
