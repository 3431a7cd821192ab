import Foundation
import GRDB
public import GatewayCore

/// Households, supply lots, allocations, trace codes and the ledger on SQLite (``SupplyStore``).
extension SQLiteDatabase: SupplyStore {

    public func importSupply(households: [Household], lots: [SupplyLot], actor: String, at now: Timestamp) async throws -> MasterDataChangeSummary {
        try await writer.write { db in
            var summary = MasterDataChangeSummary()
            for household in households {
                try Self.upsert(household, db: db, now: now, replace: true)
                summary.changed["households", default: 0] += db.changesCount > 0 ? 1 : 0
            }
            for lot in lots {
                let allocated = try Int64.fetchOne(db, sql: "SELECT allocated_grams FROM supply_lots WHERE id = ?", arguments: [lot.id]) ?? 0
                guard lot.capacityGrams >= allocated else {
                    throw InventoryStoreError.invalid([
                        "lot \(lot.id): capacity \(Weight.kilogramsString(fromGrams: lot.capacityGrams)) kg is below the \(Weight.kilogramsString(fromGrams: allocated)) kg already allocated"
                    ])
                }
                try Self.upsert(lot, db: db, now: now, replace: true)
                summary.changed["supply_lots", default: 0] += db.changesCount > 0 ? 1 : 0
            }
            try SQLiteRows.audit(
                db,
                now: now,
                actor: actor,
                action: "supply.import",
                subject: "supply",
                detail: ["households": households.count, "lots": lots.count]
            )
            let (rerun, changes) = try SQLiteLifecycle.rerunHeldOrders(db: db, now: now, sealer: sealer)
            summary.ordersRerun = rerun
            summary.exceptionsResolved = changes.exceptionsResolved
            return summary
        }
    }

