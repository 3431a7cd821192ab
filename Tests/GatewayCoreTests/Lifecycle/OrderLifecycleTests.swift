import GatewayCore
import GatewayStorage
import Testing

/// ``OrderLifecycle`` over an in-memory state: merge, reserve, allocate with trace codes, release, exceptions opened
/// and closed by the system and by staff — every decision visible without a database.
@Suite struct OrderLifecycleTests {
    let now = Timestamp(secondsSince1970: 1_000)

    /// A lot of 20 kg of grade-A ponkan for the enterprise `yunlai`.
    static func ponkanLot(_ id: String, household: String) -> SupplyLot {
        SupplyLot(
            id: id,
            householdId: household,
            enterpriseId: "yunlai",
            product: "ponkan",
            grade: "A",
            capacityGrams: 20_000,
            priceFenPerKg: 600,
            harvestDate: "1970-01-01"
        )
    }

    /// A state with the inventory fixtures and one enterprise's ponkan lots (two households, 20 kg each).
    func state(lots: Bool = true) -> MemoryLifecycleState {
        var state = MemoryLifecycleState(masterData: InventoryFixtures.masterData, stock: InventoryFixtures.stock())
        if lots {
            state.households = [
                "h1": Household(id: "h1", name: "向", village: "夯沙村", registeredPoor: true, members: 4),
                "h2": Household(id: "h2", name: "彭", village: "吕洞村", registeredPoor: false, members: 3),
            ]
            state.lots = [Self.ponkanLot("lot1", household: "h1"), Self.ponkanLot("lot2", household: "h2")]
        }
        return state
    }

    /// A delivery of one observation of `order` in `status`, pushed at `second`.
    func delivery(_ inboxId: Int64, _ order: CanonicalOrder, _ status: OrderStatus, at second: Int64) -> ProcessedDelivery {
        .observing(inboxId: inboxId, order, status: status, at: Timestamp(secondsSince1970: second))
    }

    func reserved(_ state: MemoryLifecycleState, _ warehouse: String, _ sku: String) -> Int {
        state.stock.level(StockKey(warehouseId: warehouse, skuCode: sku))?.reserved ?? -1
    }

    @Test func aPaidOrderReservesAllocatesAndIsMarkedProcessedOnce() throws {
        var state = state()
        let order = InventoryFixtures.order("o1", status: .paid, lines: [("p-pg5a", 2, .none)])
        state.inbox[1] = false
        let batch = [delivery(1, order, .paid, at: 100)]
        let (_, changes) = try state.run(at: now) { try $0.commit(batch) }

        #expect(changes.results.map(\.decision) == [.applied])
        #expect(changes.processedInboxIds == [1])
        #expect(state.orders[order.key]?.status == .paid)
        #expect(state.fulfilments[order.key]?["0"]?.state == .reserved)
        #expect(reserved(state, "yl-changsha", "PG5A") == 2)
        let parcels = state.activeParcels(order.key, line: "0")
        #expect(parcels.count == 2)
        #expect(Set(parcels.map(\.traceCode)).count == 2)
        #expect(parcels.allSatisfy { TraceCode.isWellFormed($0.traceCode) })
        #expect(parcels.first?.allocation.householdId == "h1", "registered poor first")
        #expect(state.lotAllocatedGrams.values.reduce(0, +) == 10_000)

        // The same batch again (replayed after a crash): nothing changes twice.
        let (_, again) = try state.run(at: now) { try $0.commit(batch) }
        #expect(again == LifecycleChanges())
        #expect(reserved(state, "yl-changsha", "PG5A") == 2)
        #expect(state.activeParcels(order.key, line: "0").count == 2)
    }

    @Test func aCancelBeforeShipmentGivesStockAndSupplyBackExactly() throws {
        var state = state()
        let order = InventoryFixtures.order("o1", status: .paid, lines: [("p-pg5a", 3, .none)])
        state.inbox = [1: false, 2: false]
        try state.run(at: now) { try $0.commit([delivery(1, order, .paid, at: 100)]) }
        #expect(state.lotAllocatedGrams.values.reduce(0, +) == 15_000)
        let (_, changes) = try state.run(at: now) { try $0.commit([delivery(2, order, .cancelled, at: 200)]) }

        #expect(state.fulfilments[order.key]?["0"]?.state == .released)
        #expect(reserved(state, "yl-changsha", "PG5A") == 0)
        #expect(state.activeParcels(order.key, line: "0").isEmpty)
        #expect(changes.reversedLines == [LineRef(order: order.key, lineId: "0")])
        #expect(state.lotAllocatedGrams.values.reduce(0, +) == 0)
    }

