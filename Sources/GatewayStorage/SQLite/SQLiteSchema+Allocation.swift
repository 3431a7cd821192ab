import GRDB

extension SQLiteSchema {
    /// Migration `v3-allocation`: households, supply lots, allocation policies, parcel allocations with
    /// trace codes, household payments.
    static func registerAllocation(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-allocation") { db in
            try db.execute(
                sql: """
                    CREATE TABLE households (
                        id TEXT PRIMARY KEY,
                        name TEXT NOT NULL,
                        village TEXT NOT NULL,
                        cooperative_id TEXT,
                        base_id TEXT,
                        registered_poor INTEGER NOT NULL,
                        members INTEGER NOT NULL,
                        show_name INTEGER NOT NULL DEFAULT 0,
                        updated_at INTEGER NOT NULL
                    );
                    CREATE TABLE supply_lots (
                        id TEXT PRIMARY KEY,
                        household_id TEXT NOT NULL REFERENCES households(id),
                        enterprise_id TEXT NOT NULL,
                        product TEXT NOT NULL,
                        grade TEXT NOT NULL,
                        capacity_grams INTEGER NOT NULL,
                        price_fen_per_kg INTEGER NOT NULL,
                        harvest_date TEXT NOT NULL,
                        available_from TEXT,
                        available_to TEXT,
                        allocated_grams INTEGER NOT NULL DEFAULT 0,
                        updated_at INTEGER NOT NULL,
                        CHECK (allocated_grams >= 0 AND allocated_grams <= capacity_grams)
                    );
                    CREATE INDEX supply_lots_pool ON supply_lots (enterprise_id, product, grade);
                    CREATE INDEX supply_lots_household ON supply_lots (household_id);
                    CREATE TABLE allocation_policies (
                        enterprise_id TEXT PRIMARY KEY,
                        policy_json TEXT NOT NULL
                    );
                    CREATE TABLE parcel_allocations (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        platform TEXT NOT NULL,
                        shop TEXT NOT NULL,
                        platform_order_id TEXT NOT NULL,
                        line_id TEXT NOT NULL,
                        sku_code TEXT NOT NULL,
                        parcel_index INTEGER NOT NULL,
                        lot_id TEXT NOT NULL,
                        household_id TEXT NOT NULL,
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
                    );
                    CREATE INDEX parcel_allocations_line ON parcel_allocations (platform, shop, platform_order_id, line_id, state);
                    CREATE INDEX parcel_allocations_household ON parcel_allocations (household_id, day);
                    CREATE INDEX parcel_allocations_day ON parcel_allocations (enterprise_id, day);
                    CREATE TABLE household_payments (
                        household_id TEXT NOT NULL,
                        period TEXT NOT NULL,
                        paid_at INTEGER NOT NULL,
                        paid_by TEXT NOT NULL,
                        PRIMARY KEY (household_id, period)
                    );
                    """
            )
        }
    }
}
