import GRDB
import GatewayCore
import GatewayStorage

/// Stores over a real SQLite file with ponkan (with farmer supply lots) and kiwi (without) mapped for one
/// Douyin shop, committing order snapshots the way the pipeline does (issue #11 tests).
enum FulfilmentStores {
    /// Ponkan (with farmer supply lots) and kiwi (without), both mapped for one Douyin shop.
    static let seed = MasterDataSeed(
        masterData: MasterData(
            enterprises: [Enterprise(id: "yunlai", name: "云来", allowSplit: true)],
            warehouses: [Warehouse(id: "changsha", enterpriseId: "yunlai", name: "长沙", regions: ["*"], priority: 1)],
            skus: [
                EnterpriseSKU(code: "PG5A", enterpriseId: "yunlai", product: "ponkan", grade: "A", netWeightGrams: 5000, title: "椪柑 5kg"),
                EnterpriseSKU(code: "KIWI3", enterpriseId: "yunlai", product: "kiwi", grade: "A", netWeightGrams: 3000, title: "猕猴桃 3kg"),
            ],
            mappings: [
                SkuMapping(shop: "douyin-shop", platformSkuId: "sku-pg5a", platformProductId: "prod-1", components: [SkuComponent(skuCode: "PG5A")]),
                SkuMapping(shop: "douyin-shop", platformSkuId: "sku-kiwi", platformProductId: "prod-2", components: [SkuComponent(skuCode: "KIWI3")]),
            ]
        ),
        stock: [
            StockLevel(warehouseId: "changsha", skuCode: "PG5A", onHand: 100, safety: 0),
            StockLevel(warehouseId: "changsha", skuCode: "KIWI3", onHand: 100, safety: 0),
        ]
    )

    struct Stores {
        let database: SQLiteDatabase
        let inbox: SQLiteInboxStore
        let orders: SQLiteDatabase
        let inventory: SQLiteDatabase
        let supply: SQLiteDatabase
        var next = 0

        /// Commits one snapshot of order `id` with the given lines, as the pipeline would.
        mutating func commit(
            _ id: String,
            _ status: OrderStatus,
            at seconds: Int64,
            _ lines: [(id: String, sku: String, quantity: Int)],
            refund: RefundState = .none,
            refundedAfterShipment: Bool = false
        ) async throws {
            next += 1
            let inboxId = try await inbox.append([
                InboxDelivery(
                    platform: .douyin,
                    shop: "douyin-shop",
                    deliveryId: "line-identity-\(next)",
                    kind: .poll,
                    receivedAt: Timestamp(secondsSince1970: seconds),
                    text: "{}"
                )
            ])[0].id
            let snapshot = OrderSnapshot(
                status: status,
                platformStatus: status.rawValue,
                totalFen: 3990,
                paidFen: 3990,
                createdAt: Timestamp(secondsSince1970: 1_764_400_000),
                paidAt: Timestamp(secondsSince1970: 1_764_400_010),
                lines: lines.map {
                    var line = OrderLine(lineId: $0.id, productId: "prod", skuId: $0.sku, title: $0.sku, quantity: $0.quantity, paidFen: 1000)
                    line.refundState = refund
                    line.refundedAfterShipment = refundedAfterShipment
                    return line
                },
                buyer: BuyerInfo(province: "湖南省")
            )
            let observation = OrderObservation(
                key: FulfilmentStores.key(id),
                source: .poll,
                event: status.rawValue,
                platformUpdatedAt: Timestamp(secondsSince1970: seconds),
                snapshot: snapshot
            )
            let delivery = ProcessedDelivery(
                inboxId: inboxId,
                deliveryId: "line-identity-\(next)",
                observations: [PreparedObservation(observation: observation, rawPayload: "{}")]
            )
            _ = try await orders.commit([delivery], at: Timestamp(secondsSince1970: seconds))
        }

        func reserved(_ sku: String) async throws -> Int {
            try await inventory.inventory(enterpriseId: "yunlai").filter { $0.level.skuCode == sku }.reduce(0) { $0 + $1.level.reserved }
        }

        func onHand(_ sku: String) async throws -> Int {
            try await inventory.inventory(enterpriseId: "yunlai").filter { $0.level.skuCode == sku }.reduce(0) { $0 + $1.level.onHand }
        }

        /// Active parcels of an order, by line.
        func activeParcels(_ id: String) async throws -> [String: Int] {
            var parcels: [String: Int] = [:]
            for stored in try await supply.allocations(of: FulfilmentStores.key(id)) where stored.state == "active" {
                parcels[stored.lineId, default: 0] += 1
            }
            return parcels
        }

        /// Grams allocated on the supply lots, as stored (must equal the active parcels' grams).
        func lotGrams() async throws -> Int64 {
            try await database.reader.read { db in try Int64.fetchOne(db, sql: "SELECT sum(allocated_grams) FROM supply_lots") ?? 0 }
        }
    }

    static func key(_ id: String) -> OrderKey { OrderKey(platform: .douyin, shop: "douyin-shop", platformOrderId: id) }

    static func open(_ directory: TemporaryDirectory) async throws -> Stores {
        let database = try SQLiteDatabase.open(path: directory.file("gateway.sqlite"), synchronous: "normal", keys: .tests)
        let stores = Stores(
            database: database,
            inbox: SQLiteInboxStore.withRunningWriter(database: database),
            orders: database,
            inventory: database,
            supply: database
        )
        _ = try await stores.inventory.seed(Self.seed, at: Timestamp(secondsSince1970: 1))
        _ = try await stores.supply.seedSupply(
            households: SQLiteSupplyStoreTests.households,
            lots: SQLiteSupplyStoreTests.lots,
            policies: [:],
            at: Timestamp(secondsSince1970: 1)
        )
        return stores
    }
}
