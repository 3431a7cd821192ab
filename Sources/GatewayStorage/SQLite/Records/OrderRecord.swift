import GRDB

/// A row of `orders`: a canonical order: the merged order as JSON (receiver sealed) and the columns its searches use.
struct OrderRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "orders"

    var platform: String
    var shop: String
    var platformOrderId: String
    var status: String
    var platformUpdatedAt: Int64
    var revision: Int64
    var createdAt: Int64?
    var paidFen: Int64?
    var orderJson: String
    var updatedLocalAt: Int64
    var liveEventId: String?
    var phoneReversed: String?
    var heldSnapshot: String?

    enum CodingKeys: String, CodingKey {
        case platform, shop, status, revision
        case platformOrderId = "platform_order_id"
        case platformUpdatedAt = "platform_updated_at"
        case createdAt = "created_at"
        case paidFen = "paid_fen"
        case orderJson = "order_json"
        case updatedLocalAt = "updated_local_at"
        case liveEventId = "live_event_id"
        case phoneReversed = "phone_reversed"
        case heldSnapshot = "held_snapshot"
    }

    /// The table's columns.
    enum Columns {
        static let platform = Column(CodingKeys.platform)
        static let shop = Column(CodingKeys.shop)
        static let platformOrderId = Column(CodingKeys.platformOrderId)
        static let status = Column(CodingKeys.status)
        static let platformUpdatedAt = Column(CodingKeys.platformUpdatedAt)
        static let revision = Column(CodingKeys.revision)
        static let createdAt = Column(CodingKeys.createdAt)
        static let paidFen = Column(CodingKeys.paidFen)
        static let orderJson = Column(CodingKeys.orderJson)
        static let updatedLocalAt = Column(CodingKeys.updatedLocalAt)
        static let liveEventId = Column(CodingKeys.liveEventId)
        static let phoneReversed = Column(CodingKeys.phoneReversed)
        static let heldSnapshot = Column(CodingKeys.heldSnapshot)
    }
}
