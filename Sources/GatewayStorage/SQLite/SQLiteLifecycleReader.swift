import Foundation
import GRDB
import GatewayCore

/// ``GatewayCore/LifecycleReader`` over a write transaction's connection: what ``GatewayCore/OrderLifecycle`` reads.
struct SQLiteLifecycleReader: LifecycleReader {
    /// The transaction's connection.
    let db: Database
    /// Opens the orders' sealed receivers (for a merge, whose orders are saved again); `nil` leaves them sealed.
    let opening: DataSealer?

    func isPending(inboxId: Int64) throws -> Bool {
        guard let row = try Row.fetchOneCached(db, sql: "SELECT processed_at FROM inbox WHERE id = ?", arguments: [inboxId]) else {
            return false
        }
        return (row["processed_at"] as Int64?) == nil
    }

    func unprocessedDelivery(inboxId: Int64) throws -> UnprocessedDelivery? {
        guard
            let row = try Row.fetchOneCached(
                db,
                sql: "SELECT platform, shop, delivery_id, attempts FROM inbox WHERE id = ? AND processed_at IS NULL",
                arguments: [inboxId]
            ), let platform = Platform(rawValue: row["platform"])
        else { return nil }
        return UnprocessedDelivery(platform: platform, shop: row["shop"], deliveryId: row["delivery_id"], attempts: row["attempts"])
    }

    func order(_ key: OrderKey) throws -> CanonicalOrder? {
        try SQLiteOrderRows.load(key, db: db, opening: opening)
    }

    func fulfilments(of key: OrderKey) throws -> [LineFulfilment] {
        try SQLiteRows.loadFulfilments(key, db: db)
    }

    func openExceptions(of key: OrderKey) throws -> [FulfilmentException] {
        try Row.fetchAllCached(
            db,
            sql: """
                SELECT * FROM fulfilment_exceptions WHERE platform = ? AND shop = ? AND platform_order_id = ? AND status = 'open'
                UNION ALL
                SELECT * FROM fulfilment_exceptions WHERE platform = ? AND shop = ? AND unmatched_order_id = ? AND status = 'open'
                ORDER BY id
                """,
            arguments: [key.platform.rawValue, key.shop, key.platformOrderId, key.platform.rawValue, key.shop, key.platformOrderId]
        ).compactMap { FulfilmentExceptionRecord(row: $0).exception }
    }

    func activeAllocations(of key: OrderKey) throws -> [ActiveAllocation] {
        try Row.fetchAllCached(
            db,
            sql: """
                SELECT * FROM parcel_allocations WHERE platform = ? AND shop = ? AND platform_order_id = ? AND state = 'active'
                ORDER BY id
                """,
            arguments: [key.platform.rawValue, key.shop, key.platformOrderId]
        ).map { row in
            ActiveAllocation(
                lineId: row["line_id"],
                allocation: ParcelAllocationRecord(row: row).allocation,
                pool: SupplyPoolKey(enterpriseId: row["enterprise_id"], product: row["product"], grade: row["grade"]),
                refundedAfterShipment: row["refunded_after_shipment"]
            )
        }
    }

    /// Read once per pool and batch, so the columns are named and read by position (looking a column up by name cost
    /// about a tenth of the stored path, issue #14).
    func supplyPool(_ key: SupplyPoolKey) throws -> SupplyPool? {
        let arguments: StatementArguments = [key.enterpriseId, key.product, key.grade]
        var lots: [SupplyLot] = []
        var allocated: [String: Int64] = [:]
        let lotRows = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT id, household_id, enterprise_id, product, grade, capacity_grams, price_fen_per_kg, harvest_date,
                           available_from, available_to, allocated_grams
                    FROM supply_lots WHERE enterprise_id = ? AND product = ? AND grade = ? ORDER BY id
                    """
            ),
            arguments: arguments
        )
        while let row = try lotRows.next() {
            let lot = SupplyLot(
                id: row[0],
                householdId: row[1],
                enterpriseId: row[2],
                product: row[3],
                grade: row[4],
                capacityGrams: row[5],
                priceFenPerKg: row[6],
                harvestDate: row[7],
                availableFrom: row[8],
                availableTo: row[9]
            )
            allocated[lot.id] = row[10]
            lots.append(lot)
        }
        guard !lots.isEmpty else { return nil }
        var households: [String: Household] = [:]
        let householdRows = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT DISTINCT h.id, h.name, h.village, h.cooperative_id, h.base_id, h.registered_poor, h.members, h.show_name
                    FROM households h JOIN supply_lots l ON l.household_id = h.id
                    WHERE l.enterprise_id = ? AND l.product = ? AND l.grade = ?
                    """
            ),
            arguments: arguments
        )
        while let row = try householdRows.next() {
            let id: String = row[0]
            guard households[id] == nil else { continue }
            households[id] = Household(
                id: id,
                name: row[1],
                village: row[2],
                cooperativeId: row[3],
                baseId: row[4],
                registeredPoor: row[5],
                members: row[6],
                showName: row[7]
            )
        }
        let policy = try String.fetchOne(
            db.cachedStatement(sql: "SELECT policy_json FROM allocation_policies WHERE enterprise_id = ?"),
            arguments: [key.enterpriseId]
        ).map { try SQLiteRows.decode(AllocationPolicy.self, $0) }
        return SupplyPool(lots: lots, allocatedGrams: allocated, households: households, policy: policy ?? .registeredPoorFirst)
    }

    func isTraceCodeTaken(_ code: String) throws -> Bool {
        try Row.fetchOneCached(db, sql: "SELECT 1 FROM parcel_allocations WHERE trace_code = ?", arguments: [code]) != nil
    }
}
