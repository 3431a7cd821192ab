import GRDB

/// A row of `poll_cursors`: a shop's poll cursor (only moves forward).
struct PollCursorRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "poll_cursors"

    var shop: String
    var cursorAt: Int64
    var updatedAt: Int64

    enum CodingKeys: String, CodingKey {
        case shop
        case cursorAt = "cursor_at"
        case updatedAt = "updated_at"
    }

    /// The table's columns.
    enum Columns {
        static let shop = Column(CodingKeys.shop)
        static let cursorAt = Column(CodingKeys.cursorAt)
        static let updatedAt = Column(CodingKeys.updatedAt)
    }
}
