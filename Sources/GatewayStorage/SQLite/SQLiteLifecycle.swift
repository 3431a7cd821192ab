import Foundation
import GRDB
import GatewayCore

/// Runs ``GatewayCore/OrderLifecycle`` inside a write transaction and applies what it decided: the **one** place where
/// orders, timelines, line fulfilments, stock, lots, parcels and exceptions change because of an order's life. Stores
/// call ``run(db:now:opening:sealer:_:)``; none writes those rows' states itself.
enum SQLiteLifecycle {
    /// The processor over a transaction.
    typealias Lifecycle = OrderLifecycle<SQLiteLifecycleReader, SystemRandomNumberGenerator>

    /// Loads the context, lets `body` drive the processor, and applies its changes in the same transaction.
    /// - Parameters:
    ///   - opening: opens orders' sealed receivers while merging (only ``SQLiteDatabase/commit(_:at:)`` merges).
    ///   - sealer: seals what is written (receivers of merged orders, timeline payloads).
    /// - Returns: what `body` returned, and the changes applied.
    static func run<T>(
        db: Database,
        now: Timestamp,
        opening: DataSealer?,
        sealer: DataSealer,
        _ body: (inout Lifecycle) throws -> T
    ) throws -> (T, LifecycleChanges) {
        let context = LifecycleContext(
            masterData: try SQLiteRows.loadMasterData(db),
            stock: StockBook(levels: try SQLiteRows.loadStock(db)),
            liveEvents: try SQLiteRows.loadLiveEvents(db)
        )
        var lifecycle = Lifecycle(
            context: context,
            reader: SQLiteLifecycleReader(db: db, opening: opening),
            now: now,
            random: SystemRandomNumberGenerator()
        )
        let value = try body(&lifecycle)
        let changes = lifecycle.finish()
        try apply(changes, db: db, now: now, sealer: sealer)
        return (value, changes)
    }

