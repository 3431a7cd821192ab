import AsyncHTTPClient
import Foundation
import GatewayConfig
import GatewayCore
import Logging
import MockPlatformKit
import Synchronization
import Testing

@testable import GatewayConnectors

/// Douyin `order.searchList` polling against the mock platform: paging while the mock updates orders,
/// and a bad row among good ones (issue #11 finding 5).
@Suite struct DouyinPollTests {
    static let appKey = "7011223344556677889"
    static let appSecret = "demo-yunlai-douyin-secret"
    static let shopId = "4463798"
    static let base: Int64 = 1_764_000_000
    static let line = MockLineSpec(
        productId: "3656110990000000501",
        skuId: "1786000000000000501",
        outSkuId: "BJPG-5KG",
        title: "保靖椪柑 5kg",
        quantity: 1,
        unitPriceFen: 3990
    )

    static func configuration() throws -> GatewayConfiguration {
        try ConfigurationLoader(environment: [:]).parse(
            yaml: """
                shops:
                  - key: yunlai-douyin
                    platform: douyin
                    enterprise: yunlai
                    api_base: "http://127.0.0.1:9090"
                    credentials: { app_key: "\(appKey)", app_secret: "\(appSecret)", shop_id: "\(shopId)" }
                """
        )
    }

    static func connector(transport: PlatformHTTPTransport) -> DouyinConnector {
        DouyinConnector(
            shop: "yunlai-douyin",
            api: DouyinAPIClient(
                baseURL: "http://douyin.test",
                appKey: appKey,
                appSecret: appSecret,
                shopId: shopId,
                transport: transport,
                limiter: RateLimiter(ratePerSecond: 10_000, burst: 10_000),
                retry: RetryPolicy(maxAttempts: 2, baseDelayMilliseconds: 1, maxDelayMilliseconds: 2),
                clock: testWallClock
            )
        )
    }

    /// The order id of a delivery id `poll:<order_id>:<update_time>`.
    static func orderId(_ delivery: InboxDelivery) -> String { String(delivery.deliveryId.split(separator: ":")[1]) }

