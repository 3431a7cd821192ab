import GRDB

extension SQLiteSchema {
    /// `v11-shipments` (issue #17): shipments, their lines, and the write-back outbox — one entry per shipment, written
    /// in the shipment's transaction, leased to one sender at a time (`lease_until`).
    static func registerShipments(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v11-shipments") { db in
            try db.execute(
                sql: """
                    CREATE TABLE shipments (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        platform TEXT NOT NULL,
                        shop TEXT NOT NULL,
                        platform_order_id TEXT NOT NULL,
                        courier TEXT NOT NULL,
                        tracking_no TEXT NOT NULL,
                        whole_order INTEGER NOT NULL,
                        packages INTEGER NOT NULL CHECK (packages >= 1),
                        trace_codes TEXT NOT NULL,
                        recorded_by TEXT NOT NULL,
                        recorded_at INTEGER NOT NULL,
                        FOREIGN KEY (platform, shop, platform_order_id) REFERENCES orders (platform, shop, platform_order_id)
                    );
                    CREATE UNIQUE INDEX shipments_order_tracking ON shipments (platform, shop, platform_order_id, tracking_no);
                    CREATE INDEX shipments_recorded ON shipments (recorded_at);
                    CREATE TABLE shipment_lines (
                        shipment_id INTEGER NOT NULL REFERENCES shipments (id),
                        line_id TEXT NOT NULL,
                        quantity INTEGER NOT NULL CHECK (quantity >= 1),
                        PRIMARY KEY (shipment_id, line_id)
                    );
                    CREATE TABLE shipment_write_backs (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        shipment_id INTEGER NOT NULL UNIQUE REFERENCES shipments (id),
                        state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'unknown', 'confirmed', 'rejected', 'conflict', 'handled')),
                        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
                        not_before INTEGER,
                        lease_until INTEGER,
                        state_detail TEXT,
                        courier TEXT NOT NULL,
                        tracking_no TEXT NOT NULL,
                        replacing_tracking_no TEXT,
                        last_error TEXT,
                        updated_at INTEGER NOT NULL
                    );
                    CREATE INDEX shipment_write_backs_due ON shipment_write_backs (state, not_before);
                    """
            )
        }
    }
}
