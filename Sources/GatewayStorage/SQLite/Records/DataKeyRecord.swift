import Foundation
import GRDB

/// A row of `data_keys`: a data key the database was sealed with: its id and a check value (never the key).
struct DataKeyRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "data_keys"

    var id: String
    var checkValue: Data
    var firstUsedAt: Int64

    enum CodingKeys: String, CodingKey {
        case id
        case checkValue = "check_value"
        case firstUsedAt = "first_used_at"
    }

    /// The table's columns.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let checkValue = Column(CodingKeys.checkValue)
        static let firstUsedAt = Column(CodingKeys.firstUsedAt)
    }
}