    /// While the connector pages through one window, the mock pays (and so moves out of the window) the
    /// earliest order already listed, after every page it serves. Read forwards (page 0, 1, 2) this shifts a row
    /// of the next page onto a page already read, and that order is missed; read backwards, nothing is missed.
    @Test func pagingWhileTheMockUpdatesOrdersMissesNothing() async throws {
        let mock = MockPlatform(configuration: try Self.configuration(), seed: 11)
        try await mock.start()
        let shop = try #require(mock.douyin(shop: "yunlai-douyin"))
        let created = (0..<250).map { index in
            shop.createOrder(lines: [Self.line], at: Date(timeIntervalSince1970: TimeInterval(Self.base + Int64(index))))
        }
        let paidAt = Date(timeIntervalSince1970: TimeInterval(Self.base + 10_000))
        struct Paging {
            var listed: Set<String> = []
            var paid: [String] = []
            var pages: [Int] = []
        }
        let paging = Mutex(Paging())
        let http = PlatformHTTPTransport.asyncHTTPClient(.shared, logger: .init(label: "douyin-poll-test"))
        let transport = PlatformHTTPTransport { request in
            var forwarded = request
            forwarded.url = request.url.replacingOccurrences(of: "http://douyin.test", with: mock.baseURL)
            let response = try await http.send(forwarded)
            guard request.url.contains("/order/searchList") else { return response }
            let param = try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any]
            let answer = try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any]
            let rows = (answer?["data"] as? [String: Any])?["shop_order_list"] as? [[String: Any]] ?? []
            let next: String? = paging.withLock { state in
                state.pages.append((param?["page"] as? Int) ?? -1)
                state.listed.formUnion(rows.compactMap { $0["order_id"] as? String })
                let next = created.first { state.listed.contains($0) && !state.paid.contains($0) }
                if let next { state.paid.append(next) }
                return next
            }
            if let next { _ = try shop.pay(orderId: next, at: paidAt) }
            return response
        }
        let connector = Self.connector(transport: transport)
        let deliveries = try await connector.poll(
            from: Timestamp(secondsSince1970: Self.base),
            to: Timestamp(secondsSince1970: Self.base + 249)
        )
        let seen = Set(deliveries.map(Self.orderId))
        let missed = created.filter { !seen.contains($0) }
        #expect(missed.isEmpty, "orders missed while paging: \(missed)")
        #expect(paging.withLock { $0.pages } == [0, 2, 1, 0], "page 0 (which counts), then the last page down to page 0")
        let paid = paging.withLock { $0.paid }
        #expect(paid.count == 4)

        // The orders paid during the poll moved to a later update time, and the next window lists them there.
        let later = try await Self.connector(transport: http.redirecting(to: mock.baseURL)).poll(
            from: Timestamp(secondsSince1970: Self.base + 9_990),
            to: Timestamp(secondsSince1970: Self.base + 10_050)
        )
        #expect(Set(later.map(Self.orderId)) == Set(paid))
        await mock.shutdown()
    }

    @Test func oneBadRowBecomesItsOwnDeliveryAndTheWindowSucceeds() async throws {
        let good = { (id: String, update: Int64) in
            #"{"order_id":"\#(id)","order_status":2,"create_time":1764399000,"update_time":\#(update),"pay_time":1764399060,"order_amount":3990,"pay_amount":3990,"post_amount":0,"sku_order_list":[{"order_id":"\#(id)1","product_id":1,"sku_id":2,"product_name":"椪柑","item_num":1,"origin_amount":3990,"pay_amount":3990,"order_status":2}]}"#
        }
        let wrongTyped = #"{"order_id":"4984023467827309699","order_status":"paid","update_time":1764400099}"#
        let unreadable = #"{"order_status":2,"update_time":"soon"}"#
        let rows = [good("4984023467827309610", 1_764_400_001), wrongTyped, good("4984023467827309620", 1_764_400_002), unreadable]
        let platform = ScriptedPlatform { request in
            switch request.path {
            case "/token/create":
                return PlatformHTTPResponse(
                    status: 200,
                    body: #"{"code":10000,"msg":"success","data":{"access_token":"tok","expires_in":7200,"refresh_token":"ref"}}"#
                )
            case "/order/searchList":
                return PlatformHTTPResponse(
                    status: 200,
                    body:
                        #"{"code":10000,"msg":"success","data":{"page":0,"size":100,"total":4,"shop_order_list":[\#(rows.joined(separator: ","))]}}"#
                )
            default:
                return PlatformHTTPResponse(status: 404, body: "")
            }
        }
        let connector = Self.connector(transport: platform.transport)
        let deliveries = try await connector.poll(from: Timestamp(secondsSince1970: 1_764_396_400), to: Timestamp(secondsSince1970: 1_764_400_000))
        #expect(deliveries.count == 4)
        #expect(
            Array(deliveries.map(\.deliveryId).prefix(3)) == [
                "poll:4984023467827309610:1764400001", "poll:4984023467827309699:1764400099", "poll:4984023467827309620:1764400002",
            ]
        )
        #expect(deliveries[3].deliveryId.hasPrefix("poll:unreadable:"))
        #expect(deliveries[1].payloadText == wrongTyped)
        #expect(deliveries[3].payloadText == unreadable)
        #expect(throws: ConnectorError.self) { try connector.observations(from: InboxEntry(id: 1, delivery: deliveries[1])) }
        #expect(throws: ConnectorError.self) { try connector.observations(from: InboxEntry(id: 2, delivery: deliveries[3])) }
        #expect(try connector.observations(from: InboxEntry(id: 3, delivery: deliveries[2])).first?.snapshot?.paidFen == 3990)
    }
}

extension PlatformHTTPTransport {
    /// This transport, sending requests for `http://douyin.test` to `baseURL` instead.
    func redirecting(to baseURL: String) -> PlatformHTTPTransport {
        PlatformHTTPTransport { request in
            var forwarded = request
            forwarded.url = request.url.replacingOccurrences(of: "http://douyin.test", with: baseURL)
            return try await self.send(forwarded)
        }
    }
}
