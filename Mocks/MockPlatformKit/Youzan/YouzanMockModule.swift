import Foundation
import GatewayConfig
import GatewayCore
import Hummingbird

/// The Youzan part of the mock platform: push-only shops (no API routes; platforms.md §6 lists no poll API).
///
/// Control routes for scripts: `POST /_mock/youzan/orders?shop=&count=&to=` (``MockShopScenario``) and
/// `POST /_mock/youzan/test?shop=&to=` (sends a test ping).
struct YouzanMockModule: PlatformMockModule {
    let shops: [YouzanShopMock]

    init(context: PlatformMockContext) {
        shops = context.configuration.shops.filter { $0.platform == .youzan }.enumerated().map { index, shop in
            YouzanShopMock(shop: shop, index: index, seed: context.seed)
        }
    }

    func addRoutes(to router: Router<BasicRequestContext>) {
        MockShopScenario.addRoutes(platform: "youzan", shops: shops, to: router)
        let shops = shops
        router.post("/_mock/youzan/test") { request, _ -> Response in
            let query = MockPlatform.queryParameters(request.uri.query)
            guard let shop = shops.first(where: { $0.shopKey == query["shop"] }) ?? shops.first, let target = query["to"] else {
                return MockPlatform.response(status: 404, contentType: "application/json", body: #"{"error":"unknown shop or no to="}"#)
            }
            return MockShopScenario.response(try await shop.sendTest(to: target))
        }
    }

    var mockShops: [any MockShop] { shops }

    func truth() -> [MockOrderTruth] { shops.flatMap { $0.truth() } }

    /// Youzan has no stock write-back in the mock.
    func stockLevels() -> [MockStockLevel] { [] }

    /// Youzan pushes need no token.
    func expireTokens() {}
}
