import GatewayCore
import Testing

/// Line identity (issue #11): lines that leave an order, change SKU or quantity, or repeat an id.
@Suite struct FulfilmentLineIdentityTests {
    let data = InventoryFixtures.masterData

    /// An order whose lines carry explicit ids.
    func order(_ id: String, _ status: OrderStatus, _ lines: [(id: String, sku: String, quantity: Int)]) -> CanonicalOrder {
        var order = InventoryFixtures.order(id, status: status, lines: [])
        order.snapshot?.lines = lines.map { line in
            OrderLine(lineId: line.id, productId: "p", skuId: line.sku, title: line.sku, quantity: line.quantity, paidFen: 100)
        }
        return order
    }

    /// Plans `order` over `current` and returns the fulfilments after the plan.
    func run(_ order: CanonicalOrder, _ current: [String: LineFulfilment], _ stock: inout StockBook) -> (FulfilmentPlan, [String: LineFulfilment]) {
        let plan = FulfilmentPlanner.plan(order: order, current: current, masterData: data, stock: &stock)
        var after = current
        for change in plan.changed { after[change.lineId] = change }
        return (plan, after)
    }

    func reserved(_ stock: StockBook, _ warehouse: String, _ sku: String) -> Int {
        stock.level(StockKey(warehouseId: warehouse, skuCode: sku))?.reserved ?? -1
    }

    @Test func aLineThatLeavesTheOrderGivesItsStockBack() {
        var stock = InventoryFixtures.stock()
        let (_, first) = run(order("L1", .paid, [("a", "p-pg5a", 2), ("b", "p-tea", 1)]), [:], &stock)
        #expect(reserved(stock, "ly-tea", "TEA250") == 1)
        let (plan, after) = run(order("L1", .paid, [("a", "p-pg5a", 2)]), first, &stock)
        #expect(reserved(stock, "ly-tea", "TEA250") == 0)
        #expect(reserved(stock, "yl-changsha", "PG5A") == 2)
        #expect(after["b"]?.state == .released)
        #expect(after["b"]?.reservations.isEmpty == true)
        #expect(plan.transitions.contains(LineTransition(lineId: "b", from: .reserved, to: .released)))
        // Cancelling afterwards releases the remaining line once, and the removed one not again.
        let (_, cancelled) = run(order("L1", .cancelled, [("a", "p-pg5a", 2)]), after, &stock)
        #expect(reserved(stock, "yl-changsha", "PG5A") == 0)
        #expect(reserved(stock, "ly-tea", "TEA250") == 0)
        #expect(cancelled.values.allSatisfy { $0.state == .released })
    }

    @Test func aLineWhoseIdChangesIsReleasedUnderItsOldIdAndReservedUnderItsNewOne() {
        // Pinduoduo and WeChat line ids are SKU ids: a changed SKU is a new line id.
        var stock = InventoryFixtures.stock()
        let (_, first) = run(order("L2", .paid, [("p-pg5a", "p-pg5a", 3)]), [:], &stock)
        let (_, after) = run(order("L2", .paid, [("p-tea", "p-tea", 3)]), first, &stock)
        #expect(reserved(stock, "yl-changsha", "PG5A") == 0)
        #expect(reserved(stock, "ly-tea", "TEA250") == 3)
        #expect(after["p-pg5a"]?.state == .released)
        #expect(after["p-tea"]?.state == .reserved)
    }

