import GatewayCore
import GatewayPipeline
import GatewayStorage
import GatewayTesting
import Testing

/// The pipeline through the in-memory stores sees what the SQLite store does: the same ``OrderLifecycle`` reserves
/// stock, allocates parcels to households with trace codes, and gives them back on a cancel.
@Suite struct InboxProcessorFulfilmentTests {
    static let masterData = MasterData(
        enterprises: [Enterprise(id: "yunlai", name: "云来", allowSplit: true)],
        warehouses: [Warehouse(id: "yl", enterpriseId: "yunlai", name: "保靖仓", regions: ["*"], priority: 1)],
        skus: [EnterpriseSKU(code: "PG5A", enterpriseId: "yunlai", product: "ponkan", grade: "A", netWeightGrams: 5000, title: "椪柑 5kg")],
        mappings: [SkuMapping(shop: "s", platformSkuId: "ponkan-5kg", platformProductId: "p", components: [SkuComponent(skuCode: "PG5A")])]
    )

    func push(_ text: String, id: String) -> InboxDelivery {
        InboxDelivery(platform: .douyin, shop: "s", deliveryId: id, kind: .push, receivedAt: Timestamp(secondsSince1970: 1), text: text)
    }

    @Test func aPaidPushReservesAndAllocatesAndACancelGivesItBack() async throws {
        let stores = InMemoryStores(
            masterData: Self.masterData,
            stock: StockBook(levels: [StockLevel(warehouseId: "yl", skuCode: "PG5A", onHand: 5)])
        )
        await stores.addSupply(
            households: [Household(id: "h1", name: "向", village: "夯沙村", registeredPoor: true, members: 4)],
            lots: [
                SupplyLot(
                    id: "lot1",
                    householdId: "h1",
                    enterpriseId: "yunlai",
                    product: "ponkan",
                    grade: "A",
                    capacityGrams: 50_000,
                    priceFenPerKg: 600,
                    harvestDate: "1970-01-01"
                )
            ]
        )
        let connector = FakeConnector(shop: "s")
        let processor = InboxProcessor(inbox: stores, orders: stores, connectors: ["s": connector], clock: { Timestamp(secondsSince1970: 100) })
        let key = OrderKey(platform: .douyin, shop: "s", platformOrderId: "o1")

        _ = try await stores.append([push("o1|paid|20|full", id: "m1")])
        #expect(try await processor.drain() == 1)
        var state = await stores.lifecycle
        #expect(state.fulfilments[key]?["1"]?.state == .reserved)
        #expect(state.stock.level(StockKey(warehouseId: "yl", skuCode: "PG5A"))?.reserved == 1)
        let parcels = state.activeParcels(key, line: "1")
        #expect(parcels.count == 1)
        #expect(parcels.first.map { TraceCode.isWellFormed($0.traceCode) } == true)
        #expect(parcels.first?.allocation.householdId == "h1")
        #expect(state.lotAllocatedGrams["lot1"] == 5_000)

        _ = try await stores.append([push("o1|cancelled|30|full", id: "m2")])
        #expect(try await processor.drain() == 1)
        state = await stores.lifecycle
        #expect(state.fulfilments[key]?["1"]?.state == .released)
        #expect(state.stock.level(StockKey(warehouseId: "yl", skuCode: "PG5A"))?.reserved == 0)
        #expect(state.activeParcels(key, line: "1").isEmpty)
        #expect(state.lotAllocatedGrams["lot1"] == 0)
    }
}
