import AsyncHTTPClient
import Foundation
import GatewayConnectors
import GatewayCore
import GatewayPipeline
import GatewayRuntime
import GatewayStorage
import GatewayTesting
import Logging
import MockPlatformKit
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import Testing

/// One platform's shop on a real mock and a real gateway (SQLite file), with master data so that paid orders reserve
/// stock, and the helpers the shipment write-back end-to-end tests share: place a paid order, record a shipment through
/// the staff API, drive the write-back outbox, read the truth.
struct ShipmentFixture {
    /// The shop under test per platform (Youzan with the `access_token` credential its ship call needs).
    static func shop(_ platform: String) -> TestShop? {
        switch platform {
        case "douyin": .yunlaiDouyin
        case "kuaishou": .yunlaiKuaishou
        case "pinduoduo": .yunlaiPinduoduo
        case "taobao": .linyinTaobao
        case "wechat-channels": .linyinWeChat
        case "youzan":
            TestShop(
                key: "yunlai-youzan",
                platform: "youzan",
                enterprise: "yunlai",
                credentials: #"{ client_id: "yz-e2e-client", client_secret: "yz-e2e-secret", access_token: "yz-e2e-token" }"#,
                poll: "{ enabled: false }"
            )
        default: nil
        }
    }

    /// Two SKUs per enterprise, each with 100 units in one warehouse.
    static let masterData = """
        enterprises:
          - { id: yunlai, name: 湘西云来农业 }
          - { id: linyin, name: 保靖林茵茶业 }
        warehouses:
          - { id: yl-baojing, enterprise: yunlai, regions: ["*"], priority: 1 }
          - { id: ly-tea, enterprise: linyin, regions: ["*"], priority: 1 }
        skus:
          - { code: BJPG-5KG-A, enterprise: yunlai, product: ponkan, grade: A, net_weight_kg: 5 }
          - { code: XXMHT-3KG, enterprise: yunlai, product: kiwi, grade: A, net_weight_kg: 3 }
          - { code: BJHJC-250G, enterprise: linyin, product: golden-tea, grade: 明前, net_weight_kg: 0.25 }
          - { code: BJHJC-500G, enterprise: linyin, product: golden-tea, grade: 明前, net_weight_kg: 0.5 }
        mappings:
          - { shops: "*", platform_sku: "1786000000000000501", platform_product: "3656110990000000501", sku: BJPG-5KG-A }
          - { shops: "*", platform_sku: "1786000000000000601", platform_product: "3656110990000000601", sku: XXMHT-3KG }
          - { shops: "*", platform_sku: "1786000000000000701", platform_product: "3656110990000000701", sku: BJHJC-250G }
          - { shops: "*", platform_sku: "1786000000000000702", platform_product: "3656110990000000701", sku: BJHJC-500G }
        stock:
          - { warehouse: yl-baojing, sku: BJPG-5KG-A, on_hand: 100, safety: 0 }
          - { warehouse: yl-baojing, sku: XXMHT-3KG, on_hand: 100, safety: 0 }
          - { warehouse: ly-tea, sku: BJHJC-250G, on_hand: 100, safety: 0 }
          - { warehouse: ly-tea, sku: BJHJC-500G, on_hand: 100, safety: 0 }
        """

    /// A two-line order: line A of 2 units, line B of 1 unit, from the shop's enterprise's SKUs.
    static func lines(enterprise: String) -> [MockLineSpec] {
        if enterprise == "linyin" {
            return [
                MockLineSpec(
                    productId: "3656110990000000701",
                    skuId: "1786000000000000701",
                    outSkuId: "BJHJC-250G",
                    title: "保靖黄金茶 250g",
                    quantity: 2,
                    unitPriceFen: 8800
                ),
                MockLineSpec(
                    productId: "3656110990000000701",
                    skuId: "1786000000000000702",
                    outSkuId: "BJHJC-500G",
                    title: "保靖黄金茶 500g",
                    quantity: 1,
                    unitPriceFen: 16800
                ),
            ]
        }
        return [
            MockLineSpec(
                productId: "3656110990000000501",
                skuId: "1786000000000000501",
                outSkuId: "BJPG-5KG-A",
                title: "保靖椪柑 5kg 特级",
                quantity: 2,
                unitPriceFen: 3990
            ),
            MockLineSpec(
                productId: "3656110990000000601",
                skuId: "1786000000000000601",
                outSkuId: "XXMHT-3KG",
                title: "湘西猕猴桃 3kg",
                quantity: 1,
                unitPriceFen: 4590
            ),
        ]
    }

