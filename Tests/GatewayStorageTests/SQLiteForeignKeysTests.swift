import Foundation
import GRDB
import GatewayCore
import Testing

@testable import GatewayStorage

/// Migration `v9-foreign-keys` (issue #13): the tables rebuilt with their keys keep every row, their indexes and their
/// id sequence; the keys reject rows that point nowhere when the transaction commits; and a database whose rows
/// already break a key is not migrated at all.
@Suite struct SQLiteForeignKeysTests {
    /// A database migrated up to the release before the keys, holding one of everything the keys cover.
    static func legacyDatabase() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try SQLiteSchema.migrator(sealer: DataSealer(keys: .tests)).migrate(queue, upTo: "v8-held-snapshots")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO enterprises (id, name) VALUES ('yunlai', 'Yunlai');
                    INSERT INTO warehouses (id, enterprise_id, name, regions_json, priority) VALUES ('w1', 'yunlai', 'W1', '[]', 1);
                    INSERT INTO enterprise_skus (code, enterprise_id, product, grade, net_weight_grams, title)
                        VALUES ('sku-a', 'yunlai', 'ponkan', 'A', 2500, 'Ponkan');
                    INSERT INTO stock_levels (warehouse_id, sku_code, on_hand, reserved, safety, updated_at) VALUES ('w1', 'sku-a', 5, 1, 0, 1);
                    INSERT INTO orders (platform, shop, platform_order_id, status, platform_updated_at, revision, order_json, updated_local_at)
                        VALUES ('douyin', 'shop', 'o1', 'paid', 1, 1, '{}', 1);
                    INSERT INTO order_lines (platform, shop, platform_order_id, line_id, product_id, sku_id, title, quantity, paid_fen,
                                             refund_state, updated_local_at)
                        VALUES ('douyin', 'shop', 'o1', 'l1', 'p1', 's1', 'Ponkan', 1, 100, 'none', 1);
                    INSERT INTO line_fulfilments (platform, shop, platform_order_id, line_id, state, reservations_json, enterprise_ids,
                                                  updated_at, sku_id, quantity)
                        VALUES ('douyin', 'shop', 'o1', 'l1', 'reserved', '[]', 'yunlai', 1, 's1', 1);
                    INSERT INTO households (id, name, village, registered_poor, members, updated_at) VALUES ('h1', 'H', 'V', 1, 3, 1);
                    INSERT INTO supply_lots (id, household_id, enterprise_id, product, grade, capacity_grams, price_fen_per_kg, harvest_date,
                                             allocated_grams, updated_at)
                        VALUES ('lot1', 'h1', 'yunlai', 'ponkan', 'A', 10000, 400, '2026-11-01', 2500, 1);
                    INSERT INTO parcel_allocations (id, platform, shop, platform_order_id, line_id, sku_code, parcel_index, lot_id,
                                                    household_id, grams, tier, quota_grams, deficit_grams, income_fen, day, enterprise_id,
                                                    product, grade, trace_code, state, created_at)
                        VALUES (41, 'douyin', 'shop', 'o1', 'l1', 'sku-a', 0, 'lot1', 'h1', 2500, 'poor', 0, 0, 1000, '2026-11-02',
                                'yunlai', 'ponkan', 'A', 'T-1', 'active', 1);
                    INSERT INTO household_payments (household_id, period, paid_at, paid_by) VALUES ('h1', '2026-11', 1, 'admin');
                    """
            )
        }
        return queue
    }

    @Test func theMigrationKeepsRowsIndexesAndSequences() throws {
        let queue = try Self.legacyDatabase()
        try SQLiteSchema.migrator(sealer: DataSealer(keys: .tests)).migrate(queue)
        try queue.read { db throws in
            #expect(try !db.tableExists("delivery_failures"))
            for table in [
                "warehouses", "enterprise_skus", "stock_levels", "order_lines", "line_fulfilments", "parcel_allocations", "household_payments",
            ] {
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") == 1, "\(table)")
            }
            #expect(try Set(db.foreignKeys(on: "stock_levels").map(\.destinationTable)) == ["warehouses", "enterprise_skus"])
            #expect(try Set(db.foreignKeys(on: "parcel_allocations").map(\.destinationTable)) == ["supply_lots", "households"])
            #expect(try db.foreignKeys(on: "order_lines").map(\.destinationTable) == ["orders"])
            #expect(try db.indexes(on: "order_lines").map(\.name).contains("order_lines_sku_shop"))
            #expect(try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'parcel_allocations'") == 41)
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }
    }

    @Test func aDatabaseWhoseRowsBreakAKeyIsNotMigrated() throws {
        let queue = try Self.legacyDatabase()
        try queue.write { db in
            try db.execute(
                sql: "INSERT INTO stock_levels (warehouse_id, sku_code, on_hand, reserved, safety, updated_at) VALUES ('gone', 'sku-a', 1, 0, 0, 1)"
            )
        }
        #expect(throws: DatabaseError.self) { try SQLiteSchema.migrator(sealer: DataSealer(keys: .tests)).migrate(queue) }
        try queue.read { db throws in
            #expect(try db.tableExists("delivery_failures"))
            #expect(try db.foreignKeys(on: "stock_levels").isEmpty)
        }
    }

    @Test func theKeysRejectARowThatPointsNowhereWhenTheTransactionCommits() async throws {
        let database = try SQLiteDatabase.inMemory(keys: .tests)
        do {
            try await database.writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO household_payments (household_id, period, paid_at, paid_by) VALUES ('nobody', '2026-11', 1, 'admin');
                        """
                )
            }
            Issue.record("a payment of an unknown household was stored")
        } catch let error as DatabaseError {
            #expect(error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY)
        }
        // Within one transaction a child may come before its parent.
        try await database.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO household_payments (household_id, period, paid_at, paid_by) VALUES ('h1', '2026-11', 1, 'admin');
                    INSERT INTO households (id, name, village, registered_poor, members, updated_at) VALUES ('h1', 'H', 'V', 1, 3, 1);
                    """
            )
        }
    }
}
