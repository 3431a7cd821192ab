import Foundation
import GRDB
public import GatewayCore

/// The warehouse's read views (pick lists, packing, parcel labels) on SQLite: ``GatewayCore/PackingStore``.
///
/// Reads `orders`, `order_lines`, `line_fulfilments` (a line's reservations as JSON, filtered by warehouse with
/// `json_each`), `parcel_allocations`, `households`, `supply_lots` and `enterprise_skus`; writes nothing.
extension SQLiteDatabase: PackingStore {
    public func pickList(warehouseId: String, day: String) async throws -> PickList {
        try await writer.read { db in
            let lines = try Self.pickListLines(db, warehouseId: warehouseId, day: day)
            let skus = try Self.skuInfo(db)
            let entries = lines.flatMap { line in
                line.reservations.map { reservation in
                    let sku = skus[reservation.skuCode]
                    return PickListEntry(
                        skuCode: reservation.skuCode,
                        grade: sku?.grade ?? "",
                        title: sku?.title ?? reservation.skuCode,
                        order: PickListOrder(order: line.order, day: line.day, quantity: reservation.quantity, refundRequested: line.refundRequested)
                    )
                }
            }
            return PickList.grouping(warehouseId: warehouseId, day: day, entries: entries)
        }
    }

    public func packingOrder(_ key: OrderKey) async throws -> PackingOrder? {
        try await writer.read { db in
            let arguments: StatementArguments = [key.platform.rawValue, key.shop, key.platformOrderId]
            guard
                let statusText = try String.fetchOne(
                    db,
                    sql: "SELECT status FROM orders WHERE platform = ? AND shop = ? AND platform_order_id = ?",
                    arguments: arguments
                ), let status = OrderStatus(rawValue: statusText)
            else { return nil }
            var fulfilments: [String: (state: FulfilmentState?, reservations: [StockReservation])] = [:]
            for row in try Row.fetchAll(
                db,
                sql: "SELECT line_id, state, reservations_json FROM line_fulfilments WHERE platform = ? AND shop = ? AND platform_order_id = ?",
                arguments: arguments
            ) {
                let reservations = (try? SQLiteRows.decode([StockReservation].self, row["reservations_json"])) ?? []
                fulfilments[row["line_id"]] = (FulfilmentState(rawValue: row["state"]), reservations)
            }
            let lines = try Row.fetchAll(
                db,
                sql: """
                    SELECT line_id, title, sku_id, quantity, refund_state FROM order_lines
                    WHERE platform = ? AND shop = ? AND platform_order_id = ? ORDER BY line_id
                    """,
                arguments: arguments
            ).map { row -> PackingLine in
                let lineId: String = row["line_id"]
                return PackingLine(
                    lineId: lineId,
                    title: row["title"],
                    skuId: row["sku_id"],
                    quantity: row["quantity"],
                    refundState: RefundState(rawValue: row["refund_state"]) ?? .none,
                    fulfilment: fulfilments[lineId]?.state,
                    reservations: fulfilments[lineId]?.reservations ?? []
                )
            }
            let parcels = try Self.labels(
                db,
                where: "a.platform = ? AND a.shop = ? AND a.platform_order_id = ?",
                arguments: arguments,
                orderBy: "a.line_id, a.sku_code, a.parcel_index, a.id"
            )
            return PackingOrder(order: key, status: status, lines: lines, parcels: parcels)
        }
    }

    public func parcelLabel(traceCode: String) async throws -> ParcelLabel? {
        guard let code = TraceCode.normalized(traceCode) else { return nil }
        return try await writer.read { db in
            try Self.labels(db, where: "a.trace_code = ?", arguments: [code], orderBy: "a.id").first
        }
    }

    public func parcelLabels(of order: OrderKey) async throws -> [ParcelLabel] {
        try await writer.read { db in
            try Self.labels(
                db,
                where: "a.platform = ? AND a.shop = ? AND a.platform_order_id = ?",
                arguments: [order.platform.rawValue, order.shop, order.platformOrderId],
                orderBy: "a.line_id, a.sku_code, a.parcel_index, a.id"
            )
        }
    }

    public func parcelLabels(warehouseId: String, day: String) async throws -> [ParcelLabel] {
        try await writer.read { db in
            let skus = try Self.skuInfo(db)
            var keyed: [(sort: PickListSortKey, label: ParcelLabel)] = []
            for line in try Self.pickListLines(db, warehouseId: warehouseId, day: day) {
                let codes = Set(line.reservations.map(\.skuCode))
                let labels = try Self.labels(
                    db,
                    where: "a.platform = ? AND a.shop = ? AND a.platform_order_id = ? AND a.line_id = ? AND a.state = 'active'",
                    arguments: [line.order.platform.rawValue, line.order.shop, line.order.platformOrderId, line.lineId],
                    orderBy: "a.sku_code, a.parcel_index, a.id"
                )
                for label in labels where codes.contains(label.skuCode) {
                    let sort = PickListSortKey(
                        skuCode: label.skuCode,
                        grade: skus[label.skuCode]?.grade ?? label.grade,
                        day: line.day,
                        order: line.order,
                        lineId: line.lineId,
                        parcelIndex: label.parcelIndex
                    )
                    keyed.append((sort, label))
                }
            }
            return keyed.sorted { $0.sort < $1.sort }.map(\.label)
        }
    }

    // MARK: queries