    /// Writes a run's changes, in the order ``GatewayCore/LifecycleChanges`` lists them.
    static func apply(_ changes: LifecycleChanges, db: Database, now: Timestamp, sealer: DataSealer) throws {
        let time = now.millisecondsSince1970
        for order in changes.orders { try SQLiteOrderRows.save(order, db: db, now: now, sealer: sealer) }
        // An order stored for the first time takes the rows that named it before (migration `v10-order-keys`).
        for record in changes.timeline where record.statusBefore == nil && record.decision == .applied {
            let key = record.order
            for sql in SQLiteSchema.adoptUnmatchedRowsSQL {
                try db.executeCached(sql: sql, arguments: [key.platform.rawValue, key.shop, key.platformOrderId])
            }
        }
        let savedOrders = Set(changes.orders.map(\.key))
        // Every timeline record's order is stored by now (a merge into no order creates it); the deferred key to `orders`
        // fails the transaction if that ever stops being true.
        for record in changes.timeline {
            let key = record.order
            try db.executeCached(
                sql: Self.insertTimelineSQL,
                arguments: [
                    key.platform.rawValue, key.shop, key.platformOrderId, record.inboxId, record.deliveryId, record.source.rawValue,
                    record.event, record.decision.rawValue, record.statusBefore?.rawValue, record.statusAfter.rawValue,
                    record.platformUpdatedAt.millisecondsSince1970, time, try sealer.sealText(record.rawPayload, purpose: .timelinePayload),
                ]
            )
        }
        for inboxId in changes.processedInboxIds {
            try db.executeCached(
                sql: "UPDATE inbox SET processed_at = ?, last_error = NULL, in_flight = 0 WHERE id = ?",
                arguments: [time, inboxId]
            )
        }
        for parked in changes.parked {
            try db.executeCached(
                sql: """
                    UPDATE inbox SET parked_at = ?, park_reason = ?, last_error = ?, failures = failures + 1,
                        first_failed_at = coalesce(first_failed_at, ?), last_failed_at = ?, in_flight = 0
                    WHERE id = ?
                    """,
                arguments: [time, parked.reason.rawValue, parked.message, time, time, parked.inboxId]
            )
        }
        for fulfilment in changes.fulfilments {
            let key = fulfilment.order
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
                    try SQLiteRows.json(fulfilment.reservations), fulfilment.enterpriseIds.joined(separator: ","), time,
                    fulfilment.skuId, fulfilment.quantity,
                ]
            )
        }
        for level in changes.stockLevels { try SQLiteRows.saveLevel(level, db: db, now: now) }
        for (lotId, grams) in changes.lotAllocatedGrams.sorted(by: { $0.key < $1.key }) {
            try db.executeCached(sql: "UPDATE supply_lots SET allocated_grams = ?, updated_at = ? WHERE id = ?", arguments: [grams, time, lotId])
        }
        for line in changes.reversedLines {
            try db.executeCached(
                sql: """
                    UPDATE parcel_allocations SET state = 'reversed', reversed_at = ?
                    WHERE platform = ? AND shop = ? AND platform_order_id = ? AND line_id = ? AND state = 'active'
                    """,
                arguments: [time, line.order.platform.rawValue, line.order.shop, line.order.platformOrderId, line.lineId]
            )
        }
        for line in changes.refundFlags {
            try db.executeCached(
                sql: """
                    UPDATE parcel_allocations SET refunded_after_shipment = 1
                    WHERE platform = ? AND shop = ? AND platform_order_id = ? AND line_id = ? AND state = 'active' AND refunded_after_shipment = 0
                    """,
                arguments: [line.order.platform.rawValue, line.order.shop, line.order.platformOrderId, line.lineId]
            )
        }
        for parcel in changes.parcels { try insert(parcel, db: db, time: time) }
        for change in changes.exceptions { try apply(change, db: db, time: time, savedOrders: savedOrders) }
        for (key, eventId) in changes.attributions.sorted(by: { $0.key < $1.key }) {
            try db.executeCached(
                sql: "UPDATE orders SET live_event_id = ? WHERE platform = ? AND shop = ? AND platform_order_id = ? AND live_event_id IS NOT ?",
                arguments: [eventId, key.platform.rawValue, key.shop, key.platformOrderId, eventId]
            )
        }
    }

    private static func insert(_ parcel: NewParcel, db: Database, time: Int64) throws {
        let key = parcel.line.order
        let allocation = parcel.allocation
        let sku = parcel.sku
        try db.executeCached(
            sql: """
                INSERT INTO parcel_allocations (platform, shop, platform_order_id, line_id, sku_code, parcel_index, lot_id, household_id, grams,
                                                tier, quota_grams, deficit_grams, income_fen, day, enterprise_id, product, grade, trace_code,
                                                state, created_at, refunded_after_shipment)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)
                """,
            arguments: [
                key.platform.rawValue, key.shop, key.platformOrderId, parcel.line.lineId, sku.code, allocation.parcelIndex, allocation.lotId,
                allocation.householdId, allocation.grams, allocation.tier, allocation.quotaGrams, allocation.deficitGrams,
                allocation.incomeFen, parcel.day, sku.enterpriseId, sku.product, sku.grade, parcel.traceCode, time,
                parcel.refundedAfterShipment,
            ]
        )
    }

    /// - Parameter savedOrders: the orders this run stored (others are looked up: a parked delivery's exception may name an
    ///   order that is not stored, and then keeps its id in `unmatched_order_id`, outside the key to `orders`).
    private static func apply(_ change: ExceptionChange, db: Database, time: Int64, savedOrders: Set<OrderKey>) throws {
        switch change {
        case .opened(let opening):
            let key = opening.order
            let stored = try savedOrders.contains(key) || orderExists(key, db: db)
            try db.executeCached(
                sql: Self.openExceptionSQL,
                arguments: [
                    opening.kind.rawValue, key.platform.rawValue, key.shop, stored ? key.platformOrderId : nil,
                    stored ? nil : key.platformOrderId, opening.lineId, opening.platformSkuId, opening.skuCode, opening.enterpriseId,
                    opening.message, ExceptionStatus.open.rawValue, time,
                ]
            )
        case .updated(let id, let message, let note):
            try db.executeCached(sql: "UPDATE fulfilment_exceptions SET message = ?, note = ? WHERE id = ?", arguments: [message, note, id])
        case .resolved(let id, let by, let note):
            try db.executeCached(
                sql: """
                    UPDATE fulfilment_exceptions SET status = 'resolved', resolved_at = coalesce(resolved_at, ?), resolved_by = ?, note = ?
                    WHERE id = ?
                    """,
                arguments: [time, by, note, id]
            )
        }
    }
}

