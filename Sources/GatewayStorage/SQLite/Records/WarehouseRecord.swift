import GRDB
import GatewayCore

/// A row of `warehouses`: a warehouse of an enterprise, with the regions it ships to as JSON.
struct WarehouseRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "warehouses"

    var id: String
    var enterpriseId: String
    var name: String
    var regionsJSON: String
    var priority: Int

    enum CodingKeys: String, CodingKey {
        case id, name, priority
        case enterpriseId = "enterprise_id"
        case regionsJSON = "regions_json"
    }

    /// The table's columns.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let enterpriseId = Column(CodingKeys.enterpriseId)
        static let name = Column(CodingKeys.name)
        static let regionsJSON = Column(CodingKeys.regionsJSON)
        static let priority = Column(CodingKeys.priority)
    }

    /// Reads a row by column (no keyed decoding container: master data is read with every batch).
    init(row: Row) {
        id = row[Columns.id]
        enterpriseId = row[Columns.enterpriseId]
        name = row[Columns.name]
        regionsJSON = row[Columns.regionsJSON]
        priority = row[Columns.priority]
    }

    /// The warehouse. - Throws: when the regions are not a JSON array of strings.
    var warehouse: Warehouse {
        get throws {
            Warehouse(
                id: id,
                enterpriseId: enterpriseId,
                name: name,
                regions: try SQLiteRows.decode([String].self, regionsJSON),
                priority: priority
            )
        }
    }
}
