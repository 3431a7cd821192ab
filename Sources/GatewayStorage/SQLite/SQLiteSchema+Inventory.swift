import GRDB

extension SQLiteSchema {
    /// Migration `v2-inventory`: master data, stock, fulfilment, exceptions, live events, stock pushes.
    static func registerInventory(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-inventory") { db in
            try db.execute(
                sql: """
                    CREATE TABLE enterprises (
                        id TEXT PRIMARY KEY,
                        name TEXT NOT NULL,
                        allow_split INTEGER NOT NULL DEFAULT 0
                    );
                    CREATE TABLE warehouses (
                        id TEXT PRIMARY KEY,
                        enterprise_id TEXT NOT NULL,
                        name TEXT NOT NULL,
                        regions_json TEXT NOT NULL,
                        priority INTEGER NOT NULL
                    );
                    CREATE TABLE enterprise_skus (
                        code TEXT PRIMARY KEY,
                        enterprise_id TEXT NOT NULL,
                        product TEXT NOT NULL,
                        grade TEXT NOT NULL,
                        net_weight_grams INTEGER NOT NULL,
                        title TEXT NOT NULL
                    );
                    CREATE TABLE sku_mappings (
                        shop TEXT NOT NULL,
                        platform_sku_id TEXT NOT NULL,
                        platform_product_id TEXT,
                        components_json TEXT NOT NULL,
                        updated_at INTEGER NOT NULL,
                        updated_by TEXT NOT NULL,
                        PRIMARY KEY (shop, platform_sku_id)
                    );
                    CREATE TABLE stock_levels (
                        warehouse_id TEXT NOT NULL,
                        sku_code TEXT NOT NULL,
                        on_hand INTEGER NOT NULL CHECK (on_hand >= 0),
                        reserved INTEGER NOT NULL CHECK (reserved >= 0),
                        safety INTEGER NOT NULL CHECK (safety >= 0),
                        updated_at INTEGER NOT NULL,
                        PRIMARY KEY (warehouse_id, sku_code)
                    );
                    CREATE TABLE line_fulfilments (
                        platform TEXT NOT NULL,
                        shop TEXT NOT NULL,
                        platform_order_id TEXT NOT NULL,
                        line_id TEXT NOT NULL,
                        state TEXT NOT NULL,
                        reservations_json TEXT NOT NULL,
                        enterprise_ids TEXT NOT NULL,
                        updated_at INTEGER NOT NULL,
                        PRIMARY KEY (platform, shop, platform_order_id, line_id)
                    );
                    CREATE INDEX line_fulfilments_state ON line_fulfilments (state);
                    CREATE TABLE fulfilment_exceptions (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        kind TEXT NOT NULL,
                        platform TEXT NOT NULL,
                        shop TEXT NOT NULL,
                        platform_order_id TEXT NOT NULL,
                        line_id TEXT,
                        platform_sku_id TEXT,
                        sku_code TEXT,
                        enterprise_id TEXT,
                        message TEXT NOT NULL,
                        status TEXT NOT NULL,
                        opened_at INTEGER NOT NULL,
                        resolved_at INTEGER,
                        resolved_by TEXT,
                        note TEXT
                    );
                    CREATE UNIQUE INDEX fulfilment_exceptions_open
                        ON fulfilment_exceptions (platform, shop, platform_order_id, coalesce(line_id, ''), kind) WHERE status = 'open';
                    CREATE INDEX fulfilment_exceptions_status ON fulfilment_exceptions (status, id);
                    CREATE TABLE live_events (
                        id TEXT PRIMARY KEY,
                        title TEXT NOT NULL,
                        shops_json TEXT NOT NULL,
                        room_ids_json TEXT NOT NULL,
                        author_ids_json TEXT NOT NULL,
                        starts_at INTEGER NOT NULL,
                        ends_at INTEGER NOT NULL
                    );
                    ALTER TABLE orders ADD COLUMN live_event_id TEXT;
                    CREATE INDEX orders_live_event ON orders (live_event_id, created_at);
                    CREATE TABLE stock_pushes (
                        shop TEXT NOT NULL,
                        platform_sku_id TEXT NOT NULL,
                        quantity INTEGER,
                        pushed_at INTEGER,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        last_error TEXT,
                        PRIMARY KEY (shop, platform_sku_id)
                    );
                    """
            )
        }
    }
}
