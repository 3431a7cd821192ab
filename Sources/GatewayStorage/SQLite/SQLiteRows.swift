import Foundation
import GRDB
import GatewayCore

/// Reading and writing the rows the stores share: master data, stock levels, live events and line fulfilments (through
/// their records in `Records/`), and the JSON columns. Not a store: the stores and ``SQLiteLifecycle`` call it inside
/// their transactions. The reads run on cached statements: the lifecycle reads master data, stock and live events with
/// every batch.
enum SQLiteRows {

    /// Writes one stock level.
    static func saveLevel(_ level: StockLevel, db: Database, now: Timestamp) throws {
        try db.executeCached(
            sql: """
                INSERT INTO stock_levels (warehouse_id, sku_code, on_hand, reserved, safety, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (warehouse_id, sku_code) DO UPDATE SET on_hand = excluded.on_hand, reserved = excluded.reserved,
                    safety = excluded.safety, updated_at = excluded.updated_at
                """,
            arguments: [level.warehouseId, level.skuCode, level.onHand, level.reserved, level.safety, now.millisecondsSince1970]
        )
    }

    /// The master data: enterprises, warehouses, SKUs and SKU mappings.
    static func loadMasterData(_ db: Database) throws -> MasterData {
        let enterprises = try EnterpriseRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM enterprises")).map(\.enterprise)
        let warehouses = try WarehouseRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM warehouses")).map { try $0.warehouse }
        let skus = try EnterpriseSkuRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM enterprise_skus")).map(\.sku)
        let mappings = try SkuMappingRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM sku_mappings")).map { try $0.mapping }
        return MasterData(enterprises: enterprises, warehouses: warehouses, skus: skus, mappings: mappings)
    }

    /// Every stock level, by warehouse and SKU.
    static func loadStock(_ db: Database) throws -> [StockLevel] {
        try StockLevelRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM stock_levels ORDER BY warehouse_id, sku_code")).map(\.level)
    }

    /// Every live event, latest start first.
    static func loadLiveEvents(_ db: Database) throws -> [LiveEvent] {
        try LiveEventRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM live_events ORDER BY starts_at DESC, id")).map { try $0.liveEvent }
    }

    /// The fulfilments of an order's lines, by line id (rows in a state this build does not know are left out).
    static func loadFulfilments(_ key: OrderKey, db: Database) throws -> [LineFulfilment] {
        try LineFulfilmentRecord.fetchAll(
            db.cachedStatement(
                sql: "SELECT * FROM line_fulfilments WHERE platform = ? AND shop = ? AND platform_order_id = ? ORDER BY line_id"
            ),
            arguments: [key.platform.rawValue, key.shop, key.platformOrderId]
        ).compactMap { try $0.fulfilment }
    }

    /// A value as JSON text.
    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    /// A value from JSON text.
    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
