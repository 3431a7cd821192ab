import GatewayCore
import GatewayStorage
import Testing

/// Pick lists, packing views and parcel labels read from a real SQLite file (``SQLiteDatabase`` as ``PackingStore``),
/// over orders committed the way the pipeline commits them.
@Suite struct SQLitePackingStoreTests {
    /// 2025-11-29 in Beijing (07:06 UTC).
    static let day = "2025-11-29"
    static let daySeconds: Int64 = 1_764_400_010
    static let shop = "douyin-shop"

    static let seed = MasterDataSeed(
        masterData: MasterData(
            enterprises: [Enterprise(id: "yunlai", name: "云来")],
            warehouses: [
                Warehouse(id: "changsha", enterpriseId: "yunlai", name: "长沙", regions: ["*"], priority: 1),
                Warehouse(id: "jishou", enterpriseId: "yunlai", name: "吉首", regions: ["*"], priority: 2),
            ],
            skus: [
                EnterpriseSKU(code: "PG5A", enterpriseId: "yunlai", product: "ponkan", grade: "A", netWeightGrams: 5000, title: "椪柑 5kg"),
                EnterpriseSKU(code: "KIWI3", enterpriseId: "yunlai", product: "kiwi", grade: "B", netWeightGrams: 3000, title: "猕猴桃 3kg"),
            ],
            mappings: [
                SkuMapping(shop: shop, platformSkuId: "sku-pg5a", components: [SkuComponent(skuCode: "PG5A")]),
                SkuMapping(shop: shop, platformSkuId: "sku-kiwi", components: [SkuComponent(skuCode: "KIWI3")]),
            ]
        ),
        stock: [
            StockLevel(warehouseId: "changsha", skuCode: "PG5A", onHand: 100, safety: 0),
            StockLevel(warehouseId: "changsha", skuCode: "KIWI3", onHand: 100, safety: 0),
        ]
    )
    static let households = [
        Household(id: "H1", name: "张三", village: "黄金村", registeredPoor: true, members: 4),
        Household(id: "H2", name: "李四", village: "夯沙村", registeredPoor: true, members: 3, showName: true),
    ]
    static let lots = [
        SupplyLot(
            id: "L1",
            householdId: "H1",
            enterpriseId: "yunlai",
            product: "ponkan",
            grade: "A",
            capacityGrams: 200_000,
            priceFenPerKg: 400,
            harvestDate: "2026-11-20"
        ),
        SupplyLot(
            id: "L2",
            householdId: "H2",
            enterpriseId: "yunlai",
            product: "ponkan",
            grade: "A",
            capacityGrams: 200_000,
            priceFenPerKg: 400,
            harvestDate: "2026-11-21"
        ),
    ]

    struct World {
        let directory: TemporaryDirectory
        let database: SQLiteDatabase
        let inbox: SQLiteInboxStore
        let orders: SQLiteDatabase
        var next = 0

        static func make() async throws -> World {
            let directory = try TemporaryDirectory()
            let database = try SQLiteDatabase.open(path: directory.file("gateway.sqlite"), synchronous: "normal", keys: .tests)
            _ = try await database.seed(SQLitePackingStoreTests.seed, at: Timestamp(secondsSince1970: 1))
            _ = try await database.seedSupply(
                households: SQLitePackingStoreTests.households,
                lots: SQLitePackingStoreTests.lots,
                policies: [:],
                at: Timestamp(secondsSince1970: 1)
            )
            return World(
                directory: directory,
                database: database,
                inbox: SQLiteInboxStore(database: database, startingWriter: true),
                orders: database
            )
        }

