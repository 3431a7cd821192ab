import GRDB

/// The SQLite schema, as migrations. Each migration runs in its own transaction.
enum SQLiteSchema {
    /// The migrations; `sealer` seals what `v7-data-at-rest` finds in plaintext.
    static func migrator(sealer: DataSealer) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-inbox-orders-timeline") { db in
            try db.execute(
                sql: """
                    CREATE TABLE inbox (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        platform TEXT NOT NULL,
                        shop TEXT NOT NULL,
                        delivery_id TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        received_at INTEGER NOT NULL,
                        last_received_at INTEGER NOT NULL,
                        received_count INTEGER NOT NULL DEFAULT 1,
                        payload BLOB NOT NULL,
                        processed_at INTEGER,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        next_attempt_at INTEGER NOT NULL DEFAULT 0,
                        last_error TEXT,
                        UNIQUE (platform, shop, delivery_id)
                    );
                    CREATE INDEX inbox_pending ON inbox (next_attempt_at, id) WHERE processed_at IS NULL;
                    CREATE TABLE orders (
                        platform TEXT NOT NULL,
                        shop TEXT NOT NULL,
                        platform_order_id TEXT NOT NULL,
                        status TEXT NOT NULL,
                        platform_updated_at INTEGER NOT NULL,
                        revision INTEGER NOT NULL,
                        created_at INTEGER,
                        paid_fen INTEGER,
                        order_json TEXT NOT NULL,
                        updated_local_at INTEGER NOT NULL,
                        PRIMARY KEY (platform, shop, platform_order_id)
                    );
                    CREATE INDEX orders_updated ON orders (updated_local_at);
                    CREATE TABLE order_lines (
                        platform TEXT NOT NULL,
                        shop TEXT NOT NULL,
                        platform_order_id TEXT NOT NULL,
                        line_id TEXT NOT NULL,
                        product_id TEXT NOT NULL,
                        sku_id TEXT NOT NULL,
                        out_sku_id TEXT,
                        title TEXT NOT NULL,
                        quantity INTEGER NOT NULL,
                        paid_fen INTEGER NOT NULL,
                        refund_state TEXT NOT NULL,
                        PRIMARY KEY (platform, shop, platform_order_id, line_id)
                    );
                    CREATE INDEX order_lines_sku ON order_lines (sku_id);
                    CREATE TABLE timeline (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        platform TEXT NOT NULL,
                        shop TEXT NOT NULL,
                        platform_order_id TEXT NOT NULL,
                        inbox_id INTEGER REFERENCES inbox(id),
                        delivery_id TEXT NOT NULL,
                        source TEXT NOT NULL,
                        event TEXT NOT NULL,
                        decision TEXT NOT NULL,
                        status_before TEXT,
                        status_after TEXT NOT NULL,
                        platform_updated_at INTEGER NOT NULL,
                        recorded_at INTEGER NOT NULL,
                        raw_payload TEXT NOT NULL
                    );
                    CREATE INDEX timeline_order ON timeline (platform, shop, platform_order_id, id);
                    CREATE INDEX timeline_inbox ON timeline (inbox_id);
                    CREATE TABLE delivery_failures (
                        inbox_id INTEGER PRIMARY KEY REFERENCES inbox(id),
                        message TEXT NOT NULL,
                        recorded_at INTEGER NOT NULL
                    );
                    CREATE TABLE poll_cursors (
                        shop TEXT PRIMARY KEY,
                        cursor_at INTEGER NOT NULL,
                        updated_at INTEGER NOT NULL
                    );
                    """
            )
        }
        registerInventory(&migrator)
        registerAllocation(&migrator)
        registerStaff(&migrator)
        registerReconciliation(&migrator)
        registerParking(&migrator)
        registerLineIdentity(&migrator)
        registerDataAtRest(&migrator, sealer: sealer)
        registerInboxCounters(&migrator)
        registerOrderSearch(&migrator)
        registerHeldSnapshots(&migrator)
        registerForeignKeys(&migrator)
        registerOrderKeys(&migrator)
        registerShipments(&migrator)
        return migrator
    }
}
