import GRDB

extension SQLiteSchema {
    /// Migration `v10-order-keys` (issue #13): `timeline` and `fulfilment_exceptions` → `orders`, for the rows that have
    /// an order.
    ///
    /// Some rows legitimately name an order that is not stored: a parked delivery's `unprocessable` exception (its order
    /// is `delivery:ID` when the payload could not be read, or an order the gateway never stored), and the timeline row
    /// of an observation that did not create its order. Such a row keeps the id it names in `unmatched_order_id` and has
    /// `platform_order_id` NULL, so the key — `(platform, shop, platform_order_id)`, which SQLite does not check while a
    /// column of it is NULL — applies exactly to the rows that have an order. When the order is stored later,
    /// `SQLiteLifecycle.apply` moves the id back (``adoptUnmatchedRowsSQL``), so the order's timeline and exceptions
    /// read as before.
    ///
    /// Like `v9-foreign-keys`: the tables are rebuilt (``rebuild(_:_:)``), the keys are `DEFERRABLE INITIALLY DEFERRED`,
    /// and GRDB checks every key before the migration commits.
    static func registerOrderKeys(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v10-order-keys", foreignKeyChecks: .deferred) { db in
            for table in orderKeyedTables {
                try rebuild(db, table)
                try db.execute(
                    sql: """
                        UPDATE \(table.name) SET unmatched_order_id = platform_order_id, platform_order_id = NULL
                        WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.platform = \(table.name).platform
                                          AND o.shop = \(table.name).shop AND o.platform_order_id = \(table.name).platform_order_id)
                        """
                )
            }
        }
    }

    /// The statements that give a newly stored order the rows that named it before it was stored (arguments: platform,
    /// shop, order id), one per table.
    static let adoptUnmatchedRowsSQL = orderKeyedTables.map { table in
        """
        UPDATE \(table.name) SET platform_order_id = unmatched_order_id, unmatched_order_id = NULL
        WHERE platform = ? AND shop = ? AND unmatched_order_id = ?
        """
    }

    /// `timeline` and `fulfilment_exceptions` with the key to `orders`; columns in their current order, then
    /// `unmatched_order_id`.
    private static let orderKeyedTables: [RebuiltTable] = [
        RebuiltTable(
            name: "timeline",
            definition: """
                CREATE TABLE new_timeline (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    platform TEXT NOT NULL,
                    shop TEXT NOT NULL,
                    platform_order_id TEXT,
                    inbox_id INTEGER REFERENCES inbox(id),
                    delivery_id TEXT NOT NULL,
                    source TEXT NOT NULL,
                    event TEXT NOT NULL,
                    decision TEXT NOT NULL,
                    status_before TEXT,
                    status_after TEXT NOT NULL,
                    platform_updated_at INTEGER NOT NULL,
                    recorded_at INTEGER NOT NULL,
                    raw_payload TEXT NOT NULL,
                    payload_deleted_at INTEGER,
                    unmatched_order_id TEXT,
                    FOREIGN KEY (platform, shop, platform_order_id) REFERENCES orders(platform, shop, platform_order_id) \(deferred),
                    CHECK ((platform_order_id IS NULL) <> (unmatched_order_id IS NULL))
                )
                """,
            indexes: [
                "CREATE INDEX timeline_order ON timeline (platform, shop, platform_order_id, id)",
                "CREATE INDEX timeline_inbox ON timeline (inbox_id)",
                "CREATE INDEX timeline_payload_retention ON timeline (recorded_at) WHERE payload_deleted_at IS NULL",
                "CREATE INDEX timeline_unmatched ON timeline (platform, shop, unmatched_order_id) WHERE unmatched_order_id IS NOT NULL",
            ]
        ),
        RebuiltTable(
            name: "fulfilment_exceptions",
            definition: """
                CREATE TABLE new_fulfilment_exceptions (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL,
                    platform TEXT NOT NULL,
                    shop TEXT NOT NULL,
                    platform_order_id TEXT,
                    line_id TEXT,
                    platform_sku_id TEXT,
                    sku_code TEXT,
                    enterprise_id TEXT,
                    message TEXT NOT NULL,
                    status TEXT NOT NULL,
                    opened_at INTEGER NOT NULL,
                    resolved_at INTEGER,
                    resolved_by TEXT,
                    note TEXT,
                    unmatched_order_id TEXT,
                    FOREIGN KEY (platform, shop, platform_order_id) REFERENCES orders(platform, shop, platform_order_id) \(deferred),
                    CHECK ((platform_order_id IS NULL) <> (unmatched_order_id IS NULL))
                )
                """,
            indexes: [
                """
                CREATE UNIQUE INDEX fulfilment_exceptions_open
                    ON fulfilment_exceptions (platform, shop, platform_order_id, coalesce(line_id, ''), kind) WHERE status = 'open'
                """,
                "CREATE INDEX fulfilment_exceptions_status ON fulfilment_exceptions (status, id)",
                "CREATE INDEX fulfilment_exceptions_order ON fulfilment_exceptions (platform, shop, platform_order_id)",
                """
                CREATE UNIQUE INDEX fulfilment_exceptions_unmatched_open
                    ON fulfilment_exceptions (platform, shop, unmatched_order_id, coalesce(line_id, ''), kind)
                    WHERE status = 'open' AND unmatched_order_id IS NOT NULL
                """,
            ]
        ),
    ]
}
