import GRDB
import GatewayCore

/// A row of `shipments`.
struct ShipmentRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "shipments"

    var id: Int64?
    var platform: String
    var shop: String
    var platformOrderId: String
    var courier: String
    var trackingNo: String
    var wholeOrder: Bool
    var packages: Int
    var traceCodes: String
    var recordedBy: String
    var recordedAt: Int64

    enum CodingKeys: String, CodingKey {
        case id, platform, shop, courier, packages
        case platformOrderId = "platform_order_id"
        case trackingNo = "tracking_no"
        case wholeOrder = "whole_order"
        case traceCodes = "trace_codes"
        case recordedBy = "recorded_by"
        case recordedAt = "recorded_at"
    }

    /// The table's columns.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let platform = Column(CodingKeys.platform)
        static let shop = Column(CodingKeys.shop)
        static let platformOrderId = Column(CodingKeys.platformOrderId)
        static let trackingNo = Column(CodingKeys.trackingNo)
        static let recordedAt = Column(CodingKeys.recordedAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The rows of one order.
    static func of(_ key: OrderKey) -> QueryInterfaceRequest<ShipmentRecord> {
        filter(Columns.platform == key.platform.rawValue && Columns.shop == key.shop && Columns.platformOrderId == key.platformOrderId)
    }

    /// The order it belongs to; `nil` for a platform this build does not know.
    var order: OrderKey? {
        Platform(rawValue: platform).map { OrderKey(platform: $0, shop: shop, platformOrderId: platformOrderId) }
    }
}

/// A row of `shipment_lines`.
struct ShipmentLineRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "shipment_lines"

    var shipmentId: Int64
    var lineId: String
    var quantity: Int

    enum CodingKeys: String, CodingKey {
        case quantity
        case shipmentId = "shipment_id"
        case lineId = "line_id"
    }

    /// The table's columns.
    enum Columns {
        static let shipmentId = Column(CodingKeys.shipmentId)
        static let lineId = Column(CodingKeys.lineId)
        static let quantity = Column(CodingKeys.quantity)
    }
}
