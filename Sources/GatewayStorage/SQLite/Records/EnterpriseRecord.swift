import GRDB
import GatewayCore

/// A row of `enterprises`: an enterprise of the master data.
struct EnterpriseRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "enterprises"

    var id: String
    var name: String
    var allowSplit: Bool

    enum CodingKeys: String, CodingKey {
        case id, name
        case allowSplit = "allow_split"
    }

    /// The table's columns.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let name = Column(CodingKeys.name)
        static let allowSplit = Column(CodingKeys.allowSplit)
    }

    /// Reads a row by column (no keyed decoding container: master data is read with every batch).
    init(row: Row) {
        id = row[Columns.id]
        name = row[Columns.name]
        allowSplit = row[Columns.allowSplit]
    }

    /// The enterprise.
    var enterprise: Enterprise { Enterprise(id: id, name: name, allowSplit: allowSplit) }
}
