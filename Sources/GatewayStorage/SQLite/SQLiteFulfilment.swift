import Foundation
import GRDB
import GatewayCore

/// Fulfilment inside a write transaction: loads master data and stock, runs the pure
/// ``FulfilmentPlanner`` for orders, and writes back line states, stock and exceptions.
///
/// Used by ``SQLiteOrderStore/commit(_:at:)`` (every merged order) and by ``SQLiteInventoryStore``
/// (held orders re-run after a mapping, stock or exception change), so both take the same path.
struct SQLiteFulfilment {
    let masterData: MasterData
    var stock: StockBook
    let liveEvents: [LiveEvent]
    let now: Timestamp
    /// Exceptions resolved by this run.
    var exceptionsResolved = 0
    /// Line transitions by order, for allocation.
    private(set) var transitions: [(OrderKey, LineTransition)] = []
    /// Supply pools loaded by this run, by enterprise, product and grade (`nil`: no lots declared).
    var pools: [SupplyPoolKey: SupplyPool?] = [:]
    /// Allocation policies by enterprise.
    var policies: [String: AllocationPolicy]?
    /// Exceptions opened by this run for missing supply.
    var supplyShortages = 0

    /// Loads what a run needs.
    init(db: Database, now: Timestamp) throws {
        self.masterData = try Self.loadMasterData(db)
        self.stock = StockBook(levels: try Self.loadStock(db))
        self.liveEvents = try Self.loadLiveEvents(db)
        self.now = now
    }

    /// Plans one order and writes the outcome (not the stock: call ``saveStock(_:)`` once at the end).
    mutating func run(_ order: CanonicalOrder, db: Database) throws {
        let current = Dictionary(try Self.loadFulfilments(order.key, db: db).map { ($0.lineId, $0) }, uniquingKeysWith: { _, last in last })
        let plan = FulfilmentPlanner.plan(order: order, current: current, masterData: masterData, stock: &stock)
        let key = order.key
        for fulfilment in plan.changed {
            try db.executeCached(
                sql: """
                    INSERT INTO line_fulfilments (platform, shop, platform_order_id, line_id, state, reservations_json, enterprise_ids, updated_at,
                                                  sku_id, quantity)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (platform, shop, platform_order_id, line_id) DO UPDATE SET state = excluded.state,
                        reservations_json = excluded.reservations_json, enterprise_ids = excluded.enterprise_ids, updated_at = excluded.updated_at,
                        sku_id = coalesce(excluded.sku_id, sku_id), quantity = coalesce(excluded.quantity, quantity)
                    """,
                arguments: [
                    key.platform.rawValue, key.shop, key.platformOrderId, fulfilment.lineId, fulfilment.state.rawValue,
                    try Self.json(fulfilment.reservations), fulfilment.enterpriseIds.joined(separator: ","), now.millisecondsSince1970,
                    fulfilment.skuId, fulfilment.quantity,
                ]
            )
        }
        for lineId in plan.closedExceptions {
            try db.executeCached(
                sql: """
                    UPDATE fulfilment_exceptions SET status = 'resolved', resolved_at = ?, resolved_by = coalesce(resolved_by, 'system'),
                        note = coalesce(note, 'cause gone: the line was fulfilled or released')
                    WHERE platform = ? AND shop = ? AND platform_order_id = ? AND line_id = ? AND status = 'open' AND kind IN ('unmapped_sku', 'oversold')
                    """,
                arguments: [now.millisecondsSince1970, key.platform.rawValue, key.shop, key.platformOrderId, lineId]
            )
            exceptionsResolved += db.changesCount
        }
        for draft in plan.openedExceptions {
            // A line blocked for a different reason than before: the old exception's cause is gone.
            try db.executeCached(
                sql: """
                    UPDATE fulfilment_exceptions SET status = 'resolved', resolved_at = ?, resolved_by = 'system', note = 'superseded by a new cause'
                    WHERE platform = ? AND shop = ? AND platform_order_id = ? AND line_id = ? AND status = 'open' AND kind <> ?
                        AND kind IN ('unmapped_sku', 'oversold')
                    """,
                arguments: [now.millisecondsSince1970, key.platform.rawValue, key.shop, key.platformOrderId, draft.lineId, draft.kind.rawValue]
            )
            try db.executeCached(
                sql: """
                    INSERT INTO fulfilment_exceptions (kind, platform, shop, platform_order_id, line_id, platform_sku_id, sku_code, enterprise_id,
                                                       message, status, opened_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)
                    ON CONFLICT DO UPDATE SET message = excluded.message
                    """,
                arguments: [
                    draft.kind.rawValue, key.platform.rawValue, key.shop, key.platformOrderId, draft.lineId, draft.platformSkuId, draft.skuCode,
                    draft.enterpriseId, draft.message, now.millisecondsSince1970,
                ]
            )
        }
        transitions += plan.transitions.map { (key, $0) }
        var after = current
        for fulfilment in plan.changed { after[fulfilment.lineId] = fulfilment }
        try allocateSupply(
            for: order,
            fulfilments: after.values.sorted { $0.lineId < $1.lineId },
            replanned: Set(plan.replannedLines),
            db: db
        )
        if let eventId = LiveEventAttributor.eventId(for: order, among: liveEvents) {
            try db.executeCached(
                sql: "UPDATE orders SET live_event_id = ? WHERE platform = ? AND shop = ? AND platform_order_id = ? AND live_event_id IS NOT ?",
                arguments: [eventId, key.platform.rawValue, key.shop, key.platformOrderId, eventId]
            )
        }
    }

    /// Writes every stock level and supply lot this run changed.
    func saveStock(_ db: Database) throws {
        try savePools(db)
        for key in stock.touched.sorted() {
            guard let level = stock.level(key) else { continue }
            try Self.saveLevel(level, db: db, now: now)
        }
    }

    // MARK: rows

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