    @Test func aShipmentRefundedAfterwardsKeepsTheHouseholdsIncomeAndIsFlagged() throws {
        var state = state()
        var order = InventoryFixtures.order("o1", status: .paid, lines: [("p-pg5a", 1, .none)])
        state.inbox = [1: false, 2: false, 3: false]
        try state.run(at: now) { try $0.commit([delivery(1, order, .paid, at: 100), delivery(2, order, .shipped, at: 200)]) }
        #expect(state.fulfilments[order.key]?["0"]?.state == .consumed)
        order.snapshot?.lines[0].refundState = .refunded
        let (_, changes) = try state.run(at: now) { try $0.commit([delivery(3, order, .completed, at: 300)]) }
        #expect(changes.refundFlags == [LineRef(order: order.key, lineId: "0")])
        let parcels = state.activeParcels(order.key, line: "0")
        #expect(parcels.count == 1 && parcels.allSatisfy(\.refundedAfterShipment))
        #expect(state.lotAllocatedGrams.values.reduce(0, +) == 5_000)
    }

    @Test func ourShipmentConsumesOnceAndThePlatformsShippedPushOnlyConfirms() throws {
        var state = state()
        let order = InventoryFixtures.order("o1", status: .paid, lines: [("p-pg5a", 2, .none)])
        state.inbox = [1: false, 2: false]
        try state.run(at: now) { try $0.commit([delivery(1, order, .paid, at: 100)]) }
        let onHand = { state.stock.level(StockKey(warehouseId: "yl-changsha", skuCode: "PG5A"))?.onHand }
        #expect(onHand() == 10)

        let (found, changes) = try state.run(at: now) { try $0.ship(order.key, completedLineIds: ["0"]) }
        #expect(found)
        #expect(state.fulfilments[order.key]?["0"]?.state == .consumed)
        #expect(onHand() == 8)
        #expect(reserved(state, "yl-changsha", "PG5A") == 0)
        #expect(state.activeParcels(order.key, line: "0").count == 2, "the households keep their parcels")
        #expect(changes.reversedLines.isEmpty && changes.parcels.isEmpty)

        try state.run(at: now) { try $0.commit([delivery(2, order, .shipped, at: 200)]) }
        #expect(onHand() == 8, "the platform's shipped push is a confirmation, not a second consumption")
        #expect(state.activeParcels(order.key, line: "0").count == 2)

        let (again, none) = try state.run(at: now) { try $0.ship(order.key, completedLineIds: ["0"]) }
        #expect(again && none.stockLevels.isEmpty, "a consumed line never moves again")
        let (missing, _) = try state.run(at: now) {
            try $0.ship(OrderKey(platform: .douyin, shop: "shop", platformOrderId: "nope"), completedLineIds: ["0"])
        }
        #expect(!missing)
    }

    @Test func aRejectedWriteBackOpensOneExceptionThatStaffSettle() throws {
        var state = state()
        let order = InventoryFixtures.order("o1", status: .paid, lines: [("p-pg5a", 1, .none)])
        state.inbox = [1: false]
        try state.run(at: now) { try $0.commit([delivery(1, order, .paid, at: 100)]) }
        try state.run(at: now) { try $0.writeBackNeedsStaff(order.key, writeBackId: 7, message: "order cancelled") }
        try state.run(at: now) { try $0.writeBackNeedsStaff(order.key, writeBackId: 7, message: "still cancelled") }
        let open = state.exceptions.filter { $0.kind == .shipmentRejected && $0.status == .open }
        #expect(open.count == 1)
        #expect(open.first?.lineId == "shipment:7")
        #expect(open.first?.message == "still cancelled")
        try state.run(at: now) { try $0.writeBackSettled(order.key, writeBackId: 7, actor: "alice", note: "resent") }
        let closed = state.exceptions.filter { $0.kind == .shipmentRejected }
        #expect(closed.count == 1 && closed.allSatisfy { $0.status == .resolved && $0.resolvedBy == "alice" })
        let (_, nothing) = try state.run(at: now) { try $0.writeBackSettled(order.key, writeBackId: 7, actor: "bob", note: "again") }
        #expect(nothing.exceptions.isEmpty)
    }

