import Foundation
import GatewayConnectors
import GatewayCore

/// The poll-row and detail mappers of the five polled platforms, fed through their real API clients: the
/// fuzz input is the platform's answer (``ScriptedPlatform``), so envelope decoding, error handling, paging
/// (``BackwardPager``, cursors, `next_key`), row splitting (`PollPage`, `RawJSON`), the wire structs and the
/// `*Mapping` code all run; what a poll or a detail fetch yields then goes through ``OrderPipeline``.
///
/// `<platform>-poll` inputs are a list page (every list request of the window gets it, up to
/// ``ScriptedPlatform/listPagesPerInput``); `wechat-poll` takes a second part after a `===` line: the
/// `order/get` answer for every listed id. `<platform>-detail` inputs are the order detail answer.
enum PlatformAPITargets {
    /// One polled platform: its scripted API and connector.
    struct Platform: Sendable {
        let name: String
        let scripted: ScriptedPlatform
        let connector: any PlatformConnector
    }

    static let douyin: Platform = {
        let scripted = ScriptedPlatform(
            tokenAnswer: #"{"code":10000,"msg":"success","data":{"access_token":"t","expires_in":86400,"refresh_token":"r"}}"#
        )
        let api = DouyinAPIClient(
            baseURL: "http://douyin.invalid",
            appKey: "fuzz-app-key",
            appSecret: "fuzz-app-secret",
            shopId: "1",
            transport: scripted.transport,
            limiter: ScriptedPlatform.unlimited,
            retry: ScriptedPlatform.once,
            clock: ScriptedPlatform.clock
        )
        return Platform(name: "douyin", scripted: scripted, connector: DouyinConnector(shop: "fuzz-douyin", api: api))
    }()

    static let kuaishou: Platform = {
        let scripted = ScriptedPlatform()
        let api = KuaishouAPIClient(
            baseURL: "http://kuaishou.invalid",
            appKey: "ks-fuzz-app",
            signSecret: "fuzz-sign-secret",
            accessToken: "fuzz-token",
            transport: scripted.transport,
            limiter: ScriptedPlatform.unlimited,
            retry: ScriptedPlatform.once,
            clock: ScriptedPlatform.clock
        )
        return Platform(name: "kuaishou", scripted: scripted, connector: KuaishouConnector(shop: "fuzz-kuaishou", api: api))
    }()

    static let pinduoduo: Platform = {
        let scripted = ScriptedPlatform()
        let api = PinduoduoAPIClient(
            baseURL: "http://pinduoduo.invalid",
            clientId: "pdd-fuzz-client",
            clientSecret: "pdd-fuzz-secret",
            accessToken: "fuzz-token",
            transport: scripted.transport,
            limiter: ScriptedPlatform.unlimited,
            retry: ScriptedPlatform.once,
            clock: ScriptedPlatform.clock
        )
        return Platform(name: "pinduoduo", scripted: scripted, connector: PinduoduoConnector(shop: "fuzz-pinduoduo", api: api))
    }()

    static let taobao: Platform = {
        let scripted = ScriptedPlatform()
        let api = TaobaoAPIClient(
            baseURL: "http://taobao.invalid",
            appKey: "tb-fuzz-app",
            appSecret: "tb-fuzz-secret",
            session: "fuzz-session",
            transport: scripted.transport,
            limiter: ScriptedPlatform.unlimited,
            retry: ScriptedPlatform.once,
            clock: ScriptedPlatform.clock
        )
        return Platform(name: "taobao", scripted: scripted, connector: TaobaoConnector(shop: "fuzz-taobao", api: api))
    }()

    static let wechat: Platform = {
        let scripted = ScriptedPlatform(tokenAnswer: #"{"access_token":"fuzz-token","expires_in":7200}"#)
        let api = WeChatChannelsAPIClient(
            baseURL: "http://wechat.invalid",
            appId: "wx-fuzz-app",
            appSecret: "fuzz-app-secret",
            transport: scripted.transport,
            limiter: ScriptedPlatform.unlimited,
            retry: ScriptedPlatform.once,
            clock: ScriptedPlatform.clock
        )
        return Platform(name: "wechat", scripted: scripted, connector: WeChatChannelsConnector(shop: "fuzz-wechat", api: api))
    }()

    static let all: [FuzzTarget] = [douyin, kuaishou, pinduoduo, taobao, wechat].flatMap { platform in
        [
            FuzzTarget(
                name: "\(platform.name)-poll",
                summary: "\(platform.name) list page answer -> API client paging -> poll rows -> observations -> merge",
                run: { poll(platform, $0) }
            ),
            FuzzTarget(
                name: "\(platform.name)-detail",
                summary: "\(platform.name) order detail answer -> API client -> detail mapping -> merge",
                run: { detail(platform, $0) }
            ),
        ]
    }

    /// The window every poll asks for: the half hour before ``OrderPipeline/now``.
    static let window = (from: OrderPipeline.now.adding(seconds: -1800), to: OrderPipeline.now)

    static func poll(_ platform: Platform, _ input: [UInt8]) {
        let parts = FuzzParts.split(input)
        platform.scripted.serve(list: parts[0], detail: parts.count > 1 ? parts[1] : parts[0])
        let connector = platform.connector
        let deliveries = Blocking.run { try? await connector.poll(from: window.from, to: window.to) }
        guard let deliveries else { return }
        for delivery in deliveries {
            FuzzCheck.require(delivery.kind == .poll, "a poll yields a \(delivery.kind) delivery")
            FuzzCheck.require(!delivery.deliveryId.isEmpty, "a poll yields a delivery without id")
        }
        OrderPipeline.process(deliveries, with: connector)
    }

    static func detail(_ platform: Platform, _ input: [UInt8]) {
        platform.scripted.serve(list: [], detail: input)
        let connector = platform.connector
        let prepared = Blocking.run { try? await connector.fetchOrder(platformOrderId: "4242") }
        guard let prepared else { return }
        OrderPipeline.merge([prepared.observation])
    }
}
