import GatewayCore
import GatewayStorage
import Testing

@Suite struct SQLiteInventoryStoreTests {
    static let seed = MasterDataSeed(
        masterData: MasterData(
            enterprises: [Enterprise(id: "yunlai", name: "云来", allowSplit: true)],
            warehouses: [
                Warehouse(id: "changsha", enterpriseId: "yunlai", name: "长沙", regions: ["湖南"], priority: 1),
                Warehouse(id: "baojing", enterpriseId: "yunlai", name: "保靖", regions: ["*"], priority: 2),
            ],
            skus: [EnterpriseSKU(code: "PG5A", enterpriseId: "yunlai", product: "ponkan", grade: "A", netWeightGrams: 5000, title: "椪柑 5kg")],
            mappings: ["douyin-shop", "ks-shop", "pdd-shop", "tb-shop"].map {
                SkuMapping(shop: $0, platformSkuId: "sku-pg5a", platformProductId: "prod-1", components: [SkuComponent(skuCode: "PG5A")])
            }
        ),
        stock: [
            StockLevel(warehouseId: "changsha", skuCode: "PG5A", onHand: 20, safety: 0),
            StockLevel(warehouseId: "baojing", skuCode: "PG5A", onHand: 35, safety: 5),
        ]
    )

    static let shops: [(Platform, String)] = [(.douyin, "douyin-shop"), (.kuaishou, "ks-shop"), (.pinduoduo, "pdd-shop"), (.taobao, "tb-shop")]

    func delivery(
        _ inboxId: Int64,
        _ platform: Platform,
        _ shop: String,
        _ id: String,
        _ status: OrderStatus,
        sku: String = "sku-pg5a",
        at: Int64 = 10
    )
        -> ProcessedDelivery
    {
        let snapshot = OrderSnapshot(
            status: status,
            platformStatus: status.rawValue,
            totalFen: 3990,
            paidFen: 3990,
            createdAt: Timestamp(secondsSince1970: 1),
            lines: [OrderLine(lineId: "1", productId: "prod-1", skuId: sku, title: "椪柑", quantity: 1, paidFen: 3990)],
            buyer: BuyerInfo(province: id.hasSuffix("7") ? "湖南省" : "广东省")
        )
        let observation = OrderObservation(
            key: OrderKey(platform: platform, shop: shop, platformOrderId: id),
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

    func openStores(_ directory: TemporaryDirectory) throws -> (SQLiteInboxStore, SQLiteDatabase, SQLiteDatabase) {
        let database = try SQLiteDatabase.open(path: directory.file("gateway.sqlite"), synchronous: "normal", keys: .tests)
        return (SQLiteInboxStore.withRunningWriter(database: database), database, database)
    }

    func inboxIds(_ inbox: SQLiteInboxStore, count: Int, prefix: String) async throws -> [Int64] {
        try await inbox.append(
            (0..<count).map {
                InboxDelivery(
                    platform: .douyin,
                    shop: "x",
                    deliveryId: "\(prefix)-\($0)",
                    kind: .poll,
                    receivedAt: Timestamp(secondsSince1970: 1),
                    text: "{}"
                )
            }
        ).map(\.id)
    }

    @Test func lastUnitsAreReservedExactlyOnceUnderConcurrentOrdersFromSeveralPlatforms() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (inbox, orders, inventory) = try openStores(directory)
        _ = try await inventory.seed(Self.seed, at: Timestamp(secondsSince1970: 1))
        // 20 + (35 − 5 safety) = 50 units available; 200 single-unit orders race for them.
        let ids = try await inboxIds(inbox, count: 200, prefix: "race")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for batch in 0..<40 {
                group.addTask {
                    let deliveries = (0..<5).map { offset -> ProcessedDelivery in
                        let index = batch * 5 + offset
                        let (platform, shop) = Self.shops[index % Self.shops.count]
                        return delivery(ids[index], platform, shop, "6900000000000\(100_000 + index)", .paid)
                    }
                    _ = try await orders.commit(deliveries, at: Timestamp(secondsSince1970: 20))
                }
            }
            try await group.waitForAll()
        }
        let levels = try await inventory.inventory(enterpriseId: "yunlai").map(\.level)
        #expect(levels.reduce(0) { $0 + $1.reserved } == 50)
        #expect(levels.allSatisfy { $0.onHand - $0.reserved - $0.safety >= 0 })
        #expect(levels.allSatisfy { $0.available == 0 })
        let oversold = try await inventory.exceptions(ExceptionQuery(status: .open, kind: .oversold, limit: 1000))
        #expect(oversold.count == 150)
        #expect(Set(oversold.map(\.order.platform)).count == 4)
        // At the safety line every platform SKU is told 0.
        let pushes = try await inventory.pendingStockPushes()
        #expect(pushes.count == 4)
        #expect(pushes.allSatisfy { $0.quantity == 0 })
        // Replaying every delivery changes nothing (already processed).
        _ = try await orders.commit([delivery(ids[0], .douyin, "douyin-shop", "6900000000000100000", .paid)], at: Timestamp(secondsSince1970: 30))
        #expect(try await inventory.inventory(enterpriseId: nil).reduce(0) { $0 + $1.level.reserved } == 50)
    }

