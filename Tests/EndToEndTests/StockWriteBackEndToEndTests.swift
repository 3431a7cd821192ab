import Foundation
import GatewayConfig
import GatewayCore
import GatewayRuntime
import GatewayStorage
import GatewayTesting
import MockPlatformKit
import Testing

/// Orders from every platform reserve enterprise stock; the sellable quantities go back to every
/// platform that has a stock API through the mock's real, signature-checking endpoints; the scarce SKU
/// reaches its safety line and is set to 0 everywhere, and what still arrives becomes `oversold`.
@Suite(.serialized) struct StockWriteBackEndToEndTests {
    static let masterData = """
        enterprises:
          - { id: yunlai, name: 湘西云来农业, allow_split: true }
          - { id: linyin, name: 保靖林茵茶业 }
        warehouses:
          - { id: yl-changsha, enterprise: yunlai, regions: [湖南, 湖北, 广东], priority: 1 }
          - { id: yl-baojing, enterprise: yunlai, regions: ["*"], priority: 2 }
          - { id: ly-tea, enterprise: linyin, regions: ["*"], priority: 1 }
        skus:
          - { code: BJPG-5KG-A, enterprise: yunlai, product: ponkan, grade: A, net_weight_kg: 5 }
          - { code: BJPG-5KG-B, enterprise: yunlai, product: ponkan, grade: B, net_weight_kg: 5 }
          - { code: BJPG-10KG-A, enterprise: yunlai, product: ponkan, grade: A, net_weight_kg: 10 }
          - { code: BJPG-10KG-B, enterprise: yunlai, product: ponkan, grade: B, net_weight_kg: 10 }
          - { code: XXMHT-3KG, enterprise: yunlai, product: kiwi, grade: A, net_weight_kg: 3 }
          - { code: BJHJC-250G, enterprise: linyin, product: golden-tea, grade: 明前, net_weight_kg: 0.25 }
        mappings:
          - { shops: "*", platform_sku: "1786000000000000501", platform_product: "3656110990000000501", sku: BJPG-5KG-A }
          - { shops: "*", platform_sku: "1786000000000000502", platform_product: "3656110990000000501", sku: BJPG-5KG-B }
          - { shops: "*", platform_sku: "1786000000000000503", platform_product: "3656110990000000502", sku: BJPG-10KG-A }
          - { shops: "*", platform_sku: "1786000000000000504", platform_product: "3656110990000000502", sku: BJPG-10KG-B }
          - { shops: "*", platform_sku: "1786000000000000601", platform_product: "3656110990000000601", sku: XXMHT-3KG }
          - { shops: "*", platform_sku: "1786000000000000701", platform_product: "3656110990000000701", sku: BJHJC-250G }
        stock:
          - { warehouse: yl-changsha, sku: BJPG-5KG-A, on_hand: 500, safety: 5 }
          - { warehouse: yl-baojing, sku: BJPG-5KG-A, on_hand: 500, safety: 5 }
          - { warehouse: yl-baojing, sku: BJPG-5KG-B, on_hand: 500, safety: 5 }
          - { warehouse: yl-changsha, sku: BJPG-10KG-A, on_hand: 6, safety: 1 }
          - { warehouse: yl-baojing, sku: BJPG-10KG-A, on_hand: 8, safety: 1 }
          - { warehouse: yl-baojing, sku: BJPG-10KG-B, on_hand: 500, safety: 5 }
          - { warehouse: yl-baojing, sku: XXMHT-3KG, on_hand: 500, safety: 5 }
          - { warehouse: ly-tea, sku: BJHJC-250G, on_hand: 500, safety: 5 }
        """

    @Test func sellableStockReachesEveryPlatformAndAScarceSkuIsStoppedAtItsSafetyLine() async throws {
        let yaml =
            EndToEndHarness.allPlatformsYAML + "\nmaster_data: { file: masterdata.yaml }\nstock_sync: { enabled: true, debounce_milliseconds: 100 }\n"
        let harness = try await EndToEndHarness.startMock(poll: true, yaml: yaml)
        try Self.masterData.write(toFile: harness.directory + "/masterdata.yaml", atomically: true, encoding: .utf8)
        let (gateway, url) = try await harness.startGateway()
        let options = LivestreamOptions(orders: 160, ratePerSecond: 80, seed: 11, cancelRate: 0.1, refundRate: 0.03)
        _ = try await LivestreamScenario(mock: harness.mock, options: options).run(gatewayBaseURL: url)
        let converged = try await EndToEndHarness.eventually(seconds: 60) {
            TruthComparison.compare(truth: harness.mock.truth(), orders: try await gateway.stores.orders.orders(matching: OrderQuery(limit: 10_000)))
                .allEqual
        }
        #expect(converged)
        let inventory = gateway.stores.inventory
        // Everything the gateway wanted to push has been pushed.
        let settled = try await EndToEndHarness.eventually(seconds: 60) {  // patient: a loaded machine (CI beside builds) took over 20 s
            try await inventory.pendingStockPushes().allSatisfy { $0.shop == "yunlai-youzan" }
        }
        let pending = try await inventory.pendingStockPushes()
        #expect(settled, "pending: \(pending)")

        // The scarce 10 kg box: never more reserved or shipped than its 12 sellable units, the rest oversold.
        let scarce = try await inventory.inventory(enterpriseId: "yunlai").filter { $0.sku.code == "BJPG-10KG-A" }.map(\.level)
        #expect(scarce.allSatisfy { $0.onHand - $0.reserved - $0.safety >= 0 })
        #expect(scarce.reduce(0) { $0 + $1.available } == 0)
        let oversold = try await inventory.exceptions(ExceptionQuery(status: .open, kind: .oversold, limit: 1000))
        #expect(!oversold.isEmpty)
        #expect(oversold.allSatisfy { $0.skuCode == "BJPG-10KG-A" })

        // The mock recorded signed, accepted stock writes for every platform with a stock API.
        let levels = harness.mock.stockLevels()
        let platformsWithStockAPI: Set<String> = ["douyin", "kuaishou", "pinduoduo", "taobao", "wechat-channels"]
        let scarceLevels = levels.filter { $0.skuId == "1786000000000000503" }
        #expect(Set(scarceLevels.map(\.platform)) == platformsWithStockAPI, "\(levels)")
        #expect(scarceLevels.allSatisfy { $0.stock == 0 }, "\(scarceLevels)")
        // A plentiful SKU shows the gateway's own sellable quantity on every platform.
        let data = try await inventory.masterData()
        let book = StockBook(levels: try await inventory.inventory(enterpriseId: nil).map(\.level))
        for level in levels where level.skuId == "1786000000000000501" {
            let mapping = try #require(data.mapping(shop: level.shop, platformSkuId: "1786000000000000501"))
            #expect(level.stock == Int64(SellableQuantity.of(mapping, masterData: data, stock: book)), "\(level.platform)")
        }
        // No request (stock writes included) failed the mock's signature checks.
        let unsigned = harness.mock.requestLog().filter { !$0.signatureValid }
        #expect(unsigned.isEmpty, "\(unsigned.prefix(5))")
        await gateway.shutdown()
        await harness.cleanUp()
    }
}