    public func seedSupply(households: [Household], lots: [SupplyLot], policies: [String: AllocationPolicy], at now: Timestamp) async throws -> Int {
        try await writer.write { db in
            var inserted = 0
            for household in households {
                try Self.upsert(household, db: db, now: now, replace: false)
                inserted += db.changesCount
            }
            for lot in lots {
                try Self.upsert(lot, db: db, now: now, replace: false)
                inserted += db.changesCount
            }
            for (enterprise, policy) in policies.sorted(by: { $0.key < $1.key }) {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO allocation_policies (enterprise_id, policy_json) VALUES (?, ?)",
                    arguments: [enterprise, try SQLiteRows.json(policy)]
                )
                inserted += db.changesCount
            }
            return inserted
        }
    }

    public func householdIds() async throws -> Set<String> {
        try await writer.read { db in Set(try String.fetchAll(db, sql: "SELECT id FROM households")) }
    }

    public func household(id: String) async throws -> Household? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM households WHERE id = ?", arguments: [id]).map { HouseholdRecord(row: $0).household }
        }
    }

    public func households(enterpriseId: String?, limit: Int) async throws -> [Household] {
        try await writer.read { db in
            if let enterpriseId {
                return try Row.fetchAll(
                    db,
                    sql: """
                        SELECT * FROM households WHERE id IN (SELECT household_id FROM supply_lots WHERE enterprise_id = ?)
                        ORDER BY village, name, id LIMIT ?
                        """,
                    arguments: [enterpriseId, limit]
                ).map { HouseholdRecord(row: $0).household }
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM households ORDER BY village, name, id LIMIT ?", arguments: [limit])
                .map { HouseholdRecord(row: $0).household }
        }
    }

    public func lots(enterpriseId: String?) async throws -> [SupplyLot] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM supply_lots WHERE ? IS NULL OR enterprise_id = ? ORDER BY id",
                arguments: [enterpriseId, enterpriseId]
            ).map { SupplyLotRecord(row: $0).lot }
        }
    }

    public func allocations(householdId: String, from: String?, to: String?) async throws -> [StoredAllocation] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM parcel_allocations WHERE household_id = ? AND (? IS NULL OR day >= ?) AND (? IS NULL OR day <= ?)
                    ORDER BY id DESC
                    """,
                arguments: [householdId, from, from, to, to]
            ).compactMap(Self.stored(from:))
        }
    }

    public func allocations(of order: OrderKey) async throws -> [StoredAllocation] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT * FROM parcel_allocations WHERE platform = ? AND shop = ? AND platform_order_id = ? ORDER BY line_id, sku_code, parcel_index, id",
                arguments: [order.platform.rawValue, order.shop, order.platformOrderId]
            ).compactMap(Self.stored(from:))
        }
    }

    public func records(enterpriseId: String?, from: String?, to: String?) async throws -> [AllocationRecord] {
        try await writer.read { db in
            try ParcelAllocationRecord.fetchAll(
                db,
                sql: """
                    SELECT * FROM parcel_allocations WHERE (? IS NULL OR enterprise_id = ?) AND (? IS NULL OR day >= ?) AND (? IS NULL OR day <= ?)
                    ORDER BY id
                    """,
                arguments: [enterpriseId, enterpriseId, from, from, to, to]
            ).map { record in
                AllocationRecord(
                    allocation: record.allocation,
                    date: record.day,
                    enterpriseId: record.enterpriseId,
                    product: record.product,
                    grade: record.grade,
                    reversed: record.state == "reversed",
                    refundedAfterShipment: record.refundedAfterShipment
                )
            }
        }
    }

    public func paidHouseholds(period: String) async throws -> Set<String> {
        try await writer.read { db in
            Set(try String.fetchAll(db, sql: "SELECT household_id FROM household_payments WHERE period = ?", arguments: [period]))
        }
    }

    public func markPaid(householdId: String, period: String, actor: String, at now: Timestamp) async throws {
        try await writer.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM households WHERE id = ?", arguments: [householdId]) == true else {
                throw InventoryStoreError.notFound("no household \(householdId)")
            }
            try db.execute(
                sql: "INSERT OR IGNORE INTO household_payments (household_id, period, paid_at, paid_by) VALUES (?, ?, ?, ?)",
                arguments: [householdId, period, now.millisecondsSince1970, actor]
            )
            try SQLiteRows.audit(
                db,
                now: now,
                actor: actor,
                action: "household.paid",
                subject: "household:\(householdId)",
                detail: ["period": period]
            )
        }
    }

    public func trace(code: String) async throws -> TraceView? {
        guard let normalized = TraceCode.normalized(code) else { return nil }
        return try await writer.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT a.trace_code, a.grams, a.product, a.grade, a.sku_code, l.harvest_date, h.name, h.village, h.cooperative_id, h.base_id,
                               h.show_name, h.registered_poor, e.name AS enterprise_name, k.title
                        FROM parcel_allocations a
                        JOIN supply_lots l ON l.id = a.lot_id
                        JOIN households h ON h.id = a.household_id
                        JOIN line_fulfilments f ON f.platform = a.platform AND f.shop = a.shop AND f.platform_order_id = a.platform_order_id
                            AND f.line_id = a.line_id
                        LEFT JOIN enterprises e ON e.id = a.enterprise_id
                        LEFT JOIN enterprise_skus k ON k.code = a.sku_code
                        WHERE a.trace_code = ? AND a.state = 'active' AND f.state = 'consumed'
                        """,
                    arguments: [normalized]
                )
            else { return nil }
            let household = Household(
                id: "",
                name: row["name"],
                village: row["village"],
                registeredPoor: row["registered_poor"],
                members: 0,
                showName: row["show_name"]
            )
            return TraceView(
                code: row["trace_code"],
                productTitle: row["title"] ?? row["sku_code"],
                product: row["product"],
                grade: row["grade"],
                grams: row["grams"],
                harvestDate: row["harvest_date"],
                village: row["village"],
                cooperative: row["cooperative_id"],
                base: row["base_id"],
                enterpriseName: row["enterprise_name"] ?? "",
                householdName: household.publicName,
                registeredPoor: row["registered_poor"]
            )
        }
    }

    // MARK: rows

    private static func stored(from row: Row) -> StoredAllocation? {
        let record = ParcelAllocationRecord(row: row)
        guard let platform = Platform(rawValue: record.platform) else { return nil }
        return StoredAllocation(
            allocation: record.allocation,
            order: OrderKey(platform: platform, shop: record.shop, platformOrderId: record.platformOrderId),
            lineId: record.lineId,
            skuCode: record.skuCode,
            day: record.day,
            traceCode: record.traceCode,
            state: record.state,
            refundedAfterShipment: record.refundedAfterShipment
        )
    }

    private static func upsert(_ household: Household, db: Database, now: Timestamp, replace: Bool) throws {
        let conflict =
            replace
            ? """
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, village = excluded.village, cooperative_id = excluded.cooperative_id,
                base_id = excluded.base_id, registered_poor = excluded.registered_poor, members = excluded.members, show_name = excluded.show_name,
                updated_at = excluded.updated_at
            """ : "ON CONFLICT (id) DO NOTHING"
        try db.execute(
            sql: """
                INSERT INTO households (id, name, village, cooperative_id, base_id, registered_poor, members, show_name, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) \(conflict)
                """,
            arguments: [
                household.id, household.name, household.village, household.cooperativeId, household.baseId, household.registeredPoor,
                household.members,
                household.showName, now.millisecondsSince1970,
            ]
        )
    }

    private static func upsert(_ lot: SupplyLot, db: Database, now: Timestamp, replace: Bool) throws {
        let conflict =
            replace
            ? """
            ON CONFLICT (id) DO UPDATE SET household_id = excluded.household_id, enterprise_id = excluded.enterprise_id, product = excluded.product,
                grade = excluded.grade, capacity_grams = excluded.capacity_grams, price_fen_per_kg = excluded.price_fen_per_kg,
                harvest_date = excluded.harvest_date, available_from = excluded.available_from, available_to = excluded.available_to,
                updated_at = excluded.updated_at
            """ : "ON CONFLICT (id) DO NOTHING"
        try db.execute(
            sql: """
                INSERT INTO supply_lots (id, household_id, enterprise_id, product, grade, capacity_grams, price_fen_per_kg, harvest_date, available_from,
                                         available_to, allocated_grams, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?) \(conflict)
                """,
            arguments: [
                lot.id, lot.householdId, lot.enterpriseId, lot.product, lot.grade, lot.capacityGrams, lot.priceFenPerKg, lot.harvestDate,
                lot.availableFrom, lot.availableTo, now.millisecondsSince1970,
            ]
        )
    }
}
