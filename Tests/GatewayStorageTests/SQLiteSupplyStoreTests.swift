import GatewayCore
import GatewayStorage
import Testing

@Suite struct SQLiteSupplyStoreTests {
    static let households = [
        Household(id: "H1", name: "张三", village: "黄金村", cooperativeId: "黄金茶合作社", registeredPoor: true, members: 4),
        Household(id: "H2", name: "李四", village: "黄金村", registeredPoor: true, members: 3, showName: true),
        Household(id: "H3", name: "王五", village: "夯沙村", registeredPoor: false, members: 5),
    ]
    static let lots = [
        SupplyLot(
            id: "L1",
            householdId: "H1",
            enterpriseId: "yunlai",
            product: "ponkan",
            grade: "A",
            capacityGrams: 40_000,
            priceFenPerKg: 400,
            harvestDate: "2026-11-20"
        ),
        SupplyLot(
            id: "L2",
            householdId: "H2",
            enterpriseId: "yunlai",
            product: "ponkan",
            grade: "A",
            capacityGrams: 20_000,
            priceFenPerKg: 400,
            harvestDate: "2026-11-21"
        ),
        SupplyLot(
            id: "L3",
            householdId: "H3",
            enterpriseId: "yunlai",
            product: "ponkan",
            grade: "A",
            capacityGrams: 100_000,
            priceFenPerKg: 380,
            harvestDate: "2026-11-21"
        ),
    ]

    func delivery(_ inboxId: Int64, _ id: String, _ status: OrderStatus, quantity: Int, at: Int64) -> ProcessedDelivery {
        let snapshot = OrderSnapshot(
            status: status,
            platformStatus: status.rawValue,
            totalFen: 3990,
            paidFen: 3990,
            createdAt: Timestamp(secondsSince1970: 1_764_400_000),
            paidAt: Timestamp(secondsSince1970: 1_764_400_010),
            lines: [OrderLine(lineId: "1", productId: "prod-1", skuId: "sku-pg5a", title: "椪柑", quantity: quantity, paidFen: 3990)],
            buyer: BuyerInfo(province: "湖南省")
        )
        let observation = OrderObservation(
            key: OrderKey(platform: .douyin, shop: "douyin-shop", platformOrderId: id),
            source: .poll,
            event: status.rawValue,
            platformUpdatedAt: Timestamp(secondsSince1970: at),
            snapshot: snapshot
        )
        return ProcessedDelivery(
            inboxId: inboxId,
            deliveryId: "d\(inboxId)",
            observations: [PreparedObservation(observation: observation, rawPayload: "{}")]
        )
    }

    @Test func paidLinesAreAllocatedPoorFirstReversedOnCancelAndTracedWhenShipped() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try SQLiteDatabase.open(path: directory.file("gateway.sqlite"), synchronous: "normal", keys: .tests)
        let inbox = SQLiteInboxStore.withRunningWriter(database: database)
        let orders = database
        let inventory = database
        let supply = database
        _ = try await inventory.seed(SQLiteInventoryStoreTests.seed, at: Timestamp(secondsSince1970: 1))
        #expect(try await supply.seedSupply(households: Self.households, lots: Self.lots, policies: [:], at: Timestamp(secondsSince1970: 1)) == 6)
        let ids = try await inbox.append(
            (0..<6).map {
                InboxDelivery(platform: .douyin, shop: "x", deliveryId: "s\($0)", kind: .poll, receivedAt: Timestamp(secondsSince1970: 1), text: "{}")
            }
        ).map(\.id)

        // 3 parcels of 5 kg: all from the registered-poor tier (H1, H2), proportional to 40:20.
        _ = try await orders.commit([delivery(ids[0], "A", .paid, quantity: 3, at: 10)], at: Timestamp(secondsSince1970: 2))
        let key = OrderKey(platform: .douyin, shop: "douyin-shop", platformOrderId: "A")
        let first = try await supply.allocations(of: key)
        #expect(first.count == 3)
        #expect(first.allSatisfy { ["H1", "H2"].contains($0.allocation.householdId) })
        #expect(first.filter { $0.allocation.householdId == "H1" }.count == 2)
        #expect(first.allSatisfy { $0.allocation.incomeFen == 2000 })
        #expect(Set(first.map(\.traceCode)).count == 3)
        // Not shipped yet: the trace page knows nothing.
        #expect(try await supply.trace(code: first[0].traceCode) == nil)

