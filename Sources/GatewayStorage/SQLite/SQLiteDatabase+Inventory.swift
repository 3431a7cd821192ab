import Foundation
import GRDB
public import GatewayCore

/// Master data, stock, fulfilment, exceptions and live events on SQLite (``InventoryStore``).
extension SQLiteDatabase: InventoryStore {

    public func masterData() async throws -> MasterData {
        try await writer.read { db in try SQLiteRows.loadMasterData(db) }
    }

    public func seed(_ seed: MasterDataSeed, at now: Timestamp) async throws -> MasterDataChangeSummary {
        try await writer.write { db in
            var summary = MasterDataChangeSummary()
            try Self.write(seed, db: db, now: now, actor: "seed", replace: false, summary: &summary)
            try Self.validate(db)
            if summary.changed.values.contains(where: { $0 > 0 }) {
                try SQLiteRows.audit(db, now: now, actor: "system", action: "master-data.seed", subject: "master-data", detail: summary.changed)
            }
            return summary
        }
    }

    public func apply(_ change: MasterDataSeed, actor: String, at now: Timestamp) async throws -> MasterDataChangeSummary {
        try await apply(change, actor: actor, at: now, ownedBy: nil)
    }

    public func apply(_ change: MasterDataSeed, actor: String, at now: Timestamp, ownedBy owner: String?) async throws -> MasterDataChangeSummary {
        let sealer = self.sealer
        return try await writer.write { db in
            if let owner { try Self.checkOwnership(change, owner: owner, db: db) }
            var summary = MasterDataChangeSummary()
            try Self.write(change, db: db, now: now, actor: actor, replace: true, summary: &summary)
            try Self.validate(db)
            let (rerun, changes) = try SQLiteLifecycle.rerunHeldOrders(db: db, now: now, sealer: sealer)
            summary.ordersRerun = rerun
            summary.exceptionsResolved = changes.exceptionsResolved
            return summary
        }
    }

    public func inventory(enterpriseId: String?) async throws -> [InventoryRow] {
        try await writer.read { db in
            let data = try SQLiteRows.loadMasterData(db)
            return try SQLiteRows.loadStock(db).compactMap { level -> InventoryRow? in
                guard let sku = data.skus[level.skuCode], let warehouse = data.warehouses[level.warehouseId] else { return nil }
                if let enterpriseId, sku.enterpriseId != enterpriseId { return nil }
                return InventoryRow(level: level, sku: sku, warehouse: warehouse)
            }
        }
    }

    public func exceptions(_ query: ExceptionQuery) async throws -> [FulfilmentException] {
        try await writer.read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let status = query.status {
                conditions.append("status = ?")
                arguments += [status.rawValue]
            }
            if let kind = query.kind {
                conditions.append("kind = ?")
                arguments += [kind.rawValue]
            }
            if let shops = query.shops {
                conditions.append("shop IN (\(shops.map { _ in "?" }.joined(separator: ",").nonEmpty ?? "NULL"))")
                for shop in shops.sorted() { arguments += [shop] }
            }
            if let order = query.order {
                conditions.append("platform = ? AND shop = ? AND (platform_order_id = ? OR unmatched_order_id = ?)")
                arguments += [order.platform.rawValue, order.shop, order.platformOrderId, order.platformOrderId]
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            arguments += [query.limit]
            return try Row.fetchAll(db, sql: "SELECT * FROM fulfilment_exceptions \(whereClause) ORDER BY id DESC LIMIT ?", arguments: arguments)
                .compactMap { FulfilmentExceptionRecord(row: $0).exception }
        }
    }

