import Foundation
import GatewayCore
import Synchronization
import Testing

@testable import GatewayConnectors

/// Connectors read "now" only from the injected ``GatewayClock`` (issue #13): signing timestamps and token expiry.
@Suite struct ConnectorClockTests {
    /// 2025-11-29 15:06:40.250 Beijing time.
    static let instant = Timestamp(millisecondsSince1970: 1_764_400_000_250)

    @Test func douyinSignsWithTheInjectedClock() async throws {
        let (connector, platform) = DouyinShipmentTests.connector { _ in
            PlatformHTTPResponse(status: 200, body: #"{"code":10000,"msg":"success","data":{}}"#)
        }
        _ = try await connector.ship(DouyinShipmentTests.notice())
        let (request, _, signed) = try DouyinShipmentTests.shipRequest(platform)
        #expect(request.queryParameters["timestamp"] == String(DouyinShipmentTests.now.secondsSince1970))
        #expect(signed)
        // The same request signed for another second would not verify.
        let otherSign = DouyinSigner(appKey: DouyinShipmentTests.appKey, appSecret: DouyinShipmentTests.appSecret).sign(
            method: "order.logisticsAdd",
            paramJSON: request.bodyText,
            timestamp: "1764400001"
        )
        #expect(request.queryParameters["sign"] != otherSign)
    }

    @Test func routerAndKuaishouTimestampsComeFromTheClock() async throws {
        let clock = GatewayClock.fixed(Self.instant)
        let recorder = ScriptedPlatform { _ in PlatformHTTPResponse(status: 200, body: "{}") }
        let kuaishou = KuaishouAPIClient(
            baseURL: "http://ks.test",
            appKey: "k",
            signSecret: "s",
            accessToken: "t",
            transport: recorder.transport,
            limiter: RateLimiter(ratePerSecond: 100, burst: 100),
            clock: clock
        )
        let pdd = PinduoduoAPIClient(
            baseURL: "http://pdd.test",
            clientId: "c",
            clientSecret: "s",
            accessToken: "t",
            transport: recorder.transport,
            limiter: RateLimiter(ratePerSecond: 100, burst: 100),
            clock: clock
        )
        let taobao = TaobaoAPIClient(
            baseURL: "http://tb.test",
            appKey: "k",
            appSecret: "s",
            session: "t",
            transport: recorder.transport,
            limiter: RateLimiter(ratePerSecond: 100, burst: 100),
            clock: clock
        )
        _ = try? await kuaishou.updateSkuStock(itemId: "1", skuId: "2", change: 1)
        _ = try? await pdd.updateGoodsQuantity(goodsId: "1", skuId: "2", quantity: 3)
        _ = try? await taobao.updateItemQuantity(numIid: "1", skuId: "2", quantity: 3)
        let forms = recorder.requests.map(\.formParameters)
        #expect(forms.count == 3)
        #expect(forms[0]["timestamp"] == "1764400000250")
        #expect(KuaishouSigner(signSecret: "s").verify(forms[0]))
        #expect(forms[1]["timestamp"] == "1764400000")
        #expect(PinduoduoSigner(clientId: "c", clientSecret: "s").verify(forms[1]))
        #expect(forms[2]["timestamp"] == "2025-11-29 15:06:40")
        #expect(TaobaoSigner(appKey: "k", appSecret: "s").verify(forms[2]))
    }

    @Test func tokensExpireByTheInjectedClock() async throws {
        let now = Mutex(Self.instant)
        let clock = GatewayClock { now.withLock { $0 } }
        let platform = ScriptedPlatform { request in
            if request.path == "/cgi-bin/token" { return PlatformHTTPResponse(status: 200, body: #"{"access_token":"tok","expires_in":7200}"#) }
            return PlatformHTTPResponse(status: 200, body: #"{"errcode":0}"#)
        }
        let api = WeChatChannelsAPIClient(
            baseURL: "http://wx.test",
            appId: "a",
            appSecret: "s",
            transport: platform.transport,
            limiter: RateLimiter(ratePerSecond: 100, burst: 100),
            clock: clock
        )
        let grants = { platform.requests.filter { $0.path == "/cgi-bin/token" }.count }
        try await api.updateStock(productId: "1", skuId: "2", change: .set(1))
        now.withLock { $0 = $0.adding(seconds: 7000) }
        try await api.updateStock(productId: "1", skuId: "2", change: .set(1))
        #expect(grants() == 1)  // still valid for more than a minute
        now.withLock { $0 = $0.adding(seconds: 150) }
        try await api.updateStock(productId: "1", skuId: "2", change: .set(1))
        #expect(grants() == 2)  // within a minute of expiry by the injected clock: renewed
    }
}