    @Test func anUnmappedSkuOpensAnExceptionThatAMappingLaterCloses() throws {
        var state = state()
        let order = InventoryFixtures.order("o1", status: .paid, lines: [("p-new", 1, .none)])
        state.inbox[1] = false
        try state.run(at: now) { try $0.commit([delivery(1, order, .paid, at: 100)]) }
        #expect(state.fulfilments[order.key]?["0"]?.state == .held)
        #expect(state.exceptions.map(\.kind) == [.unmappedSku])
        #expect(state.exceptions.first?.status == .open)

        // The same order planned again with the SKU still unmapped: no second exception.
        try state.run(at: now) { try $0.fulfil(order.key) }
        #expect(state.exceptions.count == 1)

        state.masterData.mappings[MappingKey(shop: "shop", platformSkuId: "p-new")] = SkuMapping(
            shop: "shop",
            platformSkuId: "p-new",
            platformProductId: "p9",
            components: [SkuComponent(skuCode: "PG5A")]
        )
        let (ran, changes) = try state.run(at: now) { try $0.fulfil(order.key) }
        #expect(ran)
        #expect(changes.exceptionsResolved == 1)
        #expect(state.exceptions.first?.status == .resolved)
        #expect(state.exceptions.first?.resolvedBy == ExceptionLifecycle.system)
        #expect(state.fulfilments[order.key]?["0"]?.state == .reserved)
        #expect(state.activeParcels(order.key, line: "0").count == 1)
    }

    @Test func anOversoldLineWaitsAndStaffCanRetryOrDismissIt() throws {
        var state = MemoryLifecycleState(masterData: InventoryFixtures.masterData, stock: InventoryFixtures.stock(pg5aChangsha: 1, pg5aBaojing: 0))
        let order = InventoryFixtures.order("o1", status: .paid, lines: [("p-pg5a", 2, .none)])
        state.inbox[1] = false
        try state.run(at: now) { try $0.commit([delivery(1, order, .paid, at: 100)]) }
        let exception = try #require(state.exceptions.first)
        #expect(exception.kind == .oversold && exception.status == .open)

        // A retry without new stock: still open, with the staff's note.
        let (resolved, _) = try state.run(at: now) { try $0.resolve(exception, actor: "alice", note: "waiting") }
        #expect(!resolved)
        #expect(state.exceptions.first?.status == .open && state.exceptions.first?.note == "waiting")

        // Dismissed: the line will not be fulfilled, the exception is closed by the staff member.
        try state.run(at: now) { try $0.dismiss(exception, actor: "alice", note: "out of season") }
        #expect(state.fulfilments[order.key]?["0"]?.state == .dismissed)
        #expect(state.exceptions.first?.status == .resolved && state.exceptions.first?.resolvedBy == "alice")
        #expect(reserved(state, "yl-changsha", "PG5A") == 0)
    }

    @Test func aRetryThatClearsTheCauseIsTheStaffMembersResolution() throws {
        var state = MemoryLifecycleState(masterData: InventoryFixtures.masterData, stock: InventoryFixtures.stock(pg5aChangsha: 0, pg5aBaojing: 0))
        let order = InventoryFixtures.order("o1", status: .paid, lines: [("p-pg5a", 1, .none)])
        state.inbox[1] = false
        try state.run(at: now) { try $0.commit([delivery(1, order, .paid, at: 100)]) }
        let exception = try #require(state.exceptions.first)
        state.stock.set(StockLevel(warehouseId: "yl-baojing", skuCode: "PG5A", onHand: 5))
        let (resolved, _) = try state.run(at: now) { try $0.resolve(exception, actor: "bob", note: "restocked") }
        #expect(resolved)
        #expect(state.exceptions.first?.status == .resolved && state.exceptions.first?.resolvedBy == "bob")
        #expect(state.exceptions.first?.note == "restocked")
        #expect(reserved(state, "yl-baojing", "PG5A") == 1)
    }

    @Test func tooLittleSupplyOpensNoSupplyAndMoreLotsCloseIt() throws {
        var state = state()
        state.lots = [state.lots[0]]  // 20 kg
        let order = InventoryFixtures.order("o1", status: .paid, lines: [("p-pg5a", 5, .none)])  // 25 kg
        state.inbox[1] = false
        let (_, first) = try state.run(at: now) { try $0.commit([delivery(1, order, .paid, at: 100)]) }
        #expect(first.supplyShortages == 1)
        #expect(state.exceptions.map(\.kind) == [.noSupply])
        #expect(state.exceptions.first?.platformSkuId == nil && state.exceptions.first?.skuCode == "PG5A")
        #expect(state.activeParcels(order.key, line: "0").isEmpty)
        #expect(state.lotAllocatedGrams.values.reduce(0, +) == 0, "a short pool keeps nothing")

        state.lots.append(Self.ponkanLot("lot3", household: "h2"))
        let (_, second) = try state.run(at: now) { try $0.fulfil(order.key) }
        #expect(second.exceptionsResolved == 1)
        #expect(state.exceptions.first?.status == .resolved && state.exceptions.first?.note == "supply allocated")
        #expect(state.activeParcels(order.key, line: "0").count == 5)
    }

