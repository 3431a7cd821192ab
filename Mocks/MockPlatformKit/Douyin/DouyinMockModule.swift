import Foundation
import GatewayConfig
import GatewayCore
import HTTPTypes
import Hummingbird
import NIOCore

/// The Douyin part of the mock platform: the open API and the shops' orders.
struct DouyinMockModule: PlatformMockModule {
    let shops: [DouyinShopMock]
    let tokens: DouyinTokenStore
    let api: DouyinOpenAPI

    init(context: PlatformMockContext) {
        self.shops = context.configuration.shops.filter { $0.platform == .douyin }.enumerated().map { index, shop in
            DouyinShopMock(shop: shop, index: index, seed: context.seed)
        }
        self.tokens = DouyinTokenStore(seed: context.seed)
        self.api = DouyinOpenAPI(shops: shops, control: context.control, tokens: tokens, logger: context.logger)
    }

    func addRoutes(to router: Router<BasicRequestContext>) {
        MockShopScenario.addRoutes(platform: "douyin", shops: shops, to: router)
        let api = api
        for path in DouyinOpenAPI.paths {
            router.post(RouterPath(path)) { request, _ -> Response in
                let body = try await request.body.collect(upTo: 4 << 20)
                let oldErrorFields = request.headers[HTTPField.Name(DouyinOpenAPI.noOldErrorCodeHeader)!] != "1"
                let answer = await api.handle(
                    path: path,
                    query: MockPlatform.queryParameters(request.uri.query),
                    body: Array(buffer: body),
                    oldErrorFields: oldErrorFields
                )
                return MockPlatform.response(status: answer.httpStatus, contentType: answer.contentType, body: answer.body)
            }
        }
    }

    var mockShops: [any MockShop] { shops }

    func truth() -> [MockOrderTruth] { shops.flatMap { $0.truth() } }

    func stockLevels() -> [MockStockLevel] { shops.flatMap { $0.stockLevels() } }

    func expireTokens() { tokens.expireAll(now: Date().unixSeconds) }
}