    let harness: EndToEndHarness
    let gateway: GatewayServer
    let url: String
    let testShop: TestShop
    let shop: any MockShop
    let platform: Platform
    let store: any ShipmentStore
    /// A second sender on the gateway's database (beside the gateway's own, which runs every second).
    let sender: ShipmentWriteBackSender
    /// A sender whose clock runs an hour ahead, used only while the write-back driven is an unknown outcome: the read-back
    /// the real senders would make after the 30 s back-off, made now. (Nothing else is in flight then: the flows run one
    /// write-back at a time, so its one-hour lease-taking cannot steal another sender's send.)
    let lateSender: ShipmentWriteBackSender

    /// Starts a mock and a gateway holding one shop of `platform`.
    static func start(_ platformName: String) async throws -> ShipmentFixture {
        let testShop = try #require(shop(platformName))
        let yaml = """
            \(TestGatewayYAML.serverAndStorage(database: "STORAGE", dataKeys: EndToEndHarness.dataKeySpec))
            pipeline: { batch_size: 64, idle_milliseconds: 10, detail_concurrency: 4, max_attempts: 3 }
            \(TestGatewayYAML.shops([testShop], apiBase: "API_BASE", poll: "{ enabled: POLL, interval_seconds: 0.3, settle_seconds: 2 }"))
            master_data: { file: masterdata.yaml }
            stock_sync: { enabled: false }
            """
        let harness = try await EndToEndHarness.startMock(poll: true, yaml: yaml)
        try masterData.write(toFile: harness.directory + "/masterdata.yaml", atomically: true, encoding: .utf8)
        let (gateway, url) = try await harness.startGateway()
        let mockShop = try #require(harness.mock.shops.first { $0.shopKey == testShop.key })
        let store = try #require(gateway.stores.shipments)
        let sender = ShipmentWriteBackSender(store: store, connectors: gateway.registry.connectors, logger: Logger(label: "e2e-shipping"))
        let lateSender = ShipmentWriteBackSender(
            store: store,
            connectors: gateway.registry.connectors,
            clock: { SystemClock.now().adding(seconds: 3600) },
            logger: Logger(label: "e2e-shipping-late")
        )
        return ShipmentFixture(
            harness: harness,
            gateway: gateway,
            url: url,
            testShop: testShop,
            shop: mockShop,
            platform: try #require(Platform(rawValue: platformName)),
            store: store,
            sender: sender,
            lateSender: lateSender
        )
    }

    func stop() async {
        await gateway.shutdown()
        await harness.cleanUp()
    }

    /// Places and pays a two-line order on the mock and waits until the gateway holds it paid with its stock reserved.
    /// - Returns: the order's key and its lines as the gateway knows them.
    func paidOrder() async throws -> (key: OrderKey, lines: [OrderLine]) {
        let placed = try shop.placeOrder(
            lines: Self.lines(enterprise: testShop.enterprise),
            postageFen: 0,
            roomId: nil,
            authorId: nil,
            province: "湖南省",
            city: "长沙市",
            at: Date()
        )
        let paid = try shop.payOrder(orderId: placed.orderId, at: Date())
        for push in [placed.push, paid].compactMap({ $0 }) {
            let result = try await shop.deliver([push], to: url, timeout: .seconds(20))
            #expect(result.acknowledged, "\(push.id): \(result.status) \(result.body)")
        }
        let key = OrderKey(platform: platform, shop: testShop.key, platformOrderId: placed.orderId)
        var lines: [OrderLine] = []
        let reserved = try await EndToEndHarness.eventually(seconds: 30) {
            guard let order = try await gateway.stores.orders.order(key), order.status == .paid, order.lines.count == 2 else { return false }
            let fulfilments = try await gateway.stores.inventory.fulfilments(of: key)
            lines = order.lines
            return fulfilments.count == 2 && fulfilments.allSatisfy { $0.state == .reserved }
        }
        try #require(reserved, "order \(placed.orderId) did not reach the gateway reserved")
        return (key, lines)
    }

