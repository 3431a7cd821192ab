import GatewayCore
import Testing

/// Grouping reserved line parts into a pick list: per SKU and grade, the day's orders and the backlog, never later days.
@Suite struct PickListTests {
    static func order(_ id: String) -> OrderKey { OrderKey(platform: .douyin, shop: "s", platformOrderId: id) }

    static func entry(_ sku: String, _ grade: String, _ id: String, day: String, quantity: Int, refund: Bool = false) -> PickListEntry {
        PickListEntry(
            skuCode: sku,
            grade: grade,
            title: "title \(sku)",
            order: PickListOrder(order: order(id), day: day, quantity: quantity, refundRequested: refund)
        )
    }

    @Test func rowsSumPerSkuAndGradeWithTheBacklogFirstAndLaterDaysLeftOut() {
        let list = PickList.grouping(
            warehouseId: "w",
            day: "2026-12-08",
            entries: [
                Self.entry("PG5", "A", "2", day: "2026-12-08", quantity: 2),
                Self.entry("PG5", "A", "1", day: "2026-12-07", quantity: 1),
                Self.entry("PG5", "A", "2", day: "2026-12-08", quantity: 3, refund: true),
                Self.entry("PG5", "B", "3", day: "2026-12-08", quantity: 4),
                Self.entry("KIWI", "", "4", day: "2026-12-08", quantity: 1),
                Self.entry("PG5", "A", "5", day: "2026-12-09", quantity: 9),
            ]
        )
        #expect(list.rows.map { "\($0.skuCode)/\($0.grade)" } == ["KIWI/", "PG5/A", "PG5/B"])
        let graded = list.rows[1]
        #expect(graded.quantity == 6)
        #expect(graded.orders.map(\.order) == [Self.order("1"), Self.order("2")])
        #expect(graded.orders.map(\.quantity) == [1, 5])
        #expect(graded.orders.map { $0.isBacklog(on: list.day) } == [true, false])
        #expect(graded.orders.map(\.refundRequested) == [false, true])
        #expect(list.totalQuantity == 11)
        #expect(list.orders == [Self.order("4"), Self.order("1"), Self.order("2"), Self.order("3")])
    }

    @Test func quantitiesStopAtTheLargestIntegerInsteadOfOverflowing() {
        let list = PickList.grouping(
            warehouseId: "w",
            day: "2026-12-08",
            entries: [
                Self.entry("PG5", "A", "1", day: "2026-12-08", quantity: Int.max),
                Self.entry("PG5", "A", "1", day: "2026-12-08", quantity: 5),
            ]
        )
        #expect(list.rows.first?.quantity == Int.max)
        #expect(list.rows.first?.orders.first?.quantity == Int.max)
        #expect(list.totalQuantity == Int.max)
    }
}
