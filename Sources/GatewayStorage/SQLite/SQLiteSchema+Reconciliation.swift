import GRDB

extension SQLiteSchema {
    /// Migration `v5-reconciliation`: statement imports, reconciliation runs and resolutions.
    ///
    /// - `reconciliation_runs`: one row per imported statement; `UNIQUE (shop, fingerprint)` makes a
    ///   re-import of the same content find the existing run instead of adding one.
    /// - `reconciliation_lines`: one row per order compared, numbered from 1 within its run, with the
    ///   latest resolution on the row.
    /// - `reconciliation_resolutions`: every resolution ever recorded (the line keeps the latest).
    static func registerReconciliation(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5-reconciliation") { db in
            try db.execute(
                sql: """
                    CREATE TABLE reconciliation_runs (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        platform TEXT NOT NULL,
                        shop TEXT NOT NULL,
                        format TEXT NOT NULL,
                        file_name TEXT NOT NULL,
                        fingerprint TEXT NOT NULL,
                        imported_at INTEGER NOT NULL,
                        imported_by TEXT NOT NULL,
                        period_from INTEGER,
                        period_to INTEGER,
                        tolerance_fen INTEGER NOT NULL,
                        totals_json TEXT NOT NULL,
                        UNIQUE (shop, fingerprint)
                    );
                    CREATE INDEX reconciliation_runs_shop ON reconciliation_runs (shop, id);
                    CREATE TABLE reconciliation_lines (
                        run_id INTEGER NOT NULL REFERENCES reconciliation_runs(id),
                        number INTEGER NOT NULL,
                        class TEXT NOT NULL,
                        platform_order_id TEXT NOT NULL,
                        statement_fen INTEGER,
                        gateway_fen INTEGER,
                        statement_status TEXT,
                        gateway_status TEXT,
                        statement_lines TEXT NOT NULL,
                        detail TEXT NOT NULL,
                        platform_lookup TEXT,
                        resolution_reason TEXT,
                        resolution_note TEXT,
                        resolved_by TEXT,
                        resolved_at INTEGER,
                        PRIMARY KEY (run_id, number)
                    );
                    CREATE INDEX reconciliation_lines_order ON reconciliation_lines (platform_order_id);
                    CREATE TABLE reconciliation_resolutions (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        run_id INTEGER NOT NULL,
                        number INTEGER NOT NULL,
                        reason TEXT NOT NULL,
                        note TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        at INTEGER NOT NULL,
                        FOREIGN KEY (run_id, number) REFERENCES reconciliation_lines(run_id, number)
                    );
                    CREATE INDEX reconciliation_resolutions_line ON reconciliation_resolutions (run_id, number, id);
                    CREATE INDEX orders_shop_created ON orders (platform, shop, created_at);
                    """
            )
        }
    }
}
