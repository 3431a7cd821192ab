import GRDB
import GatewayCore

/// A row of `households`: a farming household that supplies lots.
struct HouseholdRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "households"

    var id: String
    var name: String
    var village: String
    var cooperativeId: String?
    var baseId: String?
    var registeredPoor: Bool
    var members: Int
    var showName: Bool
    var updatedAt: Int64

    enum CodingKeys: String, CodingKey {
        case id, name, village, members
        case cooperativeId = "cooperative_id"
        case baseId = "base_id"
        case registeredPoor = "registered_poor"
        case showName = "show_name"
        case updatedAt = "updated_at"
    }

    /// The table's columns.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let name = Column(CodingKeys.name)
        static let village = Column(CodingKeys.village)
        static let cooperativeId = Column(CodingKeys.cooperativeId)
        static let baseId = Column(CodingKeys.baseId)
        static let registeredPoor = Column(CodingKeys.registeredPoor)
        static let members = Column(CodingKeys.members)
        static let showName = Column(CodingKeys.showName)
        static let updatedAt = Column(CodingKeys.updatedAt)
    }

    /// Reads a row by column (no keyed decoding container: supply pools' households are read with every batch).
    init(row: Row) {
        id = row[Columns.id]
        name = row[Columns.name]
        village = row[Columns.village]
        cooperativeId = row[Columns.cooperativeId]
        baseId = row[Columns.baseId]
        registeredPoor = row[Columns.registeredPoor]
        members = row[Columns.members]
        showName = row[Columns.showName]
        updatedAt = row[Columns.updatedAt]
    }

    /// The household.
    var household: Household {
        Household(
            id: id,
            name: name,
            village: village,
            cooperativeId: cooperativeId,
            baseId: baseId,
            registeredPoor: registeredPoor,
            members: members,
            showName: showName
        )
    }
}