extension SQLiteLifecycle {
    /// `INSERT INTO table (columns) VALUES (?, …)`, the columns named by a record's `Columns` (built once: the apply
    /// function runs its statements cached, for every observation of every batch).
    private static func insertSQL(into table: String, _ columns: [Column]) -> String {
        let names = columns.map(\.name).joined(separator: ", ")
        let values = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        return "INSERT INTO \(table) (\(names)) VALUES (\(values))"
    }

    /// A timeline row (the raw payload sealed by the caller).
    static let insertTimelineSQL: String = {
        typealias Columns = TimelineEntryRecord.Columns
        return insertSQL(
            into: TimelineEntryRecord.databaseTableName,
            [
                Columns.platform, Columns.shop, Columns.platformOrderId, Columns.inboxId, Columns.deliveryId, Columns.source, Columns.event,
                Columns.decision, Columns.statusBefore, Columns.statusAfter, Columns.platformUpdatedAt, Columns.recordedAt, Columns.rawPayload,
            ]
        )
    }()

    /// An exception opening (its status is `open`, passed as an argument).
    static let openExceptionSQL: String = {
        typealias Columns = FulfilmentExceptionRecord.Columns
        return insertSQL(
            into: FulfilmentExceptionRecord.databaseTableName,
            [
                Columns.kind, Columns.platform, Columns.shop, Columns.platformOrderId, Columns.unmatchedOrderId, Columns.lineId,
                Columns.platformSkuId, Columns.skuCode, Columns.enterpriseId, Columns.message, Columns.status, Columns.openedAt,
            ]
        )
    }()

    /// Whether an order with this key is stored.
    static func orderExists(_ key: OrderKey, db: Database) throws -> Bool {
        try Bool.fetchOne(
            db,
            sql: "SELECT EXISTS (SELECT 1 FROM orders WHERE platform = ? AND shop = ? AND platform_order_id = ?)",
            arguments: [key.platform.rawValue, key.shop, key.platformOrderId]
        ) ?? false
    }

    /// Plans again every order held by an open exception (after a mapping, stock or supply change), oldest exception
    /// first. - Returns: how many orders ran, and the changes applied.
    static func rerunHeldOrders(db: Database, now: Timestamp, sealer: DataSealer) throws -> (orders: Int, changes: LifecycleChanges) {
        let keys = try Row.fetchAll(
            db,
            sql: """
                SELECT platform, shop, coalesce(platform_order_id, unmatched_order_id) AS platform_order_id, min(id) AS first_id
                FROM fulfilment_exceptions WHERE status = 'open' GROUP BY 1, 2, 3 ORDER BY first_id
                """
        ).compactMap { row -> OrderKey? in
            guard let platform = Platform(rawValue: row["platform"]) else { return nil }
            return OrderKey(platform: platform, shop: row["shop"], platformOrderId: row["platform_order_id"])
        }
        return try run(db: db, now: now, opening: nil, sealer: sealer) { lifecycle in
            var count = 0
            for key in keys where try lifecycle.fulfil(key) { count += 1 }
            return count
        }
    }
}
