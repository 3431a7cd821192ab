import Foundation
import GatewayConfig
import GatewayCore
import Hummingbird

/// The Youzan part of the mock platform: shops whose orders are pushed (platforms.md §6 lists no poll API) and
/// shipped through the Youzan Cloud logistics APIs (``YouzanOpenAPI``: `POST /auth/token`,
/// `POST /api/youzan.logistics.online.confirm/3.0.0`, …).
///
/// Control routes for scripts: `POST /_mock/youzan/orders?shop=&count=&to=` (``MockShopScenario``) and
/// `POST /_mock/youzan/test?shop=&to=` (sends a test ping).
struct YouzanMockModule: PlatformMockModule {
    let shops: [YouzanShopMock]
    let tokens: MockAccessTokens
    let api: YouzanOpenAPI

    init(context: PlatformMockContext) {
        shops = context.configuration.shops.filter { $0.platform == .youzan }.enumerated().map { index, shop in
            YouzanShopMock(shop: shop, index: index, seed: context.seed)
        }
        tokens = MockAccessTokens(seed: context.seed, salt: 0x595A_70C3, prefix: "yz", accessLifetime: 604_800, refreshLifetime: 2_592_000)
        for shop in shops { tokens.register(accessToken: shop.configuredAccessToken, shopKey: shop.shopKey, appKey: shop.clientId) }
        api = YouzanOpenAPI(shops: shops, control: context.control, tokens: tokens, logger: context.logger)
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
        let api = api
        for path in [YouzanOpenAPI.tokenPath] + YouzanOpenAPI.apiPaths {
            router.post(RouterPath(path)) { request, _ -> Response in
                let body = try await request.body.collect(upTo: 4 << 20)
                let answer = await api.handle(
                    path: path,
                    query: MockPlatform.queryParameters(request.uri.query),
                    body: Array(buffer: body),
                    contentType: request.headers[.contentType] ?? ""
                )
                return MockPlatform.response(status: answer.httpStatus, contentType: answer.contentType, body: answer.body)
            }
        }
    }

    var mockShops: [any MockShop] { shops }

    func truth() -> [MockOrderTruth] { shops.flatMap { $0.truth() } }

    /// Youzan has no stock write-back in the mock.
    func stockLevels() -> [MockStockLevel] { [] }

    /// Expires the Youzan Cloud tokens issued so far.
    func expireTokens() { tokens.expireAll(now: Date().unixSeconds) }
}
