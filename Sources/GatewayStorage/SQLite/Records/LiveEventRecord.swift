import GRDB
import GatewayCore

/// A row of `live_events`: a livestream (shops, rooms, authors as JSON arrays) and its time window in milliseconds.
struct LiveEventRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "live_events"

    var id: String
    var title: String
    var shopsJSON: String
    var roomIdsJSON: String
    var authorIdsJSON: String
    var startsAt: Int64
    var endsAt: Int64

    enum CodingKeys: String, CodingKey {
        case id, title
        case shopsJSON = "shops_json"
        case roomIdsJSON = "room_ids_json"
        case authorIdsJSON = "author_ids_json"
        case startsAt = "starts_at"
        case endsAt = "ends_at"
    }

    /// The table's columns.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let title = Column(CodingKeys.title)
        static let shopsJSON = Column(CodingKeys.shopsJSON)
        static let roomIdsJSON = Column(CodingKeys.roomIdsJSON)
        static let authorIdsJSON = Column(CodingKeys.authorIdsJSON)
        static let startsAt = Column(CodingKeys.startsAt)
        static let endsAt = Column(CodingKeys.endsAt)
    }

    /// Reads a row by column (no keyed decoding container: live events are read with every batch).
    init(row: Row) {
        id = row[Columns.id]
        title = row[Columns.title]
        shopsJSON = row[Columns.shopsJSON]
        roomIdsJSON = row[Columns.roomIdsJSON]
        authorIdsJSON = row[Columns.authorIdsJSON]
        startsAt = row[Columns.startsAt]
        endsAt = row[Columns.endsAt]
    }

    /// The live event. - Throws: when a list column is not a JSON array of strings.
    var liveEvent: LiveEvent {
        get throws {
            LiveEvent(
                id: id,
                title: title,
                shops: try SQLiteRows.decode([String].self, shopsJSON),
                roomIds: try SQLiteRows.decode([String].self, roomIdsJSON),
                authorIds: try SQLiteRows.decode([String].self, authorIdsJSON),
                startsAt: Timestamp(millisecondsSince1970: startsAt),
                endsAt: Timestamp(millisecondsSince1970: endsAt)
            )
        }
    }
}
