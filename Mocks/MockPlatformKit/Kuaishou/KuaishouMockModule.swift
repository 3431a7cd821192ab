import Foundation
import GatewayConfig
import GatewayCore
import Hummingbird
import NIOCore

/// The Kuaishou part of the mock platform: the open API, the OAuth token endpoints and the shops' orders.
///
/// Control routes for scripts: `POST /_mock/kuaishou/orders?shop=&count=&to=` (``MockShopScenario``) and
/// `POST /_mock/kuaishou/heartbeat?shop=&to=[&plain=1]` (sends `{"test":true}`).
struct KuaishouMockModule: PlatformMockModule {
    let shops: [KuaishouShopMock]
    let tokens: MockAccessTokens
    let api: KuaishouOpenAPI

    init(context: PlatformMockContext) {
        shops = context.configuration.shops.filter { $0.platform == .kuaishou }.enumerated().map { index, shop in
            KuaishouShopMock(shop: shop, index: index, seed: context.seed)
        }
        tokens = MockAccessTokens(
            seed: context.seed,
            salt: 0x4B53_70C3,
            prefix: "ChFvYXV0aC5hY2Nlc3NUb2tlbh",
            accessLifetime: 172_800,
            refreshLifetime: 15_552_000
        )
        for shop in shops { tokens.register(accessToken: shop.configuredAccessToken, shopKey: shop.shopKey, appKey: shop.appKey) }
        api = KuaishouOpenAPI(shops: shops, control: context.control, tokens: tokens, logger: context.logger)
    }

    func addRoutes(to router: Router<BasicRequestContext>) {
        let api = api
        for path in KuaishouOpenAPI.apiPaths + KuaishouOpenAPI.tokenPaths {
            let handler: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
                var parameters = MockPlatform.queryParameters(request.uri.query)
                let body = try await request.body.collect(upTo: 4 << 20)
                let contentType = request.headers[.contentType] ?? ""
                if body.readableBytes > 0, !contentType.contains("json") {
                    parameters.merge(MockPlatform.queryParameters(String(buffer: body))) { _, form in form }
                }
                let answer = await api.handle(path: path, parameters: parameters)
                return MockPlatform.response(status: answer.httpStatus, contentType: answer.contentType, body: answer.body)
            }
            router.get(RouterPath(path), use: handler)
            router.post(RouterPath(path), use: handler)
        }
        MockShopScenario.addRoutes(platform: "kuaishou", shops: shops, to: router)
        let shops = shops
        router.post("/_mock/kuaishou/heartbeat") { request, _ -> Response in
            let query = MockPlatform.queryParameters(request.uri.query)
            guard let shop = shops.first(where: { $0.shopKey == query["shop"] }) ?? shops.first, let target = query["to"] else {
                return MockPlatform.response(status: 404, contentType: "application/json", body: #"{"error":"unknown shop or no to="}"#)
            }
            return MockShopScenario.response(try await shop.heartbeat(to: target, encrypted: query["plain"] == nil))
        }
    }

    var mockShops: [any MockShop] { shops }

    func truth() -> [MockOrderTruth] { shops.flatMap { $0.truth() } }

    func stockLevels() -> [MockStockLevel] { shops.flatMap { $0.stockLevels() } }

    func expireTokens() { tokens.expireAll(now: Date().unixSeconds) }
}
