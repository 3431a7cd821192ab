import Foundation
import GatewayConfig
import GatewayCore
import Testing

@Suite struct MasterDataLoaderTests {
    @Test func shippedMasterDataLoadsAndExpandsEveryShop() throws {
        let configuration = try ConfigurationLoader(environment: [:]).load(path: "config/gateway.yaml")
        let file = try #require(configuration.masterData.file)
        #expect(file.hasSuffix("config/masterdata.yaml"))
        let seed = try MasterDataLoader(shopKeys: configuration.shops.map(\.key)).load(path: file)
        #expect(seed.masterData.enterprises.keys.sorted() == ["linyin", "yunlai"])
        #expect(seed.masterData.skus["BJHJC-250G"]?.netWeightGrams == 250)
        // Every shop maps the ponkan box; kiwi is left unmapped on Yunlai's Youzan shop on purpose.
        #expect(configuration.shops.allSatisfy { seed.masterData.mapping(shop: $0.key, platformSkuId: "1786000000000000501") != nil })
        #expect(seed.masterData.mapping(shop: "yunlai-youzan", platformSkuId: "1786000000000000601") == nil)
        #expect(seed.stock.contains { $0.skuCode == "BJPG-10KG-A" && $0.safety > 0 })
        #expect(configuration.stockSync.enabled && configuration.stockSync.debounceMilliseconds == 500)
    }

    @Test func everyProblemIsReportedWithItsKey() throws {
        let yaml = """
            enterprises: [{ id: yunlai, name: 云来 }]
            warehouses: [{ id: w, enterprise: nobody, regions: [] }]
            skus: [{ code: A, enterprise: yunlai, product: ponkan, net_weight_kg: heavy }]
            mappings: [{ shops: [ghost], platform_sku: "1", sku: MISSING }]
            allocation: [{ enterprise: yunlai, tiers: [{ name: poor, registered_poor: true, max_share: 150 }] }]
            colour: blue
            """
        do {
            _ = try MasterDataLoader(shopKeys: ["real"]).parse(yaml: yaml, sourcePath: "m.yaml")
            Issue.record("bad master data was accepted")
        } catch let error as ConfigurationError {
            let keys = error.problems.map(\.key)
            #expect(keys.contains("colour"))
            #expect(keys.contains("warehouses[0].regions"))
            #expect(keys.contains("skus[0].net_weight_kg"))
            #expect(keys.contains("mappings[0].shops"))
            #expect(keys.contains("allocation[0].tiers[0].max_share"))
            #expect(error.problems.contains { $0.message.contains("unknown enterprise \"nobody\"") })
        }
    }

    @Test func shopReconciliationToleranceIsRead() throws {
        let yaml = """
            shops:
              - key: a
                platform: douyin
                enterprise: yunlai
                credentials: { app_key: "k", app_secret: "s", shop_id: "1" }
                poll: { enabled: false }
                reconciliation: { tolerance_fen: 5 }
            """
        #expect(try ConfigurationLoader(environment: [:]).parse(yaml: yaml).shops[0].reconciliationToleranceFen == 5)
        #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader(environment: [:]).parse(yaml: yaml.replacingOccurrences(of: "tolerance_fen: 5", with: "tolerance_fen: -1"))
        }
    }
}