    @Test func aLineReplannedWithAnotherQuantityIsAllocatedAfresh() throws {
        var state = state()
        var order = InventoryFixtures.order("o1", status: .paid, lines: [("p-pg5a", 1, .none)])
        state.inbox = [1: false, 2: false]
        try state.run(at: now) { try $0.commit([delivery(1, order, .paid, at: 100)]) }
        let first = state.activeParcels(order.key, line: "0").map(\.traceCode)
        order.snapshot?.lines[0].quantity = 2
        try state.run(at: now) { try $0.commit([delivery(2, order, .paid, at: 200)]) }
        let after = state.activeParcels(order.key, line: "0")
        #expect(after.count == 2)
        #expect(Set(after.map(\.traceCode)).isDisjoint(with: first))
        #expect(state.lotAllocatedGrams.values.reduce(0, +) == 10_000)
        #expect(reserved(state, "yl-changsha", "PG5A") == 2)
    }

    @Test func traceCodesAlreadyGivenAreDrawnAgainAndABrokenSourceStops() throws {
        var state = state()
        let order = InventoryFixtures.order("o1", status: .paid, lines: [("p-pg5a", 1, .none)])
        state.inbox[1] = false
        var probe = SplitMix64(seed: 7)
        let firstDraw = TraceCode.make(using: &probe)
        // A parcel elsewhere already holds the first code the run will draw.
        state.parcels.append(
            .init(
                parcel: NewParcel(
                    line: LineRef(order: OrderKey(platform: .taobao, shop: "t", platformOrderId: "x"), lineId: "0"),
                    sku: try #require(state.masterData.skus["PG5A"]),
                    allocation: ParcelAllocation(
                        lineRef: "x",
                        parcelIndex: 0,
                        lotId: "other",
                        householdId: "h9",
                        grams: 1,
                        tier: "t",
                        quotaGrams: 0,
                        deficitGrams: 0,
                        incomeFen: 0
                    ),
                    day: "1970-01-01",
                    traceCode: firstDraw,
                    refundedAfterShipment: false
                ),
                reversed: true
            )
        )
        try state.run(at: now, seed: 7) { try $0.commit([delivery(1, order, .paid, at: 100)]) }
        let given = try #require(state.activeParcels(order.key, line: "0").first?.traceCode)
        #expect(given != firstDraw)

        struct Stuck: RandomNumberGenerator { mutating func next() -> UInt64 { 42 } }
        var stuck = Stuck()
        let code = TraceCode.make(using: &stuck)
        var blocked = state
        blocked.parcels[0].parcel.traceCode = code
        let other = InventoryFixtures.order("o2", status: .paid, lines: [("p-pg5a", 1, .none)])
        blocked.inbox[2] = false
        var lifecycle = OrderLifecycle(context: blocked.context, reader: blocked, now: now, random: Stuck())
        #expect(throws: OrderLifecycleError.traceCodesExhausted(attempts: 8)) { try lifecycle.commit([delivery(2, other, .paid, at: 100)]) }
    }

    @Test func aSupersededCauseClosesTheOldExceptionAndOpensTheNew() throws {
        var state = MemoryLifecycleState(masterData: InventoryFixtures.masterData, stock: InventoryFixtures.stock(pg5aChangsha: 0, pg5aBaojing: 0))
        let order = InventoryFixtures.order("o1", status: .paid, lines: [("p-pg5a", 1, .none)])
        state.inbox[1] = false
        try state.run(at: now) { try $0.commit([delivery(1, order, .paid, at: 100)]) }
        #expect(state.exceptions.map(\.kind) == [.oversold])
        state.masterData.mappings[MappingKey(shop: "shop", platformSkuId: "p-pg5a")] = nil
        let (_, changes) = try state.run(at: now) { try $0.fulfil(order.key) }
        #expect(state.exceptions.map(\.kind) == [.oversold, .unmappedSku])
        #expect(state.exceptions[0].status == .resolved && state.exceptions[0].note == ExceptionLifecycle.supersededNote)
        #expect(state.exceptions[1].status == .open)
        #expect(changes.exceptionsResolved == 0, "a superseded exception is not counted as resolved")
    }
}

extension MemoryLifecycleState {
    /// Runs the processor with trace codes from a seeded generator and applies its changes.
    @discardableResult
    mutating func run<T>(
        at now: Timestamp,
        seed: UInt64 = 7,
        _ body: (inout OrderLifecycle<MemoryLifecycleState, SplitMix64>) throws -> T
    ) throws -> (T, LifecycleChanges) {
        try run(at: now, random: SplitMix64(seed: seed), body)
    }
}
