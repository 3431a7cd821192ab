/// A warehouse's pick list for one Beijing day: what to take from the shelves, SKU by SKU.
///
/// It holds the day's orders and the backlog: every earlier paid order whose lines are still reserved at the warehouse
/// (an order paid yesterday and not shipped yet is still to be packed today).
public struct PickList: Sendable, Hashable, Codable {
    /// The warehouse.
    public var warehouseId: String
    /// The Beijing day, `yyyy-MM-dd`.
    public var day: String
    /// One row per SKU and grade, by SKU code then grade.
    public var rows: [PickListRow]

    /// Creates a pick list.
    public init(warehouseId: String, day: String, rows: [PickListRow]) {
        self.warehouseId = warehouseId
        self.day = day
        self.rows = rows
    }

    /// Units to pick in all.
    public var totalQuantity: Int { rows.reduce(0) { Self.saturatingSum($0, $1.quantity) } }

    /// The distinct orders on the list, in first-seen order.
    public var orders: [OrderKey] {
        var seen = Set<OrderKey>()
        return rows.flatMap { $0.orders.map(\.order) }.filter { seen.insert($0).inserted }
    }

    /// Groups reserved lines into rows: one per SKU code and grade, quantities summed, orders listed by day then order.
    /// - Parameters:
    ///   - entries: each reserved line part at the warehouse (SKU, grade, title, and the order's part).
    public static func grouping(warehouseId: String, day: String, entries: [PickListEntry]) -> PickList {
        var grouped: [PickListRow.Key: PickListRow] = [:]
        for entry in entries where entry.order.day <= day {
            let key = PickListRow.Key(skuCode: entry.skuCode, grade: entry.grade)
            var row = grouped[key] ?? PickListRow(skuCode: entry.skuCode, grade: entry.grade, title: entry.title, quantity: 0, orders: [])
            row.quantity = Self.saturatingSum(row.quantity, entry.order.quantity)
            if let index = row.orders.firstIndex(where: { $0.order == entry.order.order }) {
                row.orders[index].quantity = Self.saturatingSum(row.orders[index].quantity, entry.order.quantity)
                row.orders[index].refundRequested = row.orders[index].refundRequested || entry.order.refundRequested
            } else {
                row.orders.append(entry.order)
            }
            grouped[key] = row
        }
        let rows = grouped.values.map { row -> PickListRow in
            var sorted = row
            sorted.orders.sort { ($0.day, $0.order) < ($1.day, $1.order) }
            return sorted
        }
        .sorted { ($0.skuCode, $0.grade) < ($1.skuCode, $1.grade) }
        return PickList(warehouseId: warehouseId, day: day, rows: rows)
    }

    /// A sum that stops at `Int.max` (quantities come from stored JSON).
    static func saturatingSum(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }
}
