import Foundation
import GatewayConfig
import GatewayCore
import Hummingbird
import NIOCore

/// The part of the mock platform for one router-style platform (Pinduoduo, Taobao): `POST|GET` its API path and
/// its shops' orders. Their tokens come from the configuration and do not expire in the mock.
///
/// Also `POST /_mock/{platform}/demo-orders?shop=KEY` (the first shop without `shop`): seeds the shop with one
/// order per interesting state (``RouterShop/seedDemoOrders(at:)``) and answers
/// `{"orders":[{"case":…,"<order id field>":…,"status":…}]}`, for the SDK fidelity scripts run against
/// `mock-platform serve`.
struct RouterMockModule<Dialect: RouterDialect>: PlatformMockModule {
    let shops: [Dialect.Shop]
    let api: RouterAPI<Dialect>

    init(context: PlatformMockContext) {
        self.shops = context.configuration.shops.filter { $0.platform == Dialect.platform }.enumerated().map { index, shop in
            Dialect.Shop(shop: shop, index: index, seed: context.seed)
        }
        self.api = RouterAPI(shops: shops, control: context.control, logger: context.logger)
    }

    func addRoutes(to router: Router<BasicRequestContext>) {
        let api = api
        let handler: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            let body = try await request.body.collect(upTo: 4 << 20)
            let answer = await api.handle(query: request.uri.query, body: Array(buffer: body), contentType: request.headers[.contentType])
            return MockPlatform.response(status: answer.httpStatus, contentType: answer.contentType, body: answer.body)
        }
        router.post(RouterPath(Dialect.path), use: handler)
        router.get(RouterPath(Dialect.path), use: handler)
        let shops = shops
        let platform = Dialect.platform.rawValue
        router.post(RouterPath("/_mock/\(platform)/demo-orders")) { request, _ -> Response in
            let key = MockPlatform.queryParameters(request.uri.query)["shop"] ?? shops.first?.shopKey ?? ""
            guard let shop = shops.first(where: { $0.shopKey == key }) else {
                return MockPlatform.response(status: 404, contentType: "application/json", body: #"{"error":"unknown \#(platform) shop"}"#)
            }
            let cases = try shop.seedDemoOrders(at: Date())
            let orders: [JSONValue] = cases.map { name, orderId in
                ["case": .string(name), Dialect.demoIdField: .string(orderId), "status": .string(shop.truth(orderId: orderId)?.status ?? "")]
            }
            return MockPlatform.response(status: 200, contentType: "application/json", body: JSONValue.object(["orders": .array(orders)]).serialized)
        }
    }

    var mockShops: [any MockShop] { shops }

    func truth() -> [MockOrderTruth] { shops.flatMap { $0.orderTruth() } }

    func stockLevels() -> [MockStockLevel] { shops.flatMap { $0.stockLevels() } }

    func expireTokens() {}
}
