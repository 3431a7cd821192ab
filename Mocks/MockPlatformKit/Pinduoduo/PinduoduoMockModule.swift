import Foundation
import GatewayConfig
import GatewayCore
import Hummingbird
import NIOCore

/// The Pinduoduo part of the mock platform: `POST|GET /api/router` and the shops' orders.
///
/// Also `POST /_mock/pinduoduo/demo-orders?shop=KEY`: seeds the shop with one order per interesting
/// state (``PinduoduoShopMock/seedDemoOrders(at:)``) and answers `{"orders":[{"case":…,"order_sn":…,"status":…}]}`,
/// for SDK fidelity scripts run against `mock-platform serve`.
struct PinduoduoMockModule: PlatformMockModule {
    let shops: [PinduoduoShopMock]
    let api: PinduoduoRouterAPI

    init(context: PlatformMockContext) {
        self.shops = context.configuration.shops.filter { $0.platform == .pinduoduo }.enumerated().map { index, shop in
            PinduoduoShopMock(shop: shop, index: index, seed: context.seed)
        }
        self.api = PinduoduoRouterAPI(shops: shops, control: context.control, logger: context.logger)
    }

    func addRoutes(to router: Router<BasicRequestContext>) {
        let api = api
        let handler: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            let body = try await request.body.collect(upTo: 4 << 20)
            let answer = await api.handle(query: request.uri.query, body: Array(buffer: body), contentType: request.headers[.contentType])
            return MockPlatform.response(status: answer.httpStatus, contentType: answer.contentType, body: answer.body)
        }
        router.post(RouterPath(PinduoduoRouterAPI.path), use: handler)
        router.get(RouterPath(PinduoduoRouterAPI.path), use: handler)
        let shops = shops
        router.post("/_mock/pinduoduo/demo-orders") { request, _ -> Response in
            let key = MockPlatform.queryParameters(request.uri.query)["shop"] ?? shops.first?.shopKey ?? ""
            guard let shop = shops.first(where: { $0.shopKey == key }) else {
                return MockPlatform.response(status: 404, contentType: "application/json", body: #"{"error":"unknown pinduoduo shop"}"#)
            }
            let cases = try shop.seedDemoOrders()
            let orders: [JSONValue] = cases.map { name, orderId in
                ["case": .string(name), "order_sn": .string(orderId), "status": .string(shop.truth(orderId: orderId)?.status ?? "")]
            }
            return MockPlatform.response(status: 200, contentType: "application/json", body: JSONValue.object(["orders": .array(orders)]).serialized)
        }
    }

    var mockShops: [any MockShop] { shops }

    func truth() -> [MockOrderTruth] { shops.flatMap { $0.truth() } }

    func stockLevels() -> [MockStockLevel] { shops.flatMap { $0.stockLevels() } }

    /// Pinduoduo tokens come from the configuration and do not expire in the mock.
    func expireTokens() {}
}
