import AsyncHTTPClient
import GatewayConnectors
import GatewayCore
import GatewayPipeline
import GatewayStorage
import GatewayTesting
import Logging
import MockPlatformKit
import NIOCore
import Testing

/// The mock platform with one Kuaishou shop, a ``KuaishouConnector`` that calls it over real HTTP, and a
/// SQLite inventory whose one platform SKU starts with a sellable quantity of 50.
struct KuaishouStockFixture {
    static let shopKey = "yunlai-kuaishou"
    static let itemId = "22176000000000901"
    static let skuId = "10089000000000901"
    static let yaml = """
        \(TestGatewayYAML.serverAndStorage(database: "STORAGE", dataKeys: EndToEndHarness.dataKeySpec))
        \(TestGatewayYAML.shops([.yunlaiKuaishou], apiBase: "API_BASE", poll: "{ enabled: POLL }"))
        """

    let harness: EndToEndHarness
    let shop: KuaishouShopMock
    let connector: KuaishouConnector
    let inventory: SQLiteDatabase
    let writeBack: StockWriteBack

    /// Starts everything.
    /// - Parameters:
    ///   - timeout: the connector's HTTP timeout.
    ///   - platformStock: the SKU's stock on the platform before the gateway's first push.
    static func start(timeout: TimeAmount = .seconds(10), platformStock: Int64 = 0) async throws -> KuaishouStockFixture {
        let harness = try await EndToEndHarness.startMock(poll: false, yaml: yaml)
        let shop = try #require(harness.mock.kuaishou(shop: shopKey))
        shop.setStock(itemId: itemId, skuId: skuId, stock: platformStock)
        let logger = Logger(label: "kuaishou-stock-test")
        let api = KuaishouAPIClient(
            baseURL: harness.mockURL,
            appKey: "ks-e2e-app",
            signSecret: "ks-e2e-sign-secret",
            appSecret: "ks-e2e-secret",
            transport: .asyncHTTPClient(HTTPClient.shared, timeout: timeout, logger: logger),
            limiter: RateLimiter(ratePerSecond: 1000, burst: 1000),
            retry: RetryPolicy(maxAttempts: 3, baseDelayMilliseconds: 10, maxDelayMilliseconds: 50),
            clock: GatewayClock.system
        )
        let connector = KuaishouConnector(shop: shopKey, api: api)
        let database = try SQLiteDatabase.open(
            path: harness.directory + "/inventory.sqlite",
            synchronous: "normal",
            keys: try EndToEndHarness.dataKeys
        )
        let inventory = database
        let seed = MasterDataSeed(
            masterData: MasterData(
                enterprises: [Enterprise(id: "yunlai", name: "云来", allowSplit: true)],
                warehouses: [Warehouse(id: "baojing", enterpriseId: "yunlai", name: "保靖", regions: ["*"], priority: 1)],
                skus: [EnterpriseSKU(code: "PG10A", enterpriseId: "yunlai", product: "ponkan", grade: "A", netWeightGrams: 10_000, title: "椪柑 10kg")],
                mappings: [SkuMapping(shop: shopKey, platformSkuId: skuId, platformProductId: itemId, components: [SkuComponent(skuCode: "PG10A")])]
            ),
            stock: [StockLevel(warehouseId: "baojing", skuCode: "PG10A", onHand: 50, safety: 0)]
        )
        _ = try await inventory.seed(seed, at: Timestamp(secondsSince1970: 1))
        let clock = AdvancingClock()
        let writeBack = StockWriteBack(
            inventory: inventory,
            connectors: [shopKey: connector],
            clock: { clock.next() },
            logger: logger
        )
        return KuaishouStockFixture(harness: harness, shop: shop, connector: connector, inventory: inventory, writeBack: writeBack)
    }

    /// The SKU's stock on the platform now.
    var platformStock: Int64? {
        shop.stockLevels().first { $0.productId == Self.itemId && $0.skuId == Self.skuId }?.stock
    }

    /// Someone other than the gateway sets the platform's stock.
    func setPlatformStock(_ stock: Int64) {
        shop.setStock(itemId: Self.itemId, skuId: Self.skuId, stock: stock)
    }

    /// Sets the enterprise's stock on hand (the sellable quantity follows; safety is 0).
    func setOnHand(_ onHand: Int) async throws {
        let change = MasterDataSeed(stock: [StockLevel(warehouseId: "baojing", skuCode: "PG10A", onHand: onHand, safety: 0)])
        _ = try await inventory.apply(change, actor: "test", at: Timestamp(secondsSince1970: 2))
    }

    /// Stops the mock and removes the files.
    func cleanUp() async {
        await harness.cleanUp()
    }
}
