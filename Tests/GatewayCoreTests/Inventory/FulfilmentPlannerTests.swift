import GatewayCore
import Testing

@Suite struct FulfilmentPlannerTests {
    let data = InventoryFixtures.masterData

    @Test func reserveOnPaidConsumeOnShipReleaseOnCancel() {
        var stock = InventoryFixtures.stock()
        let paid = InventoryFixtures.order("1", status: .paid, lines: [("p-pg5a", 2, .none)])
        let first = FulfilmentPlanner.plan(order: paid, current: [:], masterData: data, stock: &stock)
        #expect(first.changed.map(\.state) == [.reserved])
        #expect(stock.level(StockKey(warehouseId: "yl-changsha", skuCode: "PG5A"))?.reserved == 2)
        // The same observation again changes nothing.
        let current = Dictionary(uniqueKeysWithValues: first.changed.map { ($0.lineId, $0) })
        #expect(FulfilmentPlanner.plan(order: paid, current: current, masterData: data, stock: &stock).changed.isEmpty)
        // Shipping consumes.
        let shipped = InventoryFixtures.order("1", status: .shipped, lines: [("p-pg5a", 2, .none)])
        let second = FulfilmentPlanner.plan(order: shipped, current: current, masterData: data, stock: &stock)
        #expect(second.changed.map(\.state) == [.consumed])
        let level = stock.level(StockKey(warehouseId: "yl-changsha", skuCode: "PG5A"))
        #expect(level?.reserved == 0 && level?.onHand == 8)
        // A refund after shipment keeps the stock consumed.
        let after = Dictionary(uniqueKeysWithValues: second.changed.map { ($0.lineId, $0) })
        let refunded = InventoryFixtures.order("1", status: .shipped, lines: [("p-pg5a", 2, .refunded)])
        #expect(FulfilmentPlanner.plan(order: refunded, current: after, masterData: data, stock: &stock).changed.isEmpty)
    }

    /// A closed order whose line the platform says was refunded after its goods were sent.
    func refundedAfterShipment(_ id: String, quantity: Int) -> CanonicalOrder {
        var order = InventoryFixtures.order(id, status: .cancelled, lines: [("p-pg5a", quantity, .refunded)])
        order.snapshot?.lines[0].refundedAfterShipment = true
        return order
    }

