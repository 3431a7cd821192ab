import Foundation
import GRDB
public import GatewayCore

/// Canonical orders, lines and timelines on SQLite.
///
/// ``commit(_:at:)`` is the pipeline's one transaction per batch: merges, timeline rows and the
/// inbox's processed marks are written together, so a crash either keeps all of a batch or none.
///
/// At rest: each timeline row's raw payload is sealed (``DataSealer``), and a buyer's plaintext contact
/// (``GatewayCore/BuyerInfo/receiver``) is sealed into ``GatewayCore/BuyerInfo/sealedReceiver`` in `order_json`; the merge
/// opens it again so that it compares plaintext with plaintext. Orders read for views are not opened.
extension SQLiteDatabase: OrderStore {

    public func commit(_ batch: [ProcessedDelivery], at now: Timestamp) async throws -> [MergeResult] {
        let sealer = self.sealer
        return try await writer.write { db in
            let (_, changes) = try SQLiteLifecycle.run(db: db, now: now, opening: sealer, sealer: sealer) { lifecycle in
                try lifecycle.commit(batch)
            }
            return changes.results
        }
    }

    public func order(_ key: OrderKey) async throws -> CanonicalOrder? {
        try await writer.read { db in try SQLiteOrderRows.load(key, db: db, opening: nil) }
    }

    public func receiver(of key: OrderKey) async throws -> BuyerContact? {
        let sealed = try await writer.read { db in try SQLiteOrderRows.load(key, db: db, opening: nil)?.snapshot?.buyer.sealedReceiver }
        guard let sealed else { return nil }
        return try SQLiteOrderRows.openReceiver(sealed, sealer: sealer)
    }

    public func timeline(_ key: OrderKey, payloads: Bool) async throws -> [TimelineEntry] {
        let sealer = self.sealer
        return try await writer.read { db in
            try Row.fetchAllCached(
                db,
                sql: Self.timelineSQL(payloads: payloads),
                arguments: [key.platform.rawValue, key.shop, key.platformOrderId, key.platform.rawValue, key.shop, key.platformOrderId]
            ).compactMap { row in
                guard let source = ObservationSource(rawValue: row["source"]), let decision = MergeDecision(rawValue: row["decision"]),
                    let after = OrderStatus(rawValue: row["status_after"])
                else { return nil }
                return TimelineEntry(
                    inboxId: row["inbox_id"],
                    deliveryId: row["delivery_id"],
                    receivedCount: row["received_count"],
                    source: source,
                    event: row["event"],
                    decision: decision,
                    statusBefore: (row["status_before"] as String?).flatMap(OrderStatus.init(rawValue:)),
                    statusAfter: after,
                    platformUpdatedAt: Timestamp(millisecondsSince1970: row["platform_updated_at"]),
                    recordedAt: Timestamp(millisecondsSince1970: row["recorded_at"]),
                    rawPayload: Self.openPayload(row["raw_payload"], sealer: sealer),
                    payloadDeletedAt: (row["payload_deleted_at"] as Int64?).map { Timestamp(millisecondsSince1970: $0) }
                )
            }
        }
    }

    /// An order's timeline: the rows keyed to it, and those that named it while it was not stored (`unmatched_order_id`,
    /// migration `v10-order-keys`), each through its own index, oldest first.
    private static func timelineSQL(payloads: Bool) -> String {
        let select = """
            SELECT t.id AS id, t.inbox_id, t.delivery_id, t.source, t.event, t.decision, t.status_before, t.status_after,
                   t.platform_updated_at, t.recorded_at, t.payload_deleted_at, \(payloads ? "t.raw_payload" : "'' AS raw_payload"),
                   coalesce(i.received_count, 1) AS received_count FROM timeline t
            LEFT JOIN inbox i ON i.id = t.inbox_id
            """
        return """
            \(select) WHERE t.platform = ? AND t.shop = ? AND t.platform_order_id = ?
            UNION ALL
            \(select) WHERE t.platform = ? AND t.shop = ? AND t.unmatched_order_id = ?
            ORDER BY id
            """
    }

    public func orders(matching query: OrderQuery) async throws -> [CanonicalOrder] {
        try await writer.read { db in
            let search = try Self.search(query, db: db)
            return try String.fetchAll(db, sql: search.sql, arguments: search.arguments).map {
                try JSONDecoder().decode(CanonicalOrder.self, from: Data($0.utf8))
            }
        }
    }

    /// The statement of a search (``SQLiteOrderSearch``), after asking the indexes what it depends on: for a date filter,
    /// the first and last day that hold orders; for a SKU that drives, the shops with lines of it.
    private static func search(_ query: OrderQuery, db: Database) throws -> SQLiteOrderSearch {
        var dataDays: ClosedRange<Int64>?
        if let probe = SQLiteOrderSearch.dayRangeProbe(query), let row = try Row.fetchOne(db, sql: probe.sql, arguments: probe.arguments),
            let first = row["first"] as Int64?, let last = row["last"] as Int64?, first <= last
        {
            dataDays = first...last
        }
        guard SQLiteOrderSearch.driver(for: query, dataDays: dataDays) == .sku, let sku = query.sku else {
            return SQLiteOrderSearch(query, dataDays: dataDays)
        }
        let probe = SQLiteOrderSearch.skuShopsProbe(sku)
        let shops = try Row.fetchAll(db, sql: probe.sql, arguments: probe.arguments).compactMap { row -> SQLiteOrderSearch.SkuShop? in
            guard let column = SQLiteOrderSearch.SkuColumn(rawValue: row["sku_column"]) else { return nil }
            return SQLiteOrderSearch.SkuShop(column: column, shop: row["shop"])
        }
        return SQLiteOrderSearch(query, dataDays: dataDays, skuShops: shops)
    }

