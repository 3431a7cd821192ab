import Foundation
import GRDB
import GatewayCore

/// Reading and writing the rows the stores share: master data, stock levels, live events, line fulfilments and
/// exceptions, and the JSON columns. Not a store: the stores and ``SQLiteLifecycle`` call it inside their transactions.
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

    static func loadMasterData(_ db: Database) throws -> MasterData {
        let enterprises = try Row.fetchAllCached(db, sql: "SELECT * FROM enterprises").map { row in
            Enterprise(id: row["id"], name: row["name"], allowSplit: row["allow_split"])
        }
        let warehouses = try Row.fetchAllCached(db, sql: "SELECT * FROM warehouses").map { row in
            Warehouse(
                id: row["id"],
                enterpriseId: row["enterprise_id"],
                name: row["name"],
                regions: try decode([String].self, row["regions_json"]),
                priority: row["priority"]
            )
        }
        let skus = try Row.fetchAllCached(db, sql: "SELECT * FROM enterprise_skus").map { row in
            EnterpriseSKU(
                code: row["code"],
                enterpriseId: row["enterprise_id"],
                product: row["product"],
                grade: row["grade"],
                netWeightGrams: row["net_weight_grams"],
                title: row["title"]
            )
        }
        let mappings = try Row.fetchAllCached(db, sql: "SELECT * FROM sku_mappings").map { row in
            SkuMapping(
                shop: row["shop"],
                platformSkuId: row["platform_sku_id"],
                platformProductId: row["platform_product_id"],
                components: try decode([SkuComponent].self, row["components_json"])
            )
        }
        return MasterData(enterprises: enterprises, warehouses: warehouses, skus: skus, mappings: mappings)
    }

    static func loadStock(_ db: Database) throws -> [StockLevel] {
        try Row.fetchAllCached(db, sql: "SELECT * FROM stock_levels ORDER BY warehouse_id, sku_code").map { row in
            StockLevel(
                warehouseId: row["warehouse_id"],
                skuCode: row["sku_code"],
                onHand: row["on_hand"],
                reserved: row["reserved"],
                safety: row["safety"]
            )
        }
    }

    static func loadLiveEvents(_ db: Database) throws -> [LiveEvent] {
        try Row.fetchAllCached(db, sql: "SELECT * FROM live_events ORDER BY starts_at DESC, id").map { row in
            LiveEvent(
                id: row["id"],
                title: row["title"],
                shops: try decode([String].self, row["shops_json"]),
                roomIds: try decode([String].self, row["room_ids_json"]),
                authorIds: try decode([String].self, row["author_ids_json"]),
                startsAt: Timestamp(millisecondsSince1970: row["starts_at"]),
                endsAt: Timestamp(millisecondsSince1970: row["ends_at"])
            )
        }
    }

    static func loadFulfilments(_ key: OrderKey, db: Database) throws -> [LineFulfilment] {
        try Row.fetchAllCached(
            db,
            sql: "SELECT * FROM line_fulfilments WHERE platform = ? AND shop = ? AND platform_order_id = ? ORDER BY line_id",
            arguments: [key.platform.rawValue, key.shop, key.platformOrderId]
        ).compactMap { row in
            guard let state = FulfilmentState(rawValue: row["state"]) else { return nil }
            let enterprises: String = row["enterprise_ids"]
            return LineFulfilment(
                order: key,
                lineId: row["line_id"],
                state: state,
                reservations: try decode([StockReservation].self, row["reservations_json"]),
                enterpriseIds: enterprises.split(separator: ",").map(String.init),
                skuId: row["sku_id"],
                quantity: row["quantity"]
            )
        }
    }

    static func exception(from row: Row) -> FulfilmentException? {
        guard let kind = ExceptionKind(rawValue: row["kind"]), let platform = Platform(rawValue: row["platform"]),
            let status = ExceptionStatus(rawValue: row["status"])
        else { return nil }
        return FulfilmentException(
            id: row["id"],
            kind: kind,
            order: OrderKey(platform: platform, shop: row["shop"], platformOrderId: row["platform_order_id"]),
            lineId: row["line_id"],
            platformSkuId: row["platform_sku_id"],
            skuCode: row["sku_code"],
            enterpriseId: row["enterprise_id"],
            message: row["message"],
            status: status,
            openedAt: Timestamp(millisecondsSince1970: row["opened_at"]),
            resolvedAt: (row["resolved_at"] as Int64?).map(Timestamp.init(millisecondsSince1970:)),
            resolvedBy: row["resolved_by"],
            note: row["note"]
        )
    }

    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
