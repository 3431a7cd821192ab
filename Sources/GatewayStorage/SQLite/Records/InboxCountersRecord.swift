import GRDB

/// A row of `inbox_counters`: the inbox's figures, one row kept by triggers (`v7-inbox-counters`).
struct InboxCountersRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "inbox_counters"

    /// `nil` until inserted (`AUTOINCREMENT`).
    var id: Int64?
    var total: Int64
    var unprocessed: Int64
    var duplicates: Int64
    var parked: Int64
    var awaiting: Int64

    enum CodingKeys: String, CodingKey {
        case id, total, unprocessed, duplicates, parked, awaiting
    }

    /// The table's columns.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let total = Column(CodingKeys.total)
        static let unprocessed = Column(CodingKeys.unprocessed)
        static let duplicates = Column(CodingKeys.duplicates)
        static let parked = Column(CodingKeys.parked)
        static let awaiting = Column(CodingKeys.awaiting)
    }
}