    /// How SQLite answers a search: the `detail` column of `EXPLAIN QUERY PLAN` (`SEARCH orders USING INDEX …`,
    /// `SCAN orders`, `USE TEMP B-TREE FOR ORDER BY`, …), one line per step, indented by depth — first for the index
    /// questions the store asks before a search (prefixed `probe: `), then for the statement of ``orders(matching:)``.
    /// For tests and `gateway-bench search`, which fail when a search scans a table.
    public func searchPlan(for query: OrderQuery) async throws -> [String] {
        try await writer.read { db in
            let search = try Self.search(query, db: db)
            var probes: [(sql: String, arguments: StatementArguments)] = []
            if let probe = SQLiteOrderSearch.dayRangeProbe(query) { probes.append(probe) }
            if let sku = query.sku, search.drivesBySku { probes.append(SQLiteOrderSearch.skuShopsProbe(sku)) }
            var lines: [String] = []
            for probe in probes {
                lines += try Self.plan(of: probe.sql, arguments: probe.arguments, db: db).map { "probe: " + $0 }
            }
            return lines + (try Self.plan(of: search.sql, arguments: search.arguments, db: db))
        }
    }

    /// `EXPLAIN QUERY PLAN` of a statement, indented by depth.
    private static func plan(of sql: String, arguments: StatementArguments, db: Database) throws -> [String] {
        var depths: [Int: Int] = [:]
        return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { row in
            let id: Int = row["id"]
            let parent: Int = row["parent"]
            let depth = (depths[parent] ?? -1) + 1
            depths[id] = depth
            return String(repeating: "  ", count: depth) + (row["detail"] as String)
        }
    }

    /// One query per 500 ids on the primary key, from `held_snapshot` (migration `v8-held-snapshots`; orders not saved
    /// since have none and are left out).
    public func heldSnapshots(platform: Platform, shop: String, orderIds: [String]) async throws -> [String: HeldSnapshot] {
        let ids = Array(Set(orderIds))
        guard !ids.isEmpty else { return [:] }
        return try await writer.read { db in
            var held: [String: HeldSnapshot] = [:]
            var start = 0
            while start < ids.count {
                let chunk = ids[start..<min(start + 500, ids.count)]
                start += chunk.count
                let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
                var arguments: StatementArguments = [platform.rawValue, shop]
                for id in chunk { arguments += [id] }
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT platform_order_id, held_snapshot FROM orders
                        WHERE platform = ? AND shop = ? AND platform_order_id IN (\(placeholders))
                          AND held_snapshot IS NOT NULL
                        """,
                    arguments: arguments
                )
                let decoder = JSONDecoder()
                for row in rows {
                    let id: String = row["platform_order_id"]
                    let json: String = row["held_snapshot"]
                    // A value this build cannot read holds nothing: the row or push is processed as before.
                    held[id] = try? decoder.decode(HeldSnapshot.self, from: Data(json.utf8))
                }
            }
            return held
        }
    }

    public func deliveriesWithoutChange() async throws -> Int? {
        try await writer.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM (SELECT inbox_id FROM timeline WHERE inbox_id IS NOT NULL
                                          GROUP BY inbox_id HAVING max(decision = 'applied') = 0)
                    """
            )
        }
    }

    public func statistics() async throws -> OrderStatistics {
        try await writer.read { db in
            var statistics = OrderStatistics()
            for row in try Row.fetchAllCached(db, sql: "SELECT shop, status, count(*) AS n FROM orders GROUP BY shop, status") {
                guard let status = OrderStatus(rawValue: row["status"]) else { continue }
                statistics.ordersByShopAndStatus[row["shop"], default: [:]][status] = row["n"]
            }
            for row in try Row.fetchAllCached(db, sql: "SELECT decision, count(*) AS n FROM timeline GROUP BY decision") {
                guard let decision = MergeDecision(rawValue: row["decision"]) else { continue }
                statistics.decisions[decision] = row["n"]
            }
            return statistics
        }
    }

    /// Number of orders stored.
    public func orderCount() async throws -> Int {
        try await writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM orders") ?? 0 }
    }

    /// How many timeline rows each inbox entry produced from its own payload (detail fetches it
    /// triggered are not counted), for crash tests: exactly-once processing.
    public func timelineCountsByInbox() async throws -> [Int64: Int] {
        try await writer.read { db in
            var counts: [Int64: Int] = [:]
            for row in try Row.fetchAllCached(
                db,
                sql: "SELECT inbox_id, count(*) AS n FROM timeline WHERE inbox_id IS NOT NULL AND source <> 'detail' GROUP BY inbox_id"
            ) {
                counts[row["inbox_id"]] = row["n"]
            }
            return counts
        }
    }

    // MARK: rows

    /// A stored raw payload opened for reading; one that cannot be opened reads as a note saying why.
    private static func openPayload(_ stored: String, sealer: DataSealer) -> String {
        do {
            return try sealer.openText(stored, purpose: .timelinePayload)
        } catch {
            return "(the raw payload cannot be opened: \(error))"
        }
    }
}
