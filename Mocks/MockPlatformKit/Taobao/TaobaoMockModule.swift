import Foundation
import GatewayConfig
import GatewayCore
import Hummingbird
import NIOCore

/// The Taobao part of the mock platform: `POST|GET /router/rest` and the shops' trades.
///
/// Also `POST /_mock/taobao/demo-orders?shop=KEY`: seeds the shop with one trade per interesting state
/// (``TaobaoShopMock/seedDemoTrades(at:)``) and answers `{"orders":[{"case":…,"tid":…,"status":…}]}`, for
/// SDK fidelity scripts run against `mock-platform serve`.
struct TaobaoMockModule: PlatformMockModule {
    let shops: [TaobaoShopMock]
    let api: TaobaoTopAPI

    init(context: PlatformMockContext) {
        self.shops = context.configuration.shops.filter { $0.platform == .taobao }.enumerated().map { index, shop in
            TaobaoShopMock(shop: shop, index: index, seed: context.seed)
        }
        self.api = TaobaoTopAPI(shops: shops, control: context.control, logger: context.logger)
    }

    func addRoutes(to router: Router<BasicRequestContext>) {
        let api = api
        let handler: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            let body = try await request.body.collect(upTo: 4 << 20)
            let answer = await api.handle(query: request.uri.query, body: Array(buffer: body), contentType: request.headers[.contentType])
            return MockPlatform.response(status: answer.httpStatus, contentType: answer.contentType, body: answer.body)
        }
        router.post(RouterPath(TaobaoTopAPI.path), use: handler)
        router.get(RouterPath(TaobaoTopAPI.path), use: handler)
        let shops = shops
        router.post("/_mock/taobao/demo-orders") { request, _ -> Response in
            let key = MockPlatform.queryParameters(request.uri.query)["shop"] ?? shops.first?.shopKey ?? ""
            guard let shop = shops.first(where: { $0.shopKey == key }) else {
                return MockPlatform.response(status: 404, contentType: "application/json", body: #"{"error":"unknown taobao shop"}"#)
            }
            let cases = try shop.seedDemoTrades()
            let orders: [JSONValue] = cases.map { name, orderId in
                ["case": .string(name), "tid": .string(orderId), "status": .string(shop.truth(orderId: orderId)?.status ?? "")]
            }
            return MockPlatform.response(status: 200, contentType: "application/json", body: JSONValue.object(["orders": .array(orders)]).serialized)
        }
    }

    var mockShops: [any MockShop] { shops }

    func truth() -> [MockOrderTruth] { shops.flatMap { $0.truth() } }

    func stockLevels() -> [MockStockLevel] { shops.flatMap { $0.stockLevels() } }

    /// Taobao session keys come from the configuration and do not expire in the mock.
    func expireTokens() {}
}