    /// `POST /api/v1/orders/{platform}/{shop}/{id}/shipments`. - Returns: the status and the decoded answer.
    func record(_ key: OrderKey, courier: String, trackingNo: String, lines: [(String, Int)]? = nil) async throws -> (Int, [String: Any]) {
        var body: [String: Any] = ["courier": courier, "tracking_no": trackingNo]
        if let lines { body["lines"] = lines.map { ["line_id": $0.0, "quantity": $0.1] } }
        return try await post("/api/v1/orders/\(key.platform.rawValue)/\(key.shop)/\(key.platformOrderId)/shipments", body)
    }

    /// Records a shipment that must be accepted. - Returns: its write-back's id.
    func recordAccepted(_ key: OrderKey, courier: String, trackingNo: String, lines: [(String, Int)]? = nil) async throws -> Int64 {
        let (status, answer) = try await record(key, courier: courier, trackingNo: trackingNo, lines: lines)
        try #require(status == 201, "\(answer)")
        let writeBack = try #require(answer["write_back"] as? [String: Any], "\(answer)")
        return try #require((writeBack["id"] as? NSNumber)?.int64Value)
    }

    /// POSTs JSON to the gateway's staff API.
    func post(_ path: String, _ body: [String: Any]) async throws -> (Int, [String: Any]) {
        var request = HTTPClientRequest(url: url + path)
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(EndToEndHarness.adminToken)")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(data: try JSONSerialization.data(withJSONObject: body)))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let data = Data(buffer: try await response.body.collect(upTo: 1 << 20))
        return (Int(response.status.code), (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:])
    }

    /// Runs the fast sender until the write-back leaves the sending states (or 20 s pass). - Returns: its last state.
    func drive(_ writeBackId: Int64, seconds: Double = 20) async throws -> WriteBackLifecycle.State? {
        var state: WriteBackLifecycle.State?
        _ = try await EndToEndHarness.eventually(seconds: seconds) {
            state = try await store.writeBack(id: writeBackId)?.state
            if case .unknownOutcome = state {
                try await lateSender.sendOnce()
            } else {
                try await sender.sendOnce()
            }
            state = try await store.writeBack(id: writeBackId)?.state
            switch state {
            case .pending, .sending, .unknownOutcome, nil: return false
            default: return true
            }
        }
        return state
    }

    /// The order's shipments in the mock's truth.
    func truthShipments(_ orderId: String) -> [MockShipment] {
        harness.mock.truth().first { $0.shop == testShop.key && $0.orderId == orderId }?.shipments ?? []
    }

    /// The order in the mock's truth.
    func truth(_ orderId: String) -> MockOrderTruth? {
        harness.mock.truth().first { $0.shop == testShop.key && $0.orderId == orderId }
    }

    /// On hand and reserved units of one enterprise SKU, over its warehouses.
    func stock(_ skuCode: String) async throws -> (onHand: Int, reserved: Int) {
        let rows = try await gateway.stores.inventory.inventory(enterpriseId: testShop.enterprise).filter { $0.sku.code == skuCode }
        return (rows.reduce(0) { $0 + $1.level.onHand }, rows.reduce(0) { $0 + $1.level.reserved })
    }

    /// The mock's recorded calls of this platform's ship methods (first sends, not edits).
    func shipCalls() -> [MockRequestRecord] {
        let methods: Set<String> = [
            "order.logisticsAdd", "order.logisticsAddMultiPack", "open.seller.order.goods.deliver", "open.seller.order.goods.split.deliver",
            "pdd.logistics.online.send", "taobao.logistics.offline.send", "youzan.logistics.online.confirm",
        ]
        return harness.mock.requestLog().filter { record in
            record.shop == testShop.key
                && (methods.contains(record.method) || record.path.hasSuffix("/delivery/send") || methods.contains { record.path.contains($0) })
        }
    }
}
