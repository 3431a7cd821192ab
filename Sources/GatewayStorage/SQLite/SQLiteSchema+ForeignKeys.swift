import GRDB

extension SQLiteSchema {
    /// Migration `v9-foreign-keys` (issue #13): the foreign keys the schema lacked, and the end of `delivery_failures`.
    ///
    /// - `delivery_failures` is dropped: a table of the first schema that nothing ever read or wrote (a delivery's
    ///   failures are on its inbox row since `v6-inbox-parking`).
    /// - SQLite adds a foreign key only by rebuilding the table (create the new table, copy the rows, drop the old one,
    ///   rename, create its indexes again). GRDB runs the migration with foreign keys off and checks every key before
    ///   it commits (`foreignKeyChecks: .deferred`), so a database whose rows break one of the new keys fails this
    ///   migration and stays as it was.
    /// - The new keys: `warehouses` and `enterprise_skus` → `enterprises`; `stock_levels` → `warehouses` and
    ///   `enterprise_skus`; `order_lines` and `line_fulfilments` → `orders` (the order, not the line: a line that
    ///   leaves its order keeps its fulfilment); `parcel_allocations` → `supply_lots` and `households`;
    ///   `household_payments` → `households`. (`supply_lots` → `households`, the staff sessions and tokens →
    ///   `staff_users`, and the reconciliation tables had theirs from the start.) Not keyed, because rows may
    ///   legitimately point nowhere: `timeline` and `fulfilment_exceptions` (a parked delivery's order may never be
    ///   stored; keyed where they have an order since `v10-order-keys`), `supply_lots`, `allocation_policies` and `staff_users` → `enterprises` (lots and accounts may name an
    ///   enterprise the master data does not list).
    /// - Every new key is `DEFERRABLE INITIALLY DEFERRED`: checked when the transaction commits, not at each statement,
    ///   so a writer may write children before parents within one transaction, and the store's own checks
    ///   (``SQLiteDatabase``'s validation of master data) still run first and report a change's problems in
    ///   words; the keys are what holds when a check is missing.
    static func registerForeignKeys(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v9-foreign-keys", foreignKeyChecks: .deferred) { db in
            try db.execute(sql: "DROP TABLE delivery_failures")
            for table in rebuiltTables {
                try rebuild(db, table)
            }
        }
    }

    /// A table rebuilt with its foreign keys: its definition under a temporary name, and its indexes.
    struct RebuiltTable {
        let name: String
        let definition: String
        let indexes: [String]
    }

    /// Copies a table's rows into its new definition and puts the new table in its place, indexes included.
    static func rebuild(_ db: Database, _ table: RebuiltTable) throws {
        let columns = try db.columns(in: table.name).map { "\"\($0.name)\"" }.joined(separator: ", ")
        // An AUTOINCREMENT table keeps its sequence, so no id is ever handed out twice.
        let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = ?", arguments: [table.name])
        try db.execute(sql: table.definition)
        try db.execute(sql: "INSERT INTO new_\(table.name) (\(columns)) SELECT \(columns) FROM \(table.name)")
        try db.execute(sql: "DROP TABLE \(table.name)")
        try db.execute(sql: "ALTER TABLE new_\(table.name) RENAME TO \(table.name)")
        if let sequence {
            let copied = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = ?", arguments: [table.name]) ?? 0
            try db.execute(sql: "DELETE FROM sqlite_sequence WHERE name = ?", arguments: [table.name])
            try db.execute(sql: "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", arguments: [table.name, max(sequence, copied)])
        }
        for index in table.indexes {
            try db.execute(sql: index)
        }
    }

    static let deferred = "DEFERRABLE INITIALLY DEFERRED"

    /// The tables that gain foreign keys, parents before children; columns in their current order.
    private static let rebuiltTables: [RebuiltTable] = [
        RebuiltTable(
            name: "warehouses",
            definition: """
                CREATE TABLE new_warehouses (
                    id TEXT PRIMARY KEY,
                    enterprise_id TEXT NOT NULL REFERENCES enterprises(id) \(deferred),
                    name TEXT NOT NULL,
                    regions_json TEXT NOT NULL,
                    priority INTEGER NOT NULL
                )
                """,
            indexes: ["CREATE INDEX warehouses_enterprise ON warehouses (enterprise_id)"]
        ),
        RebuiltTable(
            name: "enterprise_skus",
            definition: """
                CREATE TABLE new_enterprise_skus (
                    code TEXT PRIMARY KEY,
                    enterprise_id TEXT NOT NULL REFERENCES enterprises(id) \(deferred),
                    product TEXT NOT NULL,
                    grade TEXT NOT NULL,
                    net_weight_grams INTEGER NOT NULL,
                    title TEXT NOT NULL
                )
                """,
            indexes: ["CREATE INDEX enterprise_skus_enterprise ON enterprise_skus (enterprise_id)"]
        ),
        RebuiltTable(
            name: "stock_levels",
            definition: """
                CREATE TABLE new_stock_levels (
                    warehouse_id TEXT NOT NULL REFERENCES warehouses(id) \(deferred),
                    sku_code TEXT NOT NULL REFERENCES enterprise_skus(code) \(deferred),
                    on_hand INTEGER NOT NULL CHECK (on_hand >= 0),
                    reserved INTEGER NOT NULL CHECK (reserved >= 0),
                    safety INTEGER NOT NULL CHECK (safety >= 0),
                    updated_at INTEGER NOT NULL,
                    PRIMARY KEY (warehouse_id, sku_code)
                )
                """,
            indexes: ["CREATE INDEX stock_levels_sku ON stock_levels (sku_code)"]
        ),
        RebuiltTable(
            name: "order_lines",
            definition: """
                CREATE TABLE new_order_lines (
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
                    updated_local_at INTEGER,
                    PRIMARY KEY (platform, shop, platform_order_id, line_id),
                    FOREIGN KEY (platform, shop, platform_order_id) REFERENCES orders(platform, shop, platform_order_id) \(deferred)
                )
                """,
            indexes: [
                "CREATE INDEX order_lines_sku_shop ON order_lines (sku_id, shop, updated_local_at DESC, platform_order_id, platform)",
                "CREATE INDEX order_lines_out_sku_shop ON order_lines (out_sku_id, shop, updated_local_at DESC, platform_order_id, platform)",
            ]
        ),
        RebuiltTable(
            name: "line_fulfilments",
            definition: """
                CREATE TABLE new_line_fulfilments (
                    platform TEXT NOT NULL,
                    shop TEXT NOT NULL,
                    platform_order_id TEXT NOT NULL,
                    line_id TEXT NOT NULL,
                    state TEXT NOT NULL,
                    reservations_json TEXT NOT NULL,
                    enterprise_ids TEXT NOT NULL,
                    updated_at INTEGER NOT NULL,
                    sku_id TEXT,
                    quantity INTEGER,
                    PRIMARY KEY (platform, shop, platform_order_id, line_id),
                    FOREIGN KEY (platform, shop, platform_order_id) REFERENCES orders(platform, shop, platform_order_id) \(deferred)
                )
                """,
            indexes: ["CREATE INDEX line_fulfilments_state ON line_fulfilments (state)"]
        ),
        RebuiltTable(
            name: "parcel_allocations",
            definition: """
                CREATE TABLE new_parcel_allocations (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    platform TEXT NOT NULL,
                    shop TEXT NOT NULL,
                    platform_order_id TEXT NOT NULL,
                    line_id TEXT NOT NULL,
                    sku_code TEXT NOT NULL,
                    parcel_index INTEGER NOT NULL,
                    lot_id TEXT NOT NULL REFERENCES supply_lots(id) \(deferred),
                    household_id TEXT NOT NULL REFERENCES households(id) \(deferred),
                    grams INTEGER NOT NULL,
                    tier TEXT NOT NULL,
                    quota_grams INTEGER NOT NULL,
                    deficit_grams INTEGER NOT NULL,
                    income_fen INTEGER NOT NULL,
                    day TEXT NOT NULL,
                    enterprise_id TEXT NOT NULL,
                    product TEXT NOT NULL,
                    grade TEXT NOT NULL,
                    trace_code TEXT NOT NULL UNIQUE,
                    state TEXT NOT NULL,
                    refunded_after_shipment INTEGER NOT NULL DEFAULT 0,
                    created_at INTEGER NOT NULL,
                    reversed_at INTEGER
                )
                """,
            indexes: [
                "CREATE INDEX parcel_allocations_line ON parcel_allocations (platform, shop, platform_order_id, line_id, state)",
                "CREATE INDEX parcel_allocations_household ON parcel_allocations (household_id, day)",
                "CREATE INDEX parcel_allocations_day ON parcel_allocations (enterprise_id, day)",
                "CREATE INDEX parcel_allocations_lot ON parcel_allocations (lot_id)",
            ]
        ),
        RebuiltTable(
            name: "household_payments",
            definition: """
                CREATE TABLE new_household_payments (
                    household_id TEXT NOT NULL REFERENCES households(id) \(deferred),
                    period TEXT NOT NULL,
                    paid_at INTEGER NOT NULL,
                    paid_by TEXT NOT NULL,
                    PRIMARY KEY (household_id, period)
                )
                """,
            indexes: []
        ),
    ]
}