    @Test func unmappedSkuHoldsUntilStaffAddTheMappingThenReleasesAutomatically() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (inbox, orders, inventory) = try openStores(directory)
        _ = try await inventory.seed(Self.seed, at: Timestamp(secondsSince1970: 1))
        let ids = try await inboxIds(inbox, count: 3, prefix: "map")
        _ = try await orders.commit([delivery(ids[0], .douyin, "douyin-shop", "7001", .paid, sku: "sku-new")], at: Timestamp(secondsSince1970: 2))
        let open = try await inventory.exceptions(ExceptionQuery(status: .open))
        #expect(open.map(\.kind) == [.unmappedSku])
        #expect(open.first?.platformSkuId == "sku-new")
        #expect(try await inventory.fulfilments(of: open[0].order).map(\.state) == [.held])

        let mapping = SkuMapping(shop: "douyin-shop", platformSkuId: "sku-new", components: [SkuComponent(skuCode: "PG5A", quantity: 2)])
        let summary = try await inventory.apply(
            MasterDataSeed(masterData: MasterData(mappings: [mapping])),
            actor: "li.staff",
            at: Timestamp(secondsSince1970: 3)
        )
        #expect(summary.ordersRerun == 1)
        #expect(summary.exceptionsResolved == 1)
        #expect(try await inventory.exceptions(ExceptionQuery(status: .open)).isEmpty)
        let fulfilment = try await inventory.fulfilments(of: open[0].order)
        #expect(fulfilment.map(\.state) == [.reserved])
        #expect(fulfilment.first?.reservations.reduce(0) { $0 + $1.quantity } == 2)

        // Ship → consumed, on hand drops; cancelling afterwards gives nothing back.
        _ = try await orders.commit(
            [delivery(ids[1], .douyin, "douyin-shop", "7001", .shipped, sku: "sku-new", at: 20)],
            at: Timestamp(secondsSince1970: 4)
        )
        let total = try await inventory.inventory(enterpriseId: nil).reduce(into: (onHand: 0, reserved: 0)) {
            $0.onHand += $1.level.onHand
            $0.reserved += $1.level.reserved
        }
        #expect(total.onHand == 53 && total.reserved == 0)

