import Foundation
import GatewayCore
import Testing

@testable import GatewayConnectors

/// `KuaishouConnector.setStock` on top of the increment-only `open.item.sku.stock.update`: it reads the SKU's
/// stock back (`open.item.get`) and sends the difference, and never re-sends a change whose outcome is unknown.
@Suite struct KuaishouStockReadBackTests {
    static let itemId = "22001234567"
    static let skuId = "33001234567"

    func connector(_ platform: ScriptedPlatform) -> KuaishouConnector {
        KuaishouConnector(
            shop: "yunlai-kuaishou",
            api: KuaishouAPIClient(
                baseURL: "http://mock.test",
                appKey: "ks7011223344",
                signSecret: "sign-secret-1",
                accessToken: "tok",
                transport: platform.transport,
                limiter: RateLimiter(ratePerSecond: 1000, burst: 1000),
                retry: RetryPolicy(maxAttempts: 3, baseDelayMilliseconds: 1, maxDelayMilliseconds: 2),
                clock: testWallClock
            )
        )
    }

    func push(_ quantity: Int, previous: Int?) -> StockPush {
        StockPush(shop: "yunlai-kuaishou", platformSkuId: Self.skuId, platformProductId: Self.itemId, quantity: quantity, previousQuantity: previous)
    }

    @Test func theWriteIsTheDifferenceFromTheStockReadBackNotFromTheLastPush() async throws {
        let item = ScriptedKuaishouItem(stock: 30)
        let platform = ScriptedPlatform { try item.answer($0) }
        let connector = connector(platform)
        // Never pushed, but the platform already holds 30: +20, not +50.
        try await connector.setStock(push(50, previous: nil))
        #expect(item.stock == 50)
        // Someone set 80 on the platform meanwhile: −35, not −5.
        item.stock = 80
        try await connector.setStock(push(45, previous: 50))
        #expect(item.stock == 45)
        // Already there: nothing is written.
        try await connector.setStock(push(45, previous: 40))
        #expect(item.stock == 45)
        let calls = platform.requests.map { ($0.path, $0.formParameters["param"] ?? "") }
        try #require(
            calls.map(\.0) == ["/open/item/get", "/open/item/sku/stock/update", "/open/item/get", "/open/item/sku/stock/update", "/open/item/get"]
        )
        #expect(calls[0].1 == #"{"kwaiItemId":22001234567}"#)
        #expect(calls[1].1 == #"{"changeType":1,"kwaiItemId":22001234567,"skuChangeStock":20,"skuId":33001234567}"#)
        #expect(calls[3].1 == #"{"changeType":2,"kwaiItemId":22001234567,"skuChangeStock":35,"skuId":33001234567}"#)
        #expect(platform.requests.allSatisfy { KuaishouSigner(signSecret: "sign-secret-1").verify($0.formParameters) })
    }

    @Test(arguments: [503, 0])
    func aWriteWhoseOutcomeIsUnknownIsReadBackBeforeAnythingIsSentAgain(failure: Int) async throws {
        // The platform applies the first write, then answers 503 (or the connection drops: status 0 = throw).
        let item = ScriptedKuaishouItem(stock: 10, lostAnswers: 1, lostAnswerStatus: failure)
        let platform = ScriptedPlatform { try item.answer($0) }
        try await connector(platform).setStock(push(50, previous: 10))
        #expect(item.stock == 50)
        #expect(platform.requests.map(\.path) == ["/open/item/get", "/open/item/sku/stock/update", "/open/item/get"])
    }

    @Test func aRefusedWriteIsNotRetriedAndAnUnreadableStockIsNeverGuessed() async throws {
        // A business refusal (e.g. stock reserved for a promotion) is final.
        let refused = ScriptedKuaishouItem(stock: 10, refuseWrites: true)
        let refusing = ScriptedPlatform { try refused.answer($0) }
        await #expect(throws: PlatformAPIError.self) { try await connector(refusing).setStock(push(5, previous: 10)) }
        #expect(refusing.requests.map(\.path) == ["/open/item/get", "/open/item/sku/stock/update"])
        #expect(refused.stock == 10)

        // The item does not list the SKU, or lists it without an integer `skuStock`: no write at all.
        for body in [
            #"{"result":1,"data":{"kwaiItemId":22001234567,"skuInfos":[{"kwaiSkuId":33001234566,"skuStock":7}]}}"#,
            #"{"result":1,"data":{"kwaiItemId":22001234567,"skuInfos":[{"kwaiSkuId":33001234567}]}}"#,
            #"{"result":1,"data":{"kwaiItemId":22001234567,"skuInfos":[{"kwaiSkuId":33001234567,"skuStock":""}]}}"#,
            #"{"result":1,"data":{"kwaiItemId":22001234567}}"#,
        ] {
            let platform = ScriptedPlatform { _ in PlatformHTTPResponse(status: 200, body: body) }
            await #expect(throws: ConnectorError.self) { try await connector(platform).setStock(push(5, previous: nil)) }
            #expect(platform.requests.map(\.path) == ["/open/item/get"], "\(body)")
        }
        // The item-list shape (`skuList`, stock as a string) is read too.
        let listShaped = ScriptedPlatform { request in
            request.path == "/open/item/get"
                ? PlatformHTTPResponse(status: 200, body: #"{"result":1,"data":{"skuList":[{"kwaiSkuId":"33001234567","skuStock":"5"}]}}"#)
                : PlatformHTTPResponse(status: 404, body: "")
        }
        try await connector(listShaped).setStock(push(5, previous: nil))
        #expect(listShaped.requests.map(\.path) == ["/open/item/get"])
    }
}