    @Test func aChangedSkuUnderTheSameIdIsReplanned() {
        var stock = InventoryFixtures.stock()
        let (_, first) = run(order("L3", .paid, [("0", "p-pg5a", 2)]), [:], &stock)
        let (plan, after) = run(order("L3", .paid, [("0", "p-tea", 2)]), first, &stock)
        #expect(reserved(stock, "yl-changsha", "PG5A") == 0)
        #expect(reserved(stock, "ly-tea", "TEA250") == 2)
        #expect(after["0"]?.state == .reserved)
        #expect(after["0"]?.reservations == [StockReservation(warehouseId: "ly-tea", skuCode: "TEA250", quantity: 2)])
        #expect(after["0"]?.enterpriseIds == ["linyin"])
        #expect(after["0"]?.skuId == "p-tea" && after["0"]?.quantity == 2)
        #expect(plan.replannedLines == ["0"])
        #expect(plan.transitions.contains(LineTransition(lineId: "0", from: .reserved, to: .released)))
        // Cancelling releases the new SKU, never the old one again.
        _ = run(order("L3", .cancelled, [("0", "p-tea", 2)]), after, &stock)
        #expect(reserved(stock, "ly-tea", "TEA250") == 0)
        #expect(stock.levels.values.allSatisfy { $0.reserved == 0 })
    }

    @Test func aChangedQuantityIsReplannedUpAndDown() {
        var stock = InventoryFixtures.stock()
        let (_, first) = run(order("L4", .paid, [("0", "p-pg5a", 2)]), [:], &stock)
        let (_, more) = run(order("L4", .paid, [("0", "p-pg5a", 5)]), first, &stock)
        #expect(reserved(stock, "yl-changsha", "PG5A") == 5)
        let (_, fewer) = run(order("L4", .paid, [("0", "p-pg5a", 1)]), more, &stock)
        #expect(reserved(stock, "yl-changsha", "PG5A") == 1)
        #expect(fewer["0"]?.reservations.reduce(0) { $0 + $1.quantity } == 1)
        // Shipping consumes exactly the current quantity.
        _ = run(order("L4", .shipped, [("0", "p-pg5a", 1)]), fewer, &stock)
        let level = stock.level(StockKey(warehouseId: "yl-changsha", skuCode: "PG5A"))
        #expect(level?.reserved == 0 && level?.onHand == 9)
    }

    @Test func aShippedLineIsNeverReplannedOrReleased() {
        var stock = InventoryFixtures.stock()
        let (_, first) = run(order("L5", .shipped, [("0", "p-pg5a", 2), ("1", "p-tea", 1)]), [:], &stock)
        let before = stock.levels
        let (plan, _) = run(order("L5", .shipped, [("0", "p-gift", 4)]), first, &stock)
        #expect(plan.changed.isEmpty)
        #expect(stock.levels == before)
    }

    @Test func duplicateLineIdsAreReservedOnceWithTheSummedQuantityAndReleasedOnce() {
        var stock = InventoryFixtures.stock()
        // Another order holds 3 units at the same warehouse.
        let (_, other) = run(order("other", .paid, [("0", "p-pg5a", 3)]), [:], &stock)
        #expect(reserved(stock, "yl-changsha", "PG5A") == 3)
        let twice = order("L6", .paid, [("0", "p-pg5a", 1), ("0", "p-pg5a", 3)])
        let (plan, first) = run(twice, [:], &stock)
        #expect(plan.changed.count == 1)
        #expect(first["0"]?.reservations.reduce(0) { $0 + $1.quantity } == 4)
        #expect(reserved(stock, "yl-changsha", "PG5A") == 7)
        // The same snapshot again changes nothing.
        #expect(run(twice, first, &stock).0.changed.isEmpty)
        #expect(reserved(stock, "yl-changsha", "PG5A") == 7)
        // Cancelled: released once; the other order's 3 units stay reserved.
        let (cancel, _) = run(order("L6", .cancelled, [("0", "p-pg5a", 1), ("0", "p-pg5a", 3)]), first, &stock)
        #expect(cancel.changed.count == 1)
        #expect(reserved(stock, "yl-changsha", "PG5A") == 3)
        #expect(other["0"]?.state == .reserved)
    }

    @Test func theOrderMergesDuplicateLineIdsIntoOneLine() {
        var order = order("L7", .paid, [("0", "p-pg5a", 2), ("1", "p-tea", 1), ("0", "p-pg5a", 3)])
        order.snapshot?.lines[0].paidFen = 200
        order.snapshot?.lines[2].paidFen = 300
        #expect(order.lines.map(\.lineId) == ["0", "1"])
        #expect(order.lines[0].quantity == 5)
        #expect(order.lines[0].paidFen == 500)
        #expect(order.lines[1].quantity == 1)
        // The platform's snapshot itself is kept as sent.
        #expect(order.snapshot?.lines.count == 3)
    }

