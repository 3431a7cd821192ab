import Foundation
import GRDB
import GatewayCore

/// Identifies a supply pool: one enterprise's lots of one product and grade.
struct SupplyPoolKey: Hashable {
    var enterpriseId: String
    var product: String
    var grade: String
}

/// Farmer supply allocation inside the fulfilment transaction (issue #6).
///
/// A line that holds stock (reserved or consumed) and has no active allocation is allocated to supply
/// lots with ``SupplyPool`` — each parcel to one household's lot, registered-poor households first —
/// and every parcel gets a trace code. A line released before shipment (cancelled, refunded, or gone
/// from the order) gives its allocation back exactly; a line the planner re-planned (its SKU or quantity
/// changed) gives it back and is allocated afresh; after shipment the household keeps its income and a
/// refund is only flagged, also when the line is first seen already refunded after shipment. A pool without
/// enough supply opens a `no_supply` exception (which also stops the SKU selling on the platforms).
/// Products for which an enterprise declared no supply lots at all are not allocated.
extension SQLiteFulfilment {
    mutating func allocateSupply(for order: CanonicalOrder, fulfilments: [LineFulfilment], replanned: Set<String>, db: Database) throws {
        let key = order.key
        let day = CalendarDay.beijing(order.snapshot?.paidAt ?? order.snapshot?.createdAt ?? now)
        let refunded = Set(order.lines.filter { $0.refundState == .refunded }.map(\.lineId))
        for fulfilment in fulfilments {
            var active = try Self.activeAllocations(key, lineId: fulfilment.lineId, db: db)
            if replanned.contains(fulfilment.lineId), !active.isEmpty {
                try reverse(active, db: db)
                active = []
            }
            switch fulfilment.state {
            case .reserved, .consumed:
                if active.isEmpty { try allocateLine(fulfilment, day: day, db: db) }
                if fulfilment.state == .consumed, refunded.contains(fulfilment.lineId) {
                    try db.executeCached(
                        sql: """
                            UPDATE parcel_allocations SET refunded_after_shipment = 1
                            WHERE platform = ? AND shop = ? AND platform_order_id = ? AND line_id = ? AND state = 'active'
                                AND refunded_after_shipment = 0
                            """,
                        arguments: [key.platform.rawValue, key.shop, key.platformOrderId, fulfilment.lineId]
                    )
                }
            case .released, .dismissed:
                if !active.isEmpty { try reverse(active, db: db) }
                try closeSupplyExceptions(key, lineId: fulfilment.lineId, note: "line released: nothing to supply", db: db)
            case .held:
                break
            }
        }
    }

    private mutating func allocateLine(_ fulfilment: LineFulfilment, day: String, db: Database) throws {
        let key = fulfilment.order
        var units: [String: Int] = [:]
        for part in fulfilment.reservations { units[part.skuCode, default: 0] += part.quantity }
        var made: [(SupplyPoolKey, [ParcelAllocation], EnterpriseSKU)] = []
        for (code, quantity) in units.sorted(by: { $0.key < $1.key }) {
            guard let sku = masterData.skus[code] else { continue }
            let poolKey = SupplyPoolKey(enterpriseId: sku.enterpriseId, product: sku.product, grade: sku.grade)
            guard var pool = try pool(poolKey, db: db) else { continue }
            let demand = SupplyDemand(
                lineRef: "\(key.platform.rawValue)/\(key.shop)/\(key.platformOrderId)/\(fulfilment.lineId)/\(code)",
                enterpriseId: sku.enterpriseId,
                product: sku.product,
                grade: sku.grade,
                date: day,
                parcelGrams: sku.netWeightGrams,
                parcels: quantity
            )
            do {
                let allocations = try pool.allocate(demand)
                pools[poolKey] = pool
                made.append((poolKey, allocations, sku))
            } catch {
                for (madeKey, allocations, _) in made {
                    if var madePool = pools[madeKey] ?? nil {
                        madePool.reverse(allocations)
                        pools[madeKey] = madePool
                    }
                }
                try openSupplyException(key, lineId: fulfilment.lineId, sku: sku, message: "no supply: \(error.message)", db: db)
                return
            }
        }
        var generator = SystemRandomNumberGenerator()
        for (_, allocations, sku) in made {
            for allocation in allocations {
                try insert(allocation, order: key, lineId: fulfilment.lineId, sku: sku, day: day, generator: &generator, db: db)
            }
        }
        if !made.isEmpty { try closeSupplyExceptions(key, lineId: fulfilment.lineId, note: "supply allocated", db: db) }
    }