    @Test func aRefundAfterShipmentClosingTheOrderConsumesTheStockThoughShippedWasNeverSeen() {
        var stock = InventoryFixtures.stock()
        let paid = InventoryFixtures.order("R1", status: .paid, lines: [("p-pg5a", 2, .none)])
        let first = FulfilmentPlanner.plan(order: paid, current: [:], masterData: data, stock: &stock)
        let current = Dictionary(uniqueKeysWithValues: first.changed.map { ($0.lineId, $0) })
        let closed = FulfilmentPlanner.plan(order: refundedAfterShipment("R1", quantity: 2), current: current, masterData: data, stock: &stock)
        #expect(closed.changed.map(\.state) == [.consumed])
        let level = stock.level(StockKey(warehouseId: "yl-changsha", skuCode: "PG5A"))
        #expect(level?.reserved == 0 && level?.onHand == 8)
        // Seen again: nothing moves.
        let after = Dictionary(uniqueKeysWithValues: closed.changed.map { ($0.lineId, $0) })
        #expect(
            FulfilmentPlanner.plan(order: refundedAfterShipment("R1", quantity: 2), current: after, masterData: data, stock: &stock).changed.isEmpty
        )
    }

    @Test func aRefundAfterShipmentSeenFirstReservesAndConsumesAtOnce() {
        var stock = InventoryFixtures.stock()
        let plan = FulfilmentPlanner.plan(order: refundedAfterShipment("R2", quantity: 3), current: [:], masterData: data, stock: &stock)
        #expect(plan.changed.map(\.state) == [.consumed])
        #expect(plan.changed.first?.reservations.reduce(0) { $0 + $1.quantity } == 3)
        let level = stock.level(StockKey(warehouseId: "yl-changsha", skuCode: "PG5A"))
        #expect(level?.reserved == 0 && level?.onHand == 7)
    }

    @Test func targetOfALineRefundedAfterShipmentIsConsumed() {
        for status in [OrderStatus.paid, .shipped, .completed, .cancelled] {
            #expect(FulfilmentPlanner.target(status: status, refund: .refunded, refundedAfterShipment: true) == .consumed)
        }
        #expect(FulfilmentPlanner.target(status: .created, refund: .refunded, refundedAfterShipment: true) == FulfilmentPlanner.Target.none)
        #expect(FulfilmentPlanner.target(status: .cancelled, refund: .refunded) == .released)
        #expect(FulfilmentPlanner.target(status: .cancelled, refund: .requested, refundedAfterShipment: true) == .released)
        #expect(FulfilmentPlanner.target(status: .paid, refund: .refunded) == .released)
    }

    @Test func aRefundBeforeShipmentStillReleases() {
        var stock = InventoryFixtures.stock()
        let paid = InventoryFixtures.order("R3", status: .paid, lines: [("p-pg5a", 2, .none)])
        let first = FulfilmentPlanner.plan(order: paid, current: [:], masterData: data, stock: &stock)
        let current = Dictionary(uniqueKeysWithValues: first.changed.map { ($0.lineId, $0) })
        let closed = InventoryFixtures.order("R3", status: .cancelled, lines: [("p-pg5a", 2, .refunded)])
        let plan = FulfilmentPlanner.plan(order: closed, current: current, masterData: data, stock: &stock)
        #expect(plan.changed.map(\.state) == [.released])
        let level = stock.level(StockKey(warehouseId: "yl-changsha", skuCode: "PG5A"))
        #expect(level?.reserved == 0 && level?.onHand == 10)
    }

    @Test func unmappedSkuHoldsTheLineAndOpensAnException() {
        var stock = InventoryFixtures.stock()
        let order = InventoryFixtures.order("2", status: .paid, lines: [("p-pg5a", 1, .none), ("unknown", 1, .none)])
        let plan = FulfilmentPlanner.plan(order: order, current: [:], masterData: data, stock: &stock)
        #expect(plan.changed.map(\.state) == [.reserved, .held])
        #expect(plan.openedExceptions.map(\.kind) == [.unmappedSku])
        #expect(plan.openedExceptions.first?.platformSkuId == "unknown")
    }

    @Test func bundleReservesEveryComponentOrNothing() {
        var stock = InventoryFixtures.stock(pg5aChangsha: 0, pg5aBaojing: 5, kiwi: 3)
        let gift = InventoryFixtures.order("3", status: .paid, lines: [("p-gift", 2, .none)])
        let plan = FulfilmentPlanner.plan(order: gift, current: [:], masterData: data, stock: &stock)
        // 2 gifts need 4 kiwi; only 3: oversold, and the ponkan is not held either.
        #expect(plan.changed.map(\.state) == [.held])
        #expect(plan.openedExceptions.map(\.kind) == [.oversold])
        #expect(stock.level(StockKey(warehouseId: "yl-baojing", skuCode: "PG5A"))?.reserved == 0)
        var more = InventoryFixtures.stock(pg5aChangsha: 0, pg5aBaojing: 5, kiwi: 4)
        let ok = FulfilmentPlanner.plan(order: gift, current: [:], masterData: data, stock: &more)
        #expect(ok.changed.first?.reservations.reduce(0) { $0 + $1.quantity } == 6)
    }

    @Test func heldLineIsReleasedAndItsExceptionClosedOnCancel() {
        var stock = InventoryFixtures.stock(tea: 0)
        let paid = InventoryFixtures.order("4", status: .paid, lines: [("p-tea", 1, .none)])
        let held = FulfilmentPlanner.plan(order: paid, current: [:], masterData: data, stock: &stock)
        #expect(held.changed.first?.state == .held)
        let cancelled = InventoryFixtures.order("4", status: .cancelled, lines: [("p-tea", 1, .none)])
        let plan = FulfilmentPlanner.plan(order: cancelled, current: ["0": held.changed[0]], masterData: data, stock: &stock)
        #expect(plan.changed.first?.state == .released)
        #expect(plan.closedExceptions == ["0"])
    }

    @Test func sellableQuantityIsZeroAtTheSafetyLineAndBundlesTakeTheMinimum() throws {
        let stock = InventoryFixtures.stock(pg5aChangsha: 3, pg5aBaojing: 4, kiwi: 5, tea: 2, safety: 2)
        let gift = try #require(data.mapping(shop: "shop", platformSkuId: "p-gift"))
        let tea = try #require(data.mapping(shop: "shop", platformSkuId: "p-tea"))
        // ponkan available (3-2)+(4-2) = 3; kiwi (5-2)/2 = 1 → 1 gift.
        #expect(SellableQuantity.of(gift, masterData: data, stock: stock) == 1)
        #expect(SellableQuantity.of(tea, masterData: data, stock: stock) == 0)
        #expect(SellableQuantity.of(tea, masterData: data, stock: InventoryFixtures.stock(tea: 3, safety: 2)) == 1)
        #expect(SellableQuantity.of(tea, masterData: data, stock: InventoryFixtures.stock(tea: 9), blockedSkus: ["TEA250"]) == 0)
    }

    @Test func liveEventAttributionPrefersRoomThenShopWindow() {
        var order = InventoryFixtures.order("5", status: .paid, lines: [("p-tea", 1, .none)])
        let events = [
            LiveEvent(id: "window", title: "w", shops: ["shop"], startsAt: Timestamp(secondsSince1970: 50), endsAt: Timestamp(secondsSince1970: 150)),
            LiveEvent(id: "room", title: "r", roomIds: ["R1"], startsAt: Timestamp(secondsSince1970: 0), endsAt: Timestamp(secondsSince1970: 10)),
        ]
        #expect(LiveEventAttributor.eventId(for: order, among: events) == "window")
        order.snapshot?.liveRoomId = "R1"
        #expect(LiveEventAttributor.eventId(for: order, among: events) == "room")
        order.snapshot?.liveRoomId = nil
        order.snapshot?.createdAt = Timestamp(secondsSince1970: 500)
        #expect(LiveEventAttributor.eventId(for: order, among: events) == nil)
    }
}