        /// Commits a snapshot of order `id`, paid `paidDayOffset` days after ``SQLitePackingStoreTests/day``.
        mutating func commit(
            _ id: String,
            _ status: OrderStatus,
            paidDayOffset: Int64 = 0,
            at seconds: Int64,
            _ lines: [(id: String, sku: String, quantity: Int)],
            refund: RefundState = .none
        ) async throws {
            next += 1
            let inboxId = try await inbox.append([
                InboxDelivery(
                    platform: .douyin,
                    shop: SQLitePackingStoreTests.shop,
                    deliveryId: "packing-\(next)",
                    kind: .poll,
                    receivedAt: Timestamp(secondsSince1970: seconds),
                    text: "{}"
                )
            ])[0].id
            let paid = SQLitePackingStoreTests.daySeconds + paidDayOffset * 86_400
            let snapshot = OrderSnapshot(
                status: status,
                platformStatus: status.rawValue,
                totalFen: 3990,
                paidFen: 3990,
                createdAt: Timestamp(secondsSince1970: paid - 60),
                paidAt: Timestamp(secondsSince1970: paid),
                lines: lines.map {
                    var line = OrderLine(
                        lineId: $0.id,
                        productId: "prod",
                        skuId: $0.sku,
                        title: "title-\($0.sku)",
                        quantity: $0.quantity,
                        paidFen: 1000
                    )
                    line.refundState = refund
                    return line
                },
                buyer: BuyerInfo(province: "湖南省")
            )
            let observation = OrderObservation(
                key: SQLitePackingStoreTests.key(id),
                source: .poll,
                event: status.rawValue,
                platformUpdatedAt: Timestamp(secondsSince1970: seconds),
                snapshot: snapshot
            )
            _ = try await orders.commit(
                [
                    ProcessedDelivery(
                        inboxId: inboxId,
                        deliveryId: "packing-\(next)",
                        observations: [PreparedObservation(observation: observation, rawPayload: "{}")]
                    )
                ],
                at: Timestamp(secondsSince1970: seconds)
            )
        }
    }

    static func key(_ id: String) -> OrderKey { OrderKey(platform: .douyin, shop: shop, platformOrderId: id) }

    /// A: today, ponkan ×2 and kiwi ×1; B: yesterday (backlog), ponkan ×1; C: tomorrow; D: shipped; E: cancelled;
    /// F: refunded line.
    static func world() async throws -> World {
        var world = try await World.make()
        try await world.commit("A", .paid, at: 10, [("1", "sku-pg5a", 2), ("2", "sku-kiwi", 1)])
        try await world.commit("B", .paid, paidDayOffset: -1, at: 11, [("1", "sku-pg5a", 1)])
        try await world.commit("C", .paid, paidDayOffset: 1, at: 12, [("1", "sku-pg5a", 4)])
        try await world.commit("D", .paid, at: 13, [("1", "sku-pg5a", 1)])
        try await world.commit("D", .shipped, at: 14, [("1", "sku-pg5a", 1)])
        try await world.commit("E", .paid, at: 15, [("1", "sku-kiwi", 7)])
        try await world.commit("E", .cancelled, at: 16, [("1", "sku-kiwi", 7)])
        try await world.commit("F", .paid, at: 17, [("1", "sku-kiwi", 5)])
        try await world.commit("F", .paid, at: 18, [("1", "sku-kiwi", 5)], refund: .refunded)
        return world
    }

    @Test func thePickListGroupsTheDaysAndTheBacklogsReservedLinesBySkuAndGrade() async throws {
        let world = try await Self.world()
        defer { world.directory.remove() }
        let list = try await world.database.pickList(warehouseId: "changsha", day: Self.day)
        #expect(list.rows.map(\.skuCode) == ["KIWI3", "PG5A"])
        let kiwi = try #require(list.rows.first { $0.skuCode == "KIWI3" })
        #expect(kiwi.grade == "B")
        #expect(kiwi.title == "猕猴桃 3kg")
        #expect(kiwi.quantity == 1)
        #expect(kiwi.orders.map(\.order) == [Self.key("A")])
        let ponkan = try #require(list.rows.first { $0.skuCode == "PG5A" })
        #expect(ponkan.grade == "A")
        #expect(ponkan.quantity == 3)
        // The backlog (B, paid the day before) comes first and is marked; C (the next day), D (shipped) are not on it.
        #expect(ponkan.orders.map(\.order) == [Self.key("B"), Self.key("A")])
        #expect(ponkan.orders.map { $0.isBacklog(on: Self.day) } == [true, false])
        #expect(ponkan.orders.map(\.day) == ["2025-11-28", Self.day])
        #expect(list.totalQuantity == 4)
        #expect(Set(list.orders) == [Self.key("A"), Self.key("B")])

        // The next day's list has C as well, and A, B as backlog.
        let tomorrow = try await world.database.pickList(warehouseId: "changsha", day: "2025-11-30")
        #expect(tomorrow.rows.first { $0.skuCode == "PG5A" }?.quantity == 7)
        // Another warehouse has nothing reserved.
        #expect(try await world.database.pickList(warehouseId: "jishou", day: Self.day).rows.isEmpty)
        #expect(try await world.database.pickList(warehouseId: "nowhere", day: Self.day).rows.isEmpty)
    }