    public func exception(id: Int64) async throws -> FulfilmentException? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM fulfilment_exceptions WHERE id = ?", arguments: [id]).flatMap {
                FulfilmentExceptionRecord(row: $0).exception
            }
        }
    }

    public func resolveException(id: Int64, note: String, dismiss: Bool, actor: String, at now: Timestamp) async throws -> ExceptionResolution {
        let sealer = self.sealer
        return try await writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM fulfilment_exceptions WHERE id = ?", arguments: [id]),
                let exception = FulfilmentExceptionRecord(row: row).exception
            else { throw InventoryStoreError.notFound("no exception \(id)") }
            guard exception.status == .open else {
                return ExceptionResolution(exception: exception, resolved: true, reason: "already resolved")
            }
            let key = exception.order
            if exception.kind == .unprocessable {
                return try Self.resolveParked(exception, note: note, dismiss: dismiss, actor: actor, db: db, now: now, sealer: sealer)
            }
            let (resolved, _) = try SQLiteLifecycle.run(db: db, now: now, opening: nil, sealer: sealer) { lifecycle in
                if dismiss {
                    try lifecycle.dismiss(exception, actor: actor, note: note)
                    return true
                }
                return try lifecycle.resolve(exception, actor: actor, note: note)
            }
            if !resolved {
                try SQLiteRows.audit(
                    db,
                    now: now,
                    actor: actor,
                    action: "exception.retry",
                    subject: "exception:\(id)",
                    detail: ["note": note, "result": "still open"]
                )
                let current = try Row.fetchOne(db, sql: "SELECT * FROM fulfilment_exceptions WHERE id = ?", arguments: [id]).flatMap {
                    FulfilmentExceptionRecord(row: $0).exception
                }
                return ExceptionResolution(exception: current ?? exception, resolved: false, reason: current?.message)
            }
            try SQLiteRows.audit(
                db,
                now: now,
                actor: actor,
                action: dismiss ? "exception.dismiss" : "exception.resolve",
                subject: "exception:\(id)",
                detail: ["note": note, "order": "\(key)"],
                enterpriseId: exception.enterpriseId
            )
            let after = try Row.fetchOne(db, sql: "SELECT * FROM fulfilment_exceptions WHERE id = ?", arguments: [id]).flatMap {
                FulfilmentExceptionRecord(row: $0).exception
            }
            return ExceptionResolution(exception: after ?? exception, resolved: true, reason: nil)
        }
    }

    /// Resolves an `unprocessable` exception: a re-run puts its parked delivery back into the pipeline (if it
    /// fails again it is parked again under a new exception); a dismissal marks the delivery processed as given up.
    private static func resolveParked(
        _ exception: FulfilmentException,
        note: String,
        dismiss: Bool,
        actor: String,
        db: Database,
        now: Timestamp,
        sealer: DataSealer
    ) throws -> ExceptionResolution {
        guard let lineId = exception.lineId, lineId.hasPrefix("inbox:"), let inboxId = Int64(lineId.dropFirst("inbox:".count)) else {
            throw InventoryStoreError.notFound("exception \(exception.id) names no parked delivery")
        }
        if dismiss {
            try db.execute(
                sql: "UPDATE inbox SET processed_at = ?, parked_at = NULL, last_error = ? WHERE id = ? AND processed_at IS NULL",
                arguments: [now.millisecondsSince1970, "dismissed by \(actor): \(note)", inboxId]
            )
        } else {
            try db.execute(
                sql: "UPDATE inbox SET parked_at = NULL, next_attempt_at = 0, in_flight = 0 WHERE id = ? AND processed_at IS NULL",
                arguments: [inboxId]
            )
        }
        _ = try SQLiteLifecycle.run(db: db, now: now, opening: nil, sealer: sealer) { lifecycle in
            try lifecycle.close(exception, actor: actor, note: note)
        }
        try SQLiteRows.audit(
            db,
            now: now,
            actor: actor,
            action: dismiss ? "exception.dismiss" : "exception.rerun",
            subject: "exception:\(exception.id)",
            detail: ["note": note, "inbox": "\(inboxId)"],
            enterpriseId: exception.enterpriseId
        )
        let resolved = try Row.fetchOne(db, sql: "SELECT * FROM fulfilment_exceptions WHERE id = ?", arguments: [exception.id]).flatMap {
            FulfilmentExceptionRecord(row: $0).exception
        }
        return ExceptionResolution(exception: resolved ?? exception, resolved: true, reason: dismiss ? nil : "queued for re-run")
    }

    public func fulfilments(of order: OrderKey) async throws -> [LineFulfilment] {
        try await writer.read { db in try SQLiteRows.loadFulfilments(order, db: db) }
    }

    public func liveEvents() async throws -> [LiveEvent] {
        try await writer.read { db in try SQLiteRows.loadLiveEvents(db) }
    }

    public func liveEventFigures(id: String, shops: Set<String>?) async throws -> LiveEventFigures? {
        try await writer.read { db in
            guard let event = try SQLiteRows.loadLiveEvents(db).first(where: { $0.id == id }) else { return nil }
            let totals = try Row.fetchOne(
                db,
                sql: """
                    SELECT count(*) AS orders,
                           sum(CASE WHEN status IN ('paid', 'shipped', 'completed') THEN 1 ELSE 0 END) AS paid,
                           sum(CASE WHEN status = 'cancelled' THEN 1 ELSE 0 END) AS cancelled,
                           sum(CASE WHEN status IN ('paid', 'shipped', 'completed') THEN coalesce(paid_fen, 0) ELSE 0 END) AS gmv
                    FROM orders WHERE live_event_id = ? \(shopFilter(shops, column: "shop"))
                    """,
                arguments: StatementArguments([id]) + shopArguments(shops)
            )
            let perMinute = try Row.fetchAll(
                db,
                sql: """
                    SELECT (created_at / 60000) * 60000 AS minute, platform, count(*) AS n FROM orders
                    WHERE live_event_id = ? AND created_at IS NOT NULL \(shopFilter(shops, column: "shop"))
                    GROUP BY minute, platform ORDER BY minute, platform
                    """,
                arguments: StatementArguments([id]) + shopArguments(shops)
            ).compactMap { row -> MinuteCount? in
                guard let platform = Platform(rawValue: row["platform"]) else { return nil }
                return MinuteCount(minute: Timestamp(millisecondsSince1970: row["minute"]), platform: platform, orders: row["n"])
            }
            let lineRows = try Row.fetchAll(
                db,
                sql: """
                    SELECT l.shop, l.sku_id, min(l.title) AS title, sum(l.quantity) AS quantity, sum(l.paid_fen) AS fen FROM order_lines l
                    JOIN orders o ON o.platform = l.platform AND o.shop = l.shop AND o.platform_order_id = l.platform_order_id
                    WHERE o.live_event_id = ? AND o.status <> 'cancelled' AND o.status <> 'created' \(shopFilter(shops, column: "o.shop"))
                    GROUP BY l.shop, l.sku_id
                    """,
                arguments: StatementArguments([id]) + shopArguments(shops)
            )
            var bySku: [String: SkuFigure] = [:]
            var skuCodes: Set<String> = []
            let data = try SQLiteRows.loadMasterData(db)
            for row in lineRows {
                let skuId: String = row["sku_id"]
                var figure = bySku[skuId] ?? SkuFigure(platformSkuId: skuId, title: row["title"], quantity: 0, paidFen: 0)
                figure.quantity += row["quantity"] as Int
                figure.paidFen += row["fen"] as Int64
                bySku[skuId] = figure
                for component in data.mapping(shop: row["shop"], platformSkuId: skuId)?.components ?? [] { skuCodes.insert(component.skuCode) }
            }
            let stock = StockBook(levels: try SQLiteRows.loadStock(db))
            let stockLeft = skuCodes.sorted().compactMap { code -> SkuStock? in
                guard let sku = data.skus[code] else { return nil }
                let levels = data.warehouses(of: sku.enterpriseId).compactMap { stock.level(StockKey(warehouseId: $0.id, skuCode: code)) }
                return SkuStock(
                    skuCode: code,
                    title: sku.title,
                    onHand: levels.reduce(0) { $0 + $1.onHand },
                    reserved: levels.reduce(0) { $0 + $1.reserved },
                    available: levels.reduce(0) { $0 + $1.available }
                )
            }
            return LiveEventFigures(
                event: event,
                orders: totals?["orders"] ?? 0,
                paidOrders: totals?["paid"] ?? 0,
                cancelledOrders: totals?["cancelled"] ?? 0,
                gmvFen: totals?["gmv"] ?? 0,
                perMinute: perMinute,
                bySku: bySku.values.sorted { $0.platformSkuId < $1.platformSkuId },
                stockLeft: stockLeft
            )
        }
    }

    public func pendingStockPushes() async throws -> [StockPush] {
        try await writer.read { db in
            let data = try SQLiteRows.loadMasterData(db)
            let stock = StockBook(levels: try SQLiteRows.loadStock(db))
            var pushed: [MappingKey: Int] = [:]
            for record in try StockPushRecord.filter(StockPushRecord.Columns.quantity != nil).fetchAll(db) {
                pushed[MappingKey(shop: record.shop, platformSkuId: record.platformSkuId)] = record.quantity.map { Int(clamping: $0) }
            }
            let blocked = Set(
                try String.fetchAll(
                    db,
                    sql: "SELECT DISTINCT sku_code FROM fulfilment_exceptions WHERE status = 'open' AND kind = 'no_supply' AND sku_code IS NOT NULL"
                )
            )
            return data.mappings.values.sorted { ($0.shop, $0.platformSkuId) < ($1.shop, $1.platformSkuId) }.compactMap { mapping in
                let quantity = SellableQuantity.of(mapping, masterData: data, stock: stock, blockedSkus: blocked)
                let previous = pushed[MappingKey(shop: mapping.shop, platformSkuId: mapping.platformSkuId)]
                guard previous != quantity else { return nil }
                return StockPush(
                    shop: mapping.shop,
                    platformSkuId: mapping.platformSkuId,
                    platformProductId: mapping.platformProductId,
                    quantity: quantity,
                    previousQuantity: previous
                )
            }
        }
    }

    public func recordStockPush(_ push: StockPush, error: String?, at now: Timestamp) async throws {
        try await writer.write { db in
            if let error {
                try db.execute(
                    sql: """
                        INSERT INTO stock_pushes (shop, platform_sku_id, attempts, last_error) VALUES (?, ?, 1, ?)
                        ON CONFLICT (shop, platform_sku_id) DO UPDATE SET attempts = attempts + 1, last_error = excluded.last_error
                        """,
                    arguments: [push.shop, push.platformSkuId, error]
                )
            } else {
                try db.execute(
                    sql: """
                        INSERT INTO stock_pushes (shop, platform_sku_id, quantity, pushed_at, attempts, last_error) VALUES (?, ?, ?, ?, 0, NULL)
                        ON CONFLICT (shop, platform_sku_id) DO UPDATE SET quantity = excluded.quantity, pushed_at = excluded.pushed_at,
                            attempts = 0, last_error = NULL
                        """,
                    arguments: [push.shop, push.platformSkuId, push.quantity, now.millisecondsSince1970]
                )
            }
        }
    }

    // MARK: writing

    private static func write(
        _ seed: MasterDataSeed,
        db: Database,
        now: Timestamp,
        actor: String,
        replace: Bool,
        summary: inout MasterDataChangeSummary
    ) throws {
        let verb = replace ? "INSERT OR REPLACE" : "INSERT OR IGNORE"
        let data = seed.masterData
        for enterprise in data.enterprises.values.sorted(by: { $0.id < $1.id }) {
            try db.execute(
                sql: "\(verb) INTO enterprises (id, name, allow_split) VALUES (?, ?, ?)",
                arguments: [enterprise.id, enterprise.name, enterprise.allowSplit]
            )
            try count(
                db,
                "enterprises",
                &summary,
                replace ? (actor, "enterprise.upsert", "enterprise:\(enterprise.id)", enterprise, enterprise.id) : nil,
                now
            )
        }
        for warehouse in data.warehouses.values.sorted(by: { $0.id < $1.id }) {
            try db.execute(
                sql: "\(verb) INTO warehouses (id, enterprise_id, name, regions_json, priority) VALUES (?, ?, ?, ?, ?)",
                arguments: [warehouse.id, warehouse.enterpriseId, warehouse.name, try SQLiteRows.json(warehouse.regions), warehouse.priority]
            )
            try count(
                db,
                "warehouses",
                &summary,
                replace ? (actor, "warehouse.upsert", "warehouse:\(warehouse.id)", warehouse, warehouse.enterpriseId) : nil,
                now
            )
        }
        for sku in data.skus.values.sorted(by: { $0.code < $1.code }) {
            try db.execute(
                sql: "\(verb) INTO enterprise_skus (code, enterprise_id, product, grade, net_weight_grams, title) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [sku.code, sku.enterpriseId, sku.product, sku.grade, sku.netWeightGrams, sku.title]
            )
            try count(db, "skus", &summary, replace ? (actor, "sku.upsert", "sku:\(sku.code)", sku, sku.enterpriseId) : nil, now)
        }
        for mapping in data.mappings.values.sorted(by: { ($0.shop, $0.platformSkuId) < ($1.shop, $1.platformSkuId) }) {
            try db.execute(
                sql: """
                    \(verb) INTO sku_mappings (shop, platform_sku_id, platform_product_id, components_json, updated_at, updated_by)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    mapping.shop, mapping.platformSkuId, mapping.platformProductId, try SQLiteRows.json(mapping.components),
                    now.millisecondsSince1970, actor,
                ]
            )
            let enterprise = mapping.components.first.flatMap { data.skus[$0.skuCode]?.enterpriseId }
            try count(
                db,
                "mappings",
                &summary,
                replace ? (actor, "sku-mapping.upsert", "sku-mapping:\(mapping.shop):\(mapping.platformSkuId)", mapping, enterprise) : nil,
                now
            )
        }
        for level in seed.stock.sorted(by: { $0.key < $1.key }) {
            if replace {
                try db.execute(
                    sql: """
                        INSERT INTO stock_levels (warehouse_id, sku_code, on_hand, reserved, safety, updated_at) VALUES (?, ?, ?, 0, ?, ?)
                        ON CONFLICT (warehouse_id, sku_code) DO UPDATE SET on_hand = excluded.on_hand, safety = excluded.safety,
                            updated_at = excluded.updated_at
                        """,
                    arguments: [level.warehouseId, level.skuCode, level.onHand, level.safety, now.millisecondsSince1970]
                )
            } else {
                try db.execute(
                    sql:
                        "INSERT OR IGNORE INTO stock_levels (warehouse_id, sku_code, on_hand, reserved, safety, updated_at) VALUES (?, ?, ?, 0, ?, ?)",
                    arguments: [level.warehouseId, level.skuCode, level.onHand, level.safety, now.millisecondsSince1970]
                )
            }
            let audit: (String, String, String, StockLevel, String?)? =
                replace ? (actor, "stock.set", "stock:\(level.warehouseId):\(level.skuCode)", level, data.skus[level.skuCode]?.enterpriseId) : nil
            try count(db, "stock", &summary, audit, now)
        }
        for event in seed.liveEvents.sorted(by: { $0.id < $1.id }) {
            try db.execute(
                sql:
                    "\(verb) INTO live_events (id, title, shops_json, room_ids_json, author_ids_json, starts_at, ends_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    event.id, event.title, try SQLiteRows.json(event.shops), try SQLiteRows.json(event.roomIds),
                    try SQLiteRows.json(event.authorIds), event.startsAt.millisecondsSince1970, event.endsAt.millisecondsSince1970,
                ]
            )
            try count(db, "live_events", &summary, replace ? (actor, "live-event.upsert", "live-event:\(event.id)", event, nil) : nil, now)
        }
    }

    private static func count<T: Encodable>(
        _ db: Database,
        _ table: String,
        _ summary: inout MasterDataChangeSummary,
        _ audit: (String, String, String, T, String?)?,
        _ now: Timestamp
    ) throws {
        guard db.changesCount > 0 else { return }
        summary.changed[table, default: 0] += 1
        if let (actor, action, subject, value, enterprise) = audit {
            try SQLiteRows.audit(db, now: now, actor: actor, action: action, subject: subject, detail: value, enterpriseId: enterprise)
        }
    }

    /// Refuses a change that touches another enterprise's rows (as given or as currently stored): no take-over by code.
    private static func checkOwnership(_ change: MasterDataSeed, owner: String, db: Database) throws {
        func stored(_ sql: String, _ key: String) throws -> String? { try String.fetchOne(db, sql: sql, arguments: [key]) }
        var problems: [String] = []
        let data = change.masterData
        for enterprise in data.enterprises.keys where enterprise != owner { problems.append("enterprise \(enterprise) is not \(owner)'s") }
        for warehouse in data.warehouses.values {
            let current = try stored("SELECT enterprise_id FROM warehouses WHERE id = ?", warehouse.id)
            if warehouse.enterpriseId != owner || (current != nil && current != owner) {
                problems.append("warehouse \(warehouse.id) belongs to another enterprise than \(owner)")
            }
        }
        let skuOwner = { (code: String) throws -> String? in
            try data.skus[code]?.enterpriseId ?? stored("SELECT enterprise_id FROM enterprise_skus WHERE code = ?", code)
        }
        for sku in data.skus.values {
            let current = try stored("SELECT enterprise_id FROM enterprise_skus WHERE code = ?", sku.code)
            if sku.enterpriseId != owner || (current != nil && current != owner) {
                problems.append("SKU \(sku.code) belongs to another enterprise than \(owner)")
            }
        }
        for component in data.mappings.values.flatMap(\.components) where try skuOwner(component.skuCode) != owner {
            problems.append("SKU \(component.skuCode) belongs to another enterprise than \(owner)")
        }
        for level in change.stock {
            let warehouse =
                try data.warehouses[level.warehouseId]?.enterpriseId
                ?? stored("SELECT enterprise_id FROM warehouses WHERE id = ?", level.warehouseId)
            if try skuOwner(level.skuCode) != owner || warehouse != owner {
                problems.append("stock \(level.warehouseId)/\(level.skuCode) belongs to another enterprise than \(owner)")
            }
        }
        guard problems.isEmpty else { throw InventoryStoreError.invalid(problems) }
    }

    /// What a master-data change may not leave behind, checked in its transaction and reported in staff's words: Core's
    /// ``GatewayCore/MasterData/problems()`` (mapping components name known SKUs — no key can, they are JSON — positive
    /// weights, known enterprises) and each stock level's warehouse and SKU existing and belonging to one enterprise.
    /// The foreign keys (`v9-foreign-keys`) refuse a missing warehouse or SKU too, but as a bare constraint failure at
    /// commit; this check names the row first (422 to the API instead of a 500), and the enterprise rule is beyond keys.
    private static func validate(_ db: Database) throws {
        let problems = try SQLiteRows.loadMasterData(db).problems()
        guard problems.isEmpty else { throw InventoryStoreError.invalid(problems) }
        let stockProblems = try Row.fetchAll(
            db,
            sql: """
                SELECT s.warehouse_id, s.sku_code FROM stock_levels s
                LEFT JOIN warehouses w ON w.id = s.warehouse_id LEFT JOIN enterprise_skus k ON k.code = s.sku_code
                WHERE w.id IS NULL OR k.code IS NULL OR w.enterprise_id <> k.enterprise_id
                """
        ).map { row -> String in
            let warehouse: String = row["warehouse_id"]
            let sku: String = row["sku_code"]
            return "stock \(warehouse)/\(sku): unknown warehouse or SKU, or they belong to different enterprises"
        }
        guard stockProblems.isEmpty else { throw InventoryStoreError.invalid(stockProblems) }
    }

}

/// ` AND column IN (?, …)` for a shop set (`nil`: no filter; empty: matches nothing).
private func shopFilter(_ shops: Set<String>?, column: String) -> String {
    guard let shops else { return "" }
    guard !shops.isEmpty else { return "AND 0" }
    return "AND \(column) IN (\(shops.map { _ in "?" }.joined(separator: ", ")))"
}

private func shopArguments(_ shops: Set<String>?) -> StatementArguments {
    StatementArguments((shops ?? []).sorted())
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
