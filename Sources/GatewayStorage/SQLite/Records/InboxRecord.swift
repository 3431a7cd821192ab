import Foundation
import GRDB

/// A row of `inbox`: a delivery in the durable inbox: its sealed payload, receipts, attempts, parking and processing marks.
struct InboxRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "inbox"

    /// `nil` until inserted (`AUTOINCREMENT`).
    var id: Int64?
    var platform: String
    var shop: String
    var deliveryId: String
    var kind: String
    var receivedAt: Int64
    var lastReceivedAt: Int64
    var receivedCount: Int64
    var payload: Data
    var processedAt: Int64?
    var attempts: Int64
    var nextAttemptAt: Int64
    var lastError: String?
    var parkedAt: Int64?
    var parkReason: String?
    var failures: Int64
    var firstFailedAt: Int64?
    var lastFailedAt: Int64?
    var inFlight: Int64
    var payloadDeletedAt: Int64?

    enum CodingKeys: String, CodingKey {
        case id, platform, shop, kind, payload, attempts, failures
        case deliveryId = "delivery_id"
        case receivedAt = "received_at"
        case lastReceivedAt = "last_received_at"
        case receivedCount = "received_count"
        case processedAt = "processed_at"
        case nextAttemptAt = "next_attempt_at"
        case lastError = "last_error"
        case parkedAt = "parked_at"
        case parkReason = "park_reason"
        case firstFailedAt = "first_failed_at"
        case lastFailedAt = "last_failed_at"
        case inFlight = "in_flight"
        case payloadDeletedAt = "payload_deleted_at"
    }

    /// The table's columns.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let platform = Column(CodingKeys.platform)
        static let shop = Column(CodingKeys.shop)
        static let deliveryId = Column(CodingKeys.deliveryId)
        static let kind = Column(CodingKeys.kind)
        static let receivedAt = Column(CodingKeys.receivedAt)
        static let lastReceivedAt = Column(CodingKeys.lastReceivedAt)
        static let receivedCount = Column(CodingKeys.receivedCount)
        static let payload = Column(CodingKeys.payload)
        static let processedAt = Column(CodingKeys.processedAt)
        static let attempts = Column(CodingKeys.attempts)
        static let nextAttemptAt = Column(CodingKeys.nextAttemptAt)
        static let lastError = Column(CodingKeys.lastError)
        static let parkedAt = Column(CodingKeys.parkedAt)
        static let parkReason = Column(CodingKeys.parkReason)
        static let failures = Column(CodingKeys.failures)
        static let firstFailedAt = Column(CodingKeys.firstFailedAt)
        static let lastFailedAt = Column(CodingKeys.lastFailedAt)
        static let inFlight = Column(CodingKeys.inFlight)
        static let payloadDeletedAt = Column(CodingKeys.payloadDeletedAt)
    }
}