    @Test func thePackingViewShowsLinesReservationsAndParcelsWithHouseholds() async throws {
        let world = try await Self.world()
        defer { world.directory.remove() }
        let view = try #require(try await world.database.packingOrder(Self.key("A")))
        #expect(view.status == .paid)
        #expect(view.lines.map(\.lineId) == ["1", "2"])
        #expect(view.lines.map(\.quantity) == [2, 1])
        #expect(view.lines.allSatisfy { $0.fulfilment == .reserved })
        #expect(view.lines[0].reservations == [StockReservation(warehouseId: "changsha", skuCode: "PG5A", quantity: 2)])
        #expect(view.warehouseIds == ["changsha"])
        // Two ponkan parcels of 5 kg; kiwi has no supply lots.
        #expect(view.parcels.count == 2)
        #expect(view.parcels.allSatisfy { $0.skuCode == "PG5A" && $0.grams == 5000 && $0.isPrintable })
        #expect(view.parcels.map(\.parcelIndex) == [0, 1])
        for parcel in view.parcels {
            #expect(TraceCode.isWellFormed(parcel.traceCode))
            let household = try #require(Self.households.first { $0.id == parcel.householdId })
            #expect(parcel.village == household.village)
            #expect(parcel.householdPublicName == household.publicName)
        }
        #expect(try await world.database.packingOrder(Self.key("missing")) == nil)
    }

    @Test func labelsCarryTheProduceAndTheHouseholdOnlyAsItAgreedToBeShown() async throws {
        let world = try await Self.world()
        defer { world.directory.remove() }
        let parcels = try await world.database.parcelLabels(of: Self.key("A"))
        #expect(parcels.count == 2)
        let first = try #require(parcels.first)
        let label = try #require(try await world.database.parcelLabel(traceCode: first.traceCode.lowercased()))
        #expect(label == first)
        #expect(label.productTitle == "椪柑 5kg")
        #expect(label.grade == "A")
        #expect(label.product == "ponkan")
        #expect(label.enterpriseId == "yunlai")
        #expect(label.harvestDate.hasPrefix("2026-11-2"))
        var everyParcel: [ParcelLabel] = []
        for id in ["A", "B", "C", "D"] { everyParcel += try await world.database.parcelLabels(of: Self.key(id)) }
        // Both households supplied parcels: H1 did not agree to its name (masked), H2 did (shown).
        #expect(Set(everyParcel.map(\.householdId)) == ["H1", "H2"])
        for parcel in everyParcel {
            #expect(parcel.householdPublicName == (parcel.householdId == "H1" ? "张**" : "李四"))
        }
        #expect(label.traceURL(base: "https://trace.example.cn/") == "https://trace.example.cn/trace/\(label.traceCode)")
        #expect(try await world.database.parcelLabel(traceCode: "not a code") == nil)
        #expect(try await world.database.parcelLabel(traceCode: "0000000000") == nil)
    }

    @Test func aCancelledOrdersParcelsAreNotPrintableAndPickListLabelsFollowTheList() async throws {
        var world = try await Self.world()
        defer { world.directory.remove() }
        try await world.commit("G", .paid, at: 20, [("1", "sku-pg5a", 1)])
        let before = try await world.database.parcelLabels(of: Self.key("G"))
        #expect(before.count == 1 && before.allSatisfy { $0.isPrintable })
        try await world.commit("G", .cancelled, at: 21, [("1", "sku-pg5a", 1)])
        let after = try await world.database.parcelLabels(of: Self.key("G"))
        #expect(after.map(\.traceCode) == before.map(\.traceCode))
        #expect(after.allSatisfy { !$0.isPrintable })

        // The pick list's labels: B's parcel (backlog) first, then A's two; none of C, D or G.
        let labels = try await world.database.parcelLabels(warehouseId: "changsha", day: Self.day)
        #expect(labels.map(\.order) == [Self.key("B"), Self.key("A"), Self.key("A")])
        #expect(labels.allSatisfy { $0.isPrintable })
        #expect(try await world.database.parcelLabels(warehouseId: "jishou", day: Self.day).isEmpty)
    }
}
