import Foundation
import GatewayCore
import GatewayRuntime
import GatewayStorage

/// Data for the exception and reconciliation browser tests, written through the stores the running gateway uses.
extension ConsoleBrowserHarness {
    static let heldOrderId = "4984023467827309700"
    static let secondOrderId = "4984023467827309611"
    static let unmappedSku = "sku-new-apple"

    /// yunlai's master data (one warehouse, one SKU with stock, no mapping for ``unmappedSku``).
    func seedMasterData() async throws {
        let seed = MasterDataSeed(
            masterData: MasterData(
                enterprises: [Enterprise(id: "yunlai", name: "云来农业", allowSplit: true)],
                warehouses: [Warehouse(id: "kunming", enterpriseId: "yunlai", name: "昆明仓", regions: ["*"], priority: 1)],
                skus: [EnterpriseSKU(code: "APPLE5", enterpriseId: "yunlai", product: "apple", grade: "A", netWeightGrams: 2500, title: "高原苹果 5斤")]
            ),
            stock: [StockLevel(warehouseId: "kunming", skuCode: "APPLE5", onHand: 50, safety: 2)]
        )
        _ = try await server.stores.inventory.apply(
            seed,
            actor: "test",
            at: Timestamp(millisecondsSince1970: Int64(Date().timeIntervalSince1970 * 1000))
        )
    }

    /// A paid order of yunlai's shop through the inbox and the order store (as the pipeline commits it).
    func commitOrder(id: String, sku: String, paidFen: Int64) async throws {
        let created = Timestamp(secondsSince1970: 1_764_400_100)
        let snapshot = OrderSnapshot(
            status: .paid,
            platformStatus: "2",
            totalFen: paidFen,
            paidFen: paidFen,
            createdAt: created,
            paidAt: created.adding(seconds: 10),
            lines: [OrderLine(lineId: "1", productId: "3600000009", skuId: sku, title: "高原苹果 5斤", quantity: 1, paidFen: paidFen)],
            buyer: BuyerInfo(maskedName: "李*", maskedPhone: "139****1234", phoneTail: "1234", province: "云南省", city: "昆明市")
        )
        let deliveryId = "detail-\(id)"
        let inboxId = try await server.stores.inbox.append([
            InboxDelivery(platform: .douyin, shop: "yunlai-douyin", deliveryId: deliveryId, kind: .push, receivedAt: created, text: "{}")
        ])[0].id
        let observation = OrderObservation(
            key: OrderKey(platform: .douyin, shop: "yunlai-douyin", platformOrderId: id),
            source: .detail,
            event: "orderDetail",
            platformUpdatedAt: created.adding(seconds: 10),
            snapshot: snapshot
        )
        _ = try await server.stores.orders.commit(
            [
                ProcessedDelivery(
                    inboxId: inboxId,
                    deliveryId: deliveryId,
                    observations: [PreparedObservation(observation: observation, rawPayload: "{}")]
                )
            ],
            at: created.adding(seconds: 11)
        )
    }

    /// Master data, a platform SKU `sku` mapped to `APPLE5`, one household's 100 kg apple lot, and a paid order `id` of
    /// it: the order's line is reserved and allocated to the household. - Returns: the order and its parcel's trace code.
    func seedAllocatedOrder(id: String, sku: String, household: Household, lotId: String) async throws -> (OrderKey, String) {
        let stores = server.stores
        let now = Timestamp(millisecondsSince1970: Int64(Date().timeIntervalSince1970 * 1000))
        try await seedMasterData()
        _ = try await stores.inventory.seed(
            MasterDataSeed(
                masterData: MasterData(mappings: [
                    SkuMapping(shop: "yunlai-douyin", platformSkuId: sku, components: [SkuComponent(skuCode: "APPLE5")])
                ])
            ),
            at: now
        )
        let lot = SupplyLot(
            id: lotId,
            householdId: household.id,
            enterpriseId: "yunlai",
            product: "apple",
            grade: "A",
            capacityGrams: 100_000,
            priceFenPerKg: 600,
            harvestDate: "2026-10-20"
        )
        _ = try await stores.supply.seedSupply(households: [household], lots: [lot], policies: [:], at: now)
        try await commitOrder(id: id, sku: sku, paidFen: 3990)
        let key = OrderKey(platform: .douyin, shop: "yunlai-douyin", platformOrderId: id)
        guard let code = try await stores.supply.allocations(of: key).first?.traceCode else {
            throw HarnessError("order \(id) got no parcel")
        }
        return (key, code)
    }
}

/// A harness set-up that did not work.
struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