    @Test func mergedRefundStatesErrTowardLessSellableStock() {
        func line(_ quantity: Int, _ refund: RefundState, afterShipment: Bool = false) -> OrderLine {
            OrderLine(
                lineId: "0",
                productId: "p",
                skuId: "p-pg5a",
                title: "t",
                quantity: quantity,
                paidFen: 100,
                refundState: refund,
                refundedAfterShipment: afterShipment
            )
        }
        #expect(OrderLine.mergingRepeatedIds([line(1, .refunded), line(2, .refunded)]).map(\.refundState) == [.refunded])
        #expect(OrderLine.mergingRepeatedIds([line(1, .refunded), line(2, .none)]).map(\.refundState) == [.requested])
        #expect(OrderLine.mergingRepeatedIds([line(1, .none), line(2, .none)]).map(\.refundState) == [.none])
        let shipped = OrderLine.mergingRepeatedIds([line(1, .refunded, afterShipment: true), line(2, .refunded)])
        #expect(shipped.map(\.refundedAfterShipment) == [true])
        #expect(shipped.map(\.quantity) == [3])
    }

    @Test func theSameIdWithAnotherSkuIsAnotherLine() {
        var stock = InventoryFixtures.stock()
        let mixed = order("L8", .paid, [("0", "p-pg5a", 2), ("0", "p-tea", 1), ("0#2", "p-pg5a", 1)])
        #expect(mixed.lines.map(\.lineId) == ["0", "0#3", "0#2"])
        #expect(mixed.lines.map(\.skuId) == ["p-pg5a", "p-tea", "p-pg5a"])
        let (_, after) = run(mixed, [:], &stock)
        #expect(after.count == 3)
        #expect(reserved(stock, "yl-changsha", "PG5A") == 3)
        #expect(reserved(stock, "ly-tea", "TEA250") == 1)
    }

    @Test func aSnapshotWithoutLinesReleasesNothingUntilTheOrderIsCancelled() {
        var stock = InventoryFixtures.stock()
        let (_, first) = run(order("L9", .paid, [("0", "p-pg5a", 2)]), [:], &stock)
        let (plan, _) = run(order("L9", .paid, []), first, &stock)
        #expect(plan.changed.isEmpty)
        #expect(reserved(stock, "yl-changsha", "PG5A") == 2)
        let (cancel, _) = run(order("L9", .cancelled, []), first, &stock)
        #expect(cancel.changed.map(\.state) == [.released])
        #expect(reserved(stock, "yl-changsha", "PG5A") == 0)
    }

    @Test func aFulfilmentStoredWithoutItsSkuAndQuantityIsTakenAsUnchanged() {
        var stock = InventoryFixtures.stock()
        var (_, first) = run(order("L10", .paid, [("0", "p-pg5a", 2)]), [:], &stock)
        first["0"]?.skuId = nil
        first["0"]?.quantity = nil
        let (plan, _) = run(order("L10", .paid, [("0", "p-pg5a", 2)]), first, &stock)
        #expect(plan.changed.isEmpty && plan.replannedLines.isEmpty)
        #expect(reserved(stock, "yl-changsha", "PG5A") == 2)
    }

    @Test func aReplannedLineThatNoLongerFitsIsHeldAndHoldsNothing() {
        var stock = InventoryFixtures.stock(tea: 3)
        let (_, first) = run(order("L11", .paid, [("0", "p-tea", 2)]), [:], &stock)
        let (plan, after) = run(order("L11", .paid, [("0", "p-tea", 5)]), first, &stock)
        #expect(after["0"]?.state == .held)
        #expect(plan.replannedLines == ["0"])
        #expect(plan.openedExceptions.map(\.kind) == [.oversold])
        #expect(reserved(stock, "ly-tea", "TEA250") == 0)
    }
}