    private mutating func reverse(_ rows: [(ParcelAllocation, SupplyPoolKey)], db: Database) throws {
        var byPool: [SupplyPoolKey: [ParcelAllocation]] = [:]
        for (allocation, poolKey) in rows { byPool[poolKey, default: []].append(allocation) }
        for (poolKey, allocations) in byPool {
            guard var pool = try pool(poolKey, db: db) else { continue }
            pool.reverse(allocations)
            pools[poolKey] = pool
        }
        guard let first = rows.first else { return }
        let parts = first.0.lineRef.split(separator: "/", maxSplits: 4).map(String.init)
        guard parts.count == 5 else { return }
        try db.executeCached(
            sql: """
                UPDATE parcel_allocations SET state = 'reversed', reversed_at = ?
                WHERE platform = ? AND shop = ? AND platform_order_id = ? AND line_id = ? AND state = 'active'
                """,
            arguments: [now.millisecondsSince1970, parts[0], parts[1], parts[2], parts[3]]
        )
    }

    private func insert(
        _ allocation: ParcelAllocation,
        order key: OrderKey,
        lineId: String,
        sku: EnterpriseSKU,
        day: String,
        generator: inout SystemRandomNumberGenerator,
        db: Database
    ) throws {
        var attempt = 0
        while true {
            let code = TraceCode.make(using: &generator)
            do {
                try db.executeCached(
                    sql: """
                        INSERT INTO parcel_allocations (platform, shop, platform_order_id, line_id, sku_code, parcel_index, lot_id, household_id, grams,
                                                        tier, quota_grams, deficit_grams, income_fen, day, enterprise_id, product, grade, trace_code,
                                                        state, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?)
                        """,
                    arguments: [
                        key.platform.rawValue, key.shop, key.platformOrderId, lineId, sku.code, allocation.parcelIndex, allocation.lotId,
                        allocation.householdId, allocation.grams, allocation.tier, allocation.quotaGrams, allocation.deficitGrams,
                        allocation.incomeFen, day, sku.enterpriseId, sku.product, sku.grade, code, now.millisecondsSince1970,
                    ]
                )
                return
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT && attempt < 8 {
                attempt += 1  // a trace code collision (50 random bits): draw another
            }
        }
    }

    private mutating func pool(_ key: SupplyPoolKey, db: Database) throws -> SupplyPool? {
        if let cached = pools[key] { return cached }
        let rows = try Row.fetchAllCached(
            db,
            sql: "SELECT * FROM supply_lots WHERE enterprise_id = ? AND product = ? AND grade = ? ORDER BY id",
            arguments: [key.enterpriseId, key.product, key.grade]
        )
        guard !rows.isEmpty else {
            pools[key] = .some(nil)
            return nil
        }
        var allocated: [String: Int64] = [:]
        let lots = rows.map { row -> SupplyLot in
            allocated[row["id"]] = row["allocated_grams"]
            return Self.lot(from: row)
        }
        let households = Dictionary(
            try Row.fetchAllCached(
                db,
                sql: """
                    SELECT DISTINCT h.* FROM households h JOIN supply_lots l ON l.household_id = h.id
                    WHERE l.enterprise_id = ? AND l.product = ? AND l.grade = ?
                    """,
                arguments: [key.enterpriseId, key.product, key.grade]
            ).map { (($0["id"] as String), Self.household(from: $0)) },
            uniquingKeysWith: { first, _ in first }
        )
        if policies == nil {
            var loaded: [String: AllocationPolicy] = [:]
            for row in try Row.fetchAllCached(db, sql: "SELECT enterprise_id, policy_json FROM allocation_policies") {
                loaded[row["enterprise_id"]] = try Self.decode(AllocationPolicy.self, row["policy_json"])
            }
            policies = loaded
        }
        let pool = SupplyPool(
            lots: lots,
            allocatedGrams: allocated,
            households: households,
            policy: policies?[key.enterpriseId] ?? .registeredPoorFirst
        )
        pools[key] = pool
        return pool
    }

    func savePools(_ db: Database) throws {
        for case let pool? in pools.values {
            for lotId in pool.changedLotIds.sorted() {
                try db.executeCached(
                    sql: "UPDATE supply_lots SET allocated_grams = ?, updated_at = ? WHERE id = ?",
                    arguments: [pool.allocatedGrams(lot: lotId), now.millisecondsSince1970, lotId]
                )
            }
        }
    }

    private mutating func openSupplyException(_ key: OrderKey, lineId: String, sku: EnterpriseSKU, message: String, db: Database) throws {
        try db.executeCached(
            sql: """
                INSERT INTO fulfilment_exceptions (kind, platform, shop, platform_order_id, line_id, platform_sku_id, sku_code, enterprise_id,
                                                   message, status, opened_at)
                VALUES ('no_supply', ?, ?, ?, ?, NULL, ?, ?, ?, 'open', ?)
                ON CONFLICT DO UPDATE SET message = excluded.message
                """,
            arguments: [key.platform.rawValue, key.shop, key.platformOrderId, lineId, sku.code, sku.enterpriseId, message, now.millisecondsSince1970]
        )
        supplyShortages += 1
    }

    private mutating func closeSupplyExceptions(_ key: OrderKey, lineId: String, note: String, db: Database) throws {
        try db.executeCached(
            sql: """
                UPDATE fulfilment_exceptions SET status = 'resolved', resolved_at = ?, resolved_by = coalesce(resolved_by, 'system'),
                    note = coalesce(note, ?)
                WHERE platform = ? AND shop = ? AND platform_order_id = ? AND line_id = ? AND status = 'open' AND kind = 'no_supply'
                """,
            arguments: [now.millisecondsSince1970, note, key.platform.rawValue, key.shop, key.platformOrderId, lineId]
        )
        exceptionsResolved += db.changesCount
    }

    // MARK: rows

    static func activeAllocations(_ key: OrderKey, lineId: String, db: Database) throws -> [(ParcelAllocation, SupplyPoolKey)] {
        try Row.fetchAllCached(
            db,
            sql: """
                SELECT * FROM parcel_allocations WHERE platform = ? AND shop = ? AND platform_order_id = ? AND line_id = ? AND state = 'active'
                ORDER BY id
                """,
            arguments: [key.platform.rawValue, key.shop, key.platformOrderId, lineId]
        ).map { row in
            (allocation(from: row), SupplyPoolKey(enterpriseId: row["enterprise_id"], product: row["product"], grade: row["grade"]))
        }
    }

    static func allocation(from row: Row) -> ParcelAllocation {
        let platform: String = row["platform"]
        let shop: String = row["shop"]
        let orderId: String = row["platform_order_id"]
        let lineId: String = row["line_id"]
        let sku: String = row["sku_code"]
        return ParcelAllocation(
            lineRef: "\(platform)/\(shop)/\(orderId)/\(lineId)/\(sku)",
            parcelIndex: row["parcel_index"],
            lotId: row["lot_id"],
            householdId: row["household_id"],
            grams: row["grams"],
            tier: row["tier"],
            quotaGrams: row["quota_grams"],
            deficitGrams: row["deficit_grams"],
            incomeFen: row["income_fen"]
        )
    }

    static func lot(from row: Row) -> SupplyLot {
        SupplyLot(
            id: row["id"],
            householdId: row["household_id"],
            enterpriseId: row["enterprise_id"],
            product: row["product"],
            grade: row["grade"],
            capacityGrams: row["capacity_grams"],
            priceFenPerKg: row["price_fen_per_kg"],
            harvestDate: row["harvest_date"],
            availableFrom: row["available_from"],
            availableTo: row["available_to"]
        )
    }

    static func household(from row: Row) -> Household {
        Household(
            id: row["id"],
            name: row["name"],
            village: row["village"],
            cooperativeId: row["cooperative_id"],
            baseId: row["base_id"],
            registeredPoor: row["registered_poor"],
            members: row["members"],
            showName: row["show_name"]
        )
    }
}