        // 9 more parcels: the poor tier has 60 kg = 12 parcels, then the next tier.
        _ = try await orders.commit([delivery(ids[1], "B", .paid, quantity: 10, at: 10)], at: Timestamp(secondsSince1970: 3))
        let second = try await supply.allocations(of: OrderKey(platform: .douyin, shop: "douyin-shop", platformOrderId: "B"))
        #expect(second.filter { $0.allocation.householdId == "H3" }.count == 1)
        #expect(second.filter { $0.allocation.tier != second[0].allocation.tier }.count >= 1)

        // Cancelling A gives its 15 kg back exactly.
        _ = try await orders.commit([delivery(ids[2], "A", .cancelled, quantity: 3, at: 20)], at: Timestamp(secondsSince1970: 4))
        #expect(try await supply.allocations(of: key).allSatisfy { $0.state == "reversed" })
        let lots = try await supply.lots(enterpriseId: "yunlai")
        let allocatedAfter = try await supply.records(enterpriseId: "yunlai", from: nil, to: nil).filter(\.counts).reduce(Int64(0)) {
            $0 + $1.allocation.grams
        }
        #expect(allocatedAfter == 50_000)
        #expect(lots.count == 3)

        // Shipping B makes its parcels traceable; the page masks names unless agreed.
        _ = try await orders.commit([delivery(ids[3], "B", .shipped, quantity: 10, at: 30)], at: Timestamp(secondsSince1970: 5))
        let shipped = try await supply.allocations(of: OrderKey(platform: .douyin, shop: "douyin-shop", platformOrderId: "B"))
        let fromH1 = try #require(shipped.first { $0.allocation.householdId == "H1" })
        let view = try #require(try await supply.trace(code: fromH1.traceCode.lowercased()))
        #expect(view.village == "黄金村")
        #expect(view.householdName == "张**")
        #expect(view.registeredPoor)
        let fromH2 = try #require(shipped.first { $0.allocation.householdId == "H2" })
        #expect(try await supply.trace(code: fromH2.traceCode)?.householdName == "李四")
        #expect(try await supply.trace(code: "ZZZZZZZZZZ") == nil)

        // A refund after shipment keeps the household's income and flags it.
        var refunded = delivery(ids[4], "B", .shipped, quantity: 10, at: 40)
        refunded.observations[0].observation.snapshot?.lines[0].refundState = .refunded
        _ = try await orders.commit([refunded], at: Timestamp(secondsSince1970: 6))
        let afterRefund = try await supply.allocations(of: OrderKey(platform: .douyin, shop: "douyin-shop", platformOrderId: "B"))
        #expect(afterRefund.allSatisfy { $0.state == "active" && $0.refundedAfterShipment })
    }

    @Test func notEnoughSupplyOpensAnExceptionStopsTheSkuAndReRunsWhenCapacityGrows() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try SQLiteDatabase.open(path: directory.file("gateway.sqlite"), synchronous: "normal", keys: .tests)
        let inbox = SQLiteInboxStore.withRunningWriter(database: database)
        let orders = database
        let inventory = database
        let supply = database
        _ = try await inventory.seed(SQLiteInventoryStoreTests.seed, at: Timestamp(secondsSince1970: 1))
        _ = try await supply.seedSupply(households: Self.households, lots: [Self.lots[1]], policies: [:], at: Timestamp(secondsSince1970: 1))
        let ids = try await inbox.append([
            InboxDelivery(platform: .douyin, shop: "x", deliveryId: "n0", kind: .poll, receivedAt: Timestamp(secondsSince1970: 1), text: "{}")
        ]).map(\.id)
        // 20 kg of capacity, 25 kg ordered.
        _ = try await orders.commit([delivery(ids[0], "C", .paid, quantity: 5, at: 10)], at: Timestamp(secondsSince1970: 2))
        let open = try await inventory.exceptions(ExceptionQuery(status: .open, kind: .noSupply))
        #expect(open.count == 1)
        #expect(try await supply.allocations(of: open[0].order).isEmpty)
        #expect(try await inventory.pendingStockPushes().allSatisfy { $0.quantity == 0 })
        var bigger = Self.lots[1]
        bigger.capacityGrams = 30_000
        let summary = try await supply.importSupply(households: [], lots: [bigger], actor: "county", at: Timestamp(secondsSince1970: 3))
        #expect(summary.exceptionsResolved == 1)
        #expect(try await supply.allocations(of: open[0].order).count == 5)
        var smaller = Self.lots[1]
        smaller.capacityGrams = 10_000
        await #expect(throws: InventoryStoreError.self) {
            try await supply.importSupply(households: [], lots: [smaller], actor: "county", at: Timestamp(secondsSince1970: 4))
        }
    }
}
