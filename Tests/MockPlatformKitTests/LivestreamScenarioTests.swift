import AsyncHTTPClient
import Foundation
import GatewayConfig
import MockPlatformKit
import NIOCore
import NIOHTTP1
import Testing

@Suite struct LivestreamScenarioTests {
    @Test func shippedCatalogueLoadsAndEqualsTheBuiltInOne() throws {
        let catalog = try LivestreamCatalog.load(path: "config/livestream.yaml")
        #expect(catalog.items.map(\.line.outSkuId) == LivestreamCatalog.standard.items.map(\.line.outSkuId))
        #expect(catalog.items.allSatisfy { $0.line.unitPriceFen > 0 && $0.weight > 0 })
        #expect(catalog.destinations.count >= 8)
        #expect(catalog.roomId == LivestreamCatalog.standard.roomId)
    }

    @Test func badCatalogueNamesTheEntryAndKey() throws {
        let path = NSTemporaryDirectory() + "catalog-\(UUID().uuidString).yaml"
        try "room_id: r\nauthor_id: a\nproducts:\n  - { code: X, title: T, product_id: p, sku_id: s, weight: 1 }\ndestinations: []\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = try #require(throws: MockPlatformError.self) { try LivestreamCatalog.load(path: path) }
        #expect(error.message.contains("products[0].price_fen"))
        #expect(error.message.contains("destinations"))
    }

    @Test func aSeedPlaysTheSameLivestreamAndItIsShapedLikeOne() async throws {
        let yaml = """
            shops:
              - { key: a, platform: douyin, enterprise: e, credentials: { app_key: "k", app_secret: "s", shop_id: "1" }, poll: { enabled: false } }
              - { key: b, platform: taobao, enterprise: e, credentials: { app_key: "k2", app_secret: "s2", session: "x" }, poll: { enabled: false } }
            """
        let configuration = try ConfigurationLoader(environment: [:]).parse(yaml: yaml)
        let options = LivestreamOptions(orders: 400, ratePerSecond: 100, seed: 11)
        let first = LivestreamScenario(mock: MockPlatform(configuration: configuration), options: options).plannedArrivalsForTesting()
        let second = LivestreamScenario(mock: MockPlatform(configuration: configuration), options: options).plannedArrivalsForTesting()
        #expect(first == second)
        #expect(first.count == 400)
        #expect(first == first.sorted())
        // Flash-sale spikes: the busiest tenth of the livestream takes far more than a tenth of the orders.
        let duration = options.effectiveDuration
        var buckets = Array(repeating: 0, count: 40)
        for offset in first { buckets[min(39, Int(offset / duration * 40))] += 1 }
        #expect(buckets.max()! >= 3 * (400 / 40))
        #expect(buckets.prefix(4).reduce(0, +) < 40)  // the warm-up is slower than average
    }

    @Test func douyinOrdersCanBeSeededThroughTheControlRoute() async throws {
        let yaml = """
            shops:
              - { key: a, platform: douyin, enterprise: e, credentials: { app_key: "k", app_secret: "s", shop_id: "1" }, poll: { enabled: false } }
            """
        let mock = MockPlatform(configuration: try ConfigurationLoader(environment: [:]).parse(yaml: yaml))
        let port = try await mock.start()
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/_mock/douyin/orders?shop=a&count=3")
        request.method = .POST
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        #expect(response.status == .ok)
        #expect(mock.truth().filter { $0.shop == "a" }.count == 3)
        await mock.shutdown()
    }
}
