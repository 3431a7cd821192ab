import GRDB
import GatewayCore

/// A row of `stock_levels`: one SKU's stock in one warehouse.
struct StockLevelRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "stock_levels"

    var warehouseId: String
    var skuCode: String
    var onHand: Int
    var reserved: Int
    var safety: Int
    var updatedAt: Int64

    enum CodingKeys: String, CodingKey {
        case reserved, safety
        case warehouseId = "warehouse_id"
        case skuCode = "sku_code"
        case onHand = "on_hand"
        case updatedAt = "updated_at"
    }

    /// The table's columns.
    enum Columns {
        static let warehouseId = Column(CodingKeys.warehouseId)
        static let skuCode = Column(CodingKeys.skuCode)
        static let onHand = Column(CodingKeys.onHand)
        static let reserved = Column(CodingKeys.reserved)
        static let safety = Column(CodingKeys.safety)
        static let updatedAt = Column(CodingKeys.updatedAt)
    }

    /// Reads a row by column (no keyed decoding container: stock is read with every batch).
    init(row: Row) {
        warehouseId = row[Columns.warehouseId]
        skuCode = row[Columns.skuCode]
        onHand = row[Columns.onHand]
        reserved = row[Columns.reserved]
        safety = row[Columns.safety]
        updatedAt = row[Columns.updatedAt]
    }

    /// The stock level.
    var level: StockLevel { StockLevel(warehouseId: warehouseId, skuCode: skuCode, onHand: onHand, reserved: reserved, safety: safety) }
}