    /// A reserved line at the warehouse: its order, Beijing day and the reservations there.
    private struct PickListLine {
        var order: OrderKey
        var lineId: String
        var day: String
        var refundRequested: Bool
        var reservations: [StockReservation]
    }

    /// How pick-list labels are ordered: SKU, grade, order day, order, line, parcel.
    private struct PickListSortKey: Comparable {
        var skuCode: String
        var grade: String
        var day: String
        var order: OrderKey
        var lineId: String
        var parcelIndex: Int

        static func < (lhs: Self, rhs: Self) -> Bool {
            if lhs.skuCode != rhs.skuCode { return lhs.skuCode < rhs.skuCode }
            if lhs.grade != rhs.grade { return lhs.grade < rhs.grade }
            if lhs.day != rhs.day { return lhs.day < rhs.day }
            if lhs.order != rhs.order { return lhs.order < rhs.order }
            if lhs.lineId != rhs.lineId { return lhs.lineId < rhs.lineId }
            return lhs.parcelIndex < rhs.parcelIndex
        }
    }

    /// Lines still to pack at a warehouse on or before a day: the order is `paid` (not shipped, completed or cancelled),
    /// the line is `reserved` (not released, consumed, held or dismissed) with a reservation at the warehouse, and not
    /// refunded. The order's day is the Beijing day of its payment time, else of its creation.
    private static func pickListLines(_ db: Database, warehouseId: String, day: String) throws -> [PickListLine] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT f.platform, f.shop, f.platform_order_id, f.line_id, f.reservations_json, l.refund_state, o.created_at,
                       json_extract(o.order_json, '$.snapshot.paidAt') AS paid_at
                FROM line_fulfilments f
                JOIN orders o ON o.platform = f.platform AND o.shop = f.shop AND o.platform_order_id = f.platform_order_id
                JOIN order_lines l ON l.platform = f.platform AND l.shop = f.shop AND l.platform_order_id = f.platform_order_id
                    AND l.line_id = f.line_id
                WHERE f.state = 'reserved' AND o.status = 'paid' AND l.refund_state != 'refunded'
                    AND EXISTS (SELECT 1 FROM json_each(f.reservations_json) r WHERE json_extract(r.value, '$.warehouseId') = ?)
                ORDER BY f.platform, f.shop, f.platform_order_id, f.line_id
                """,
            arguments: [warehouseId]
        ).compactMap { row -> PickListLine? in
            guard let platform = Platform(rawValue: row["platform"]),
                let reservations = try? SQLiteRows.decode([StockReservation].self, row["reservations_json"])
            else { return nil }
            let instant: Int64? = row["paid_at"] ?? row["created_at"]
            let orderDay = instant.map { CalendarDay.beijing(Timestamp(millisecondsSince1970: $0)) } ?? ""
            guard orderDay <= day else { return nil }
            return PickListLine(
                order: OrderKey(platform: platform, shop: row["shop"], platformOrderId: row["platform_order_id"]),
                lineId: row["line_id"],
                day: orderDay,
                refundRequested: row["refund_state"] == RefundState.requested.rawValue,
                reservations: reservations.filter { $0.warehouseId == warehouseId && $0.quantity > 0 }
            )
        }
    }

    /// Grade and title of every enterprise SKU, by code.
    private static func skuInfo(_ db: Database) throws -> [String: (grade: String, title: String)] {
        var result: [String: (grade: String, title: String)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT code, grade, title FROM enterprise_skus") {
            result[row["code"]] = (row["grade"], row["title"])
        }
        return result
    }

    /// Parcel labels matching a condition on `parcel_allocations a`; the household's name is shown as on the public
    /// trace page (``GatewayCore/Household/publicName``).
    private static func labels(_ db: Database, where condition: String, arguments: StatementArguments, orderBy: String) throws -> [ParcelLabel] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT a.trace_code, a.platform, a.shop, a.platform_order_id, a.line_id, a.parcel_index, a.sku_code, a.product, a.grade,
                       a.grams, a.enterprise_id, a.household_id, a.state, l.harvest_date, h.name, h.village, h.show_name, h.registered_poor,
                       k.title
                FROM parcel_allocations a
                JOIN households h ON h.id = a.household_id
                LEFT JOIN supply_lots l ON l.id = a.lot_id
                LEFT JOIN enterprise_skus k ON k.code = a.sku_code
                WHERE \(condition)
                ORDER BY \(orderBy)
                """,
            arguments: arguments
        ).compactMap { row -> ParcelLabel? in
            guard let platform = Platform(rawValue: row["platform"]) else { return nil }
            let household = Household(
                id: row["household_id"],
                name: row["name"],
                village: row["village"],
                registeredPoor: row["registered_poor"],
                members: 0,
                showName: row["show_name"]
            )
            return ParcelLabel(
                traceCode: row["trace_code"],
                order: OrderKey(platform: platform, shop: row["shop"], platformOrderId: row["platform_order_id"]),
                lineId: row["line_id"],
                parcelIndex: row["parcel_index"],
                skuCode: row["sku_code"],
                productTitle: row["title"] ?? row["sku_code"],
                product: row["product"],
                grade: row["grade"],
                grams: row["grams"],
                harvestDate: row["harvest_date"] ?? "",
                enterpriseId: row["enterprise_id"],
                householdId: household.id,
                village: household.village,
                householdPublicName: household.publicName,
                state: row["state"]
            )
        }
    }
}
