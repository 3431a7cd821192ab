import Foundation
import GatewayConfig
import GatewayCore
import Hummingbird
import NIOCore

/// The WeChat Channels part of the mock platform: `/cgi-bin/token`, the `/channels/ec/…` API and the shops' orders.
///
/// Control routes for scripts: `POST /_mock/wechat-channels/orders?shop=&count=&to=` (``MockShopScenario``)
/// and `POST /_mock/wechat-channels/verify?shop=&to=` (sends the URL verification GET).
struct WechatChannelsMockModule: PlatformMockModule {
    let shops: [WechatChannelsShopMock]
    let tokens: MockAccessTokens
    let api: WechatChannelsAPI

    init(context: PlatformMockContext) {
        shops = context.configuration.shops.filter { $0.platform == .wechatChannels }.enumerated().map { index, shop in
            WechatChannelsShopMock(shop: shop, index: index, seed: context.seed)
        }
        tokens = MockAccessTokens(seed: context.seed, salt: 0x5743_70C3, prefix: "80_Mk", accessLifetime: 7200, refreshLifetime: 0)
        api = WechatChannelsAPI(shops: shops, control: context.control, tokens: tokens, logger: context.logger)
    }

    func addRoutes(to router: Router<BasicRequestContext>) {
        let api = api
        router.get(RouterPath(WechatChannelsAPI.tokenPath)) { request, _ -> Response in
            let answer = await api.handle(path: WechatChannelsAPI.tokenPath, query: MockPlatform.queryParameters(request.uri.query), body: [])
            return MockPlatform.response(status: answer.httpStatus, contentType: answer.contentType, body: answer.body)
        }
        for path in WechatChannelsAPI.postPaths {
            router.post(RouterPath(path)) { request, _ -> Response in
                let body = try await request.body.collect(upTo: 4 << 20)
                let answer = await api.handle(path: path, query: MockPlatform.queryParameters(request.uri.query), body: Array(buffer: body))
                return MockPlatform.response(status: answer.httpStatus, contentType: answer.contentType, body: answer.body)
            }
        }
        MockShopScenario.addRoutes(platform: "wechat-channels", shops: shops, to: router)
        let shops = shops
        router.post("/_mock/wechat-channels/verify") { request, _ -> Response in
            let query = MockPlatform.queryParameters(request.uri.query)
            guard let shop = shops.first(where: { $0.shopKey == query["shop"] }) ?? shops.first, let target = query["to"] else {
                return MockPlatform.response(status: 404, contentType: "application/json", body: #"{"error":"unknown shop or no to="}"#)
            }
            return MockShopScenario.response(try await shop.verifyURL(to: target))
        }
    }

    var mockShops: [any MockShop] { shops }

    func truth() -> [MockOrderTruth] { shops.flatMap { $0.truth() } }

    func stockLevels() -> [MockStockLevel] { shops.flatMap { $0.stockLevels() } }

    func expireTokens() { tokens.expireAll(now: Date().unixSeconds) }
}
