import GRDB

/// A row of `timeline`: one observation of an order and what the merge decided, with its sealed raw payload. The order is `platformOrderId` when it is stored (the key to `orders`), else `unmatchedOrderId` (`v10-order-keys`).
struct TimelineEntryRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "timeline"

    /// `nil` until inserted (`AUTOINCREMENT`).
    var id: Int64?
    var platform: String
    var shop: String
    var platformOrderId: String?
    var inboxId: Int64?
    var deliveryId: String
    var source: String
    var event: String
    var decision: String
    var statusBefore: String?
    var statusAfter: String
    var platformUpdatedAt: Int64
    var recordedAt: Int64
    var rawPayload: String
    var payloadDeletedAt: Int64?
    var unmatchedOrderId: String?

    enum CodingKeys: String, CodingKey {
        case id, platform, shop, source, event, decision
        case platformOrderId = "platform_order_id"
        case inboxId = "inbox_id"
        case deliveryId = "delivery_id"
        case statusBefore = "status_before"
        case statusAfter = "status_after"
        case platformUpdatedAt = "platform_updated_at"
        case recordedAt = "recorded_at"
        case rawPayload = "raw_payload"
        case payloadDeletedAt = "payload_deleted_at"
        case unmatchedOrderId = "unmatched_order_id"
    }

    /// The table's columns.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let platform = Column(CodingKeys.platform)
        static let shop = Column(CodingKeys.shop)
        static let platformOrderId = Column(CodingKeys.platformOrderId)
        static let inboxId = Column(CodingKeys.inboxId)
        static let deliveryId = Column(CodingKeys.deliveryId)
        static let source = Column(CodingKeys.source)
        static let event = Column(CodingKeys.event)
        static let decision = Column(CodingKeys.decision)
        static let statusBefore = Column(CodingKeys.statusBefore)
        static let statusAfter = Column(CodingKeys.statusAfter)
        static let platformUpdatedAt = Column(CodingKeys.platformUpdatedAt)
        static let recordedAt = Column(CodingKeys.recordedAt)
        static let rawPayload = Column(CodingKeys.rawPayload)
        static let payloadDeletedAt = Column(CodingKeys.payloadDeletedAt)
        static let unmatchedOrderId = Column(CodingKeys.unmatchedOrderId)
    }
}