        // An invalid change is refused whole.
        let bad = SkuMapping(shop: "douyin-shop", platformSkuId: "x", components: [SkuComponent(skuCode: "NOPE")])
        await #expect(throws: InventoryStoreError.self) {
            try await inventory.apply(MasterDataSeed(masterData: MasterData(mappings: [bad])), actor: "li.staff", at: Timestamp(secondsSince1970: 5))
        }
        #expect(try await inventory.masterData().mapping(shop: "douyin-shop", platformSkuId: "x") == nil)
    }

    /// A change applied on behalf of one enterprise's staff (`ownedBy`) may touch only that enterprise's rows, checked
    /// in the write transaction itself: an existing SKU or warehouse of another enterprise is refused, nothing changes.
    @Test func applyOnBehalfOfAnEnterpriseRefusesOtherEnterprisesRows() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (_, _, inventory) = try openStores(directory)
        _ = try await inventory.seed(Self.seed, at: Timestamp(secondsSince1970: 1))
        let extra = MasterData(
            enterprises: [Enterprise(id: "linyin", name: "林茵")],
            warehouses: [Warehouse(id: "empty", enterpriseId: "yunlai", name: "空仓", regions: ["*"], priority: 3)],
            skus: [EnterpriseSKU(code: "NEW", enterpriseId: "yunlai", product: "pear", grade: "A", netWeightGrams: 1000, title: "梨")]
        )
        _ = try await inventory.apply(MasterDataSeed(masterData: extra), actor: "admin", at: Timestamp(secondsSince1970: 2))
        let before = try await inventory.masterData()
        let takeovers = [
            MasterData(skus: [EnterpriseSKU(code: "NEW", enterpriseId: "linyin", product: "tea", grade: "B", netWeightGrams: 1, title: "x")]),
            MasterData(warehouses: [Warehouse(id: "empty", enterpriseId: "linyin", name: "x", regions: ["*"], priority: 1)]),
        ]
        for change in takeovers {
            await #expect(throws: InventoryStoreError.self) {
                try await inventory.apply(MasterDataSeed(masterData: change), actor: "staff", at: Timestamp(secondsSince1970: 3), ownedBy: "linyin")
            }
        }
        await #expect(throws: InventoryStoreError.self) {
            try await inventory.apply(
                MasterDataSeed(stock: [StockLevel(warehouseId: "changsha", skuCode: "PG5A", onHand: 0)]),
                actor: "staff",
                at: Timestamp(secondsSince1970: 3),
                ownedBy: "linyin"
            )
        }
        #expect(try await inventory.masterData() == before)
        // The owner's staff may still change their rows.
        let renamed = Warehouse(id: "empty", enterpriseId: "yunlai", name: "改名", regions: ["*"], priority: 3)
        _ = try await inventory.apply(
            MasterDataSeed(masterData: MasterData(warehouses: [renamed])),
            actor: "staff",
            at: Timestamp(secondsSince1970: 4),
            ownedBy: "yunlai"
        )
        #expect(try await inventory.masterData().warehouses["empty"]?.name == "改名")
    }

    @Test func resolvingAnOversoldExceptionRerunsTheOrderAndKeepsTheNote() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (inbox, orders, inventory) = try openStores(directory)
        var seed = Self.seed
        seed.stock = [StockLevel(warehouseId: "changsha", skuCode: "PG5A", onHand: 0)]
        _ = try await inventory.seed(seed, at: Timestamp(secondsSince1970: 1))
        let ids = try await inboxIds(inbox, count: 1, prefix: "over")
        _ = try await orders.commit([delivery(ids[0], .taobao, "tb-shop", "4123456789012345678", .paid)], at: Timestamp(secondsSince1970: 2))
        let exception = try #require(try await inventory.exceptions(ExceptionQuery()).first)
        #expect(exception.kind == .oversold)
        let stillOpen = try await inventory.resolveException(
            id: exception.id,
            note: "retry",
            dismiss: false,
            actor: "wang",
            at: Timestamp(secondsSince1970: 3)
        )
        #expect(!stillOpen.resolved)
        _ = try await inventory.apply(
            MasterDataSeed(stock: [StockLevel(warehouseId: "changsha", skuCode: "PG5A", onHand: 5)]),
            actor: "wang",
            at: Timestamp(secondsSince1970: 4)
        )
        // Adding stock re-ran the held order already.
        let after = try #require(try await inventory.exception(id: exception.id))
        #expect(after.status == .resolved)
        #expect(try await inventory.fulfilments(of: exception.order).map(\.state) == [.reserved])
    }
}
