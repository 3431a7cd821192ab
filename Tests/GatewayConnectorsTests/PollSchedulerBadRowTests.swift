import Foundation
import GatewayCore
import GatewayPipeline
import GatewayStorage
import Synchronization
import Testing

@testable import GatewayConnectors

/// Issue #11 finding 5 end to end: real connectors behind scripted platforms, the poll scheduler, a SQLite
/// inbox and the inbox processor. One bad row never holds up a poll window: the cursor moves past it, the
/// row is stored as its own delivery and parked, and a row whose detail fails waits for the processor's retry.
@Suite struct PollSchedulerBadRowTests {
    @Test func badRowsAreStoredAndParkedAndTheCursorMovesPastTheWindow() async throws {
        var orders = (0..<30).map { PinduoduoConnectorTests.orderJSON(sn: "251129-\(String(format: "%015d", $0))") }
        orders.insert(PinduoduoConnectorTests.wrongTypedRow, at: 7)
        orders.insert(PinduoduoConnectorTests.unreadableRow, at: 20)
        let connector = PinduoduoConnectorTests.connector(platform: FakePinduoduo(orders: orders))
        let database = try SQLiteDatabase.inMemory()
        let inbox = SQLiteInboxStore(database: database, startingWriter: true)
        let store = database
        let now = Timestamp(secondsSince1970: 1_764_400_000)
        let scheduler = PollScheduler(
            targets: [.init(connector: connector, intervalSeconds: 30, lookbackSeconds: 3600)],
            inbox: inbox,
            cursors: store,
            clock: { now }
        )

        let report = try await scheduler.pollOnce(shop: "pdd-shop")
        #expect(report.windows == 2)  // 3600 s back plus 60 s overlap, ending 180 s before now, in windows of 30 minutes
        #expect(report.ordersNew == 32)
        #expect(try await store.pollCursor(shop: "pdd-shop") == now.adding(seconds: -180))

        let processor = InboxProcessor(inbox: inbox, orders: store, connectors: ["pdd-shop": connector], clock: { now })
        try await processor.drain()
        let parked = try await inbox.parkedEntries()
        #expect(parked.count == 2)
        #expect(parked.allSatisfy { $0.reason == .undecodable })
        #expect(parked.contains { $0.message.contains("poll:251129-000000000000777:") && $0.message.contains("order_status") })
        #expect(parked.contains { $0.message.contains("poll:unreadable:") && $0.message.contains("order_sn is missing") })
        #expect(Set(parked.map(\.entry.delivery.payloadText)) == [PinduoduoConnectorTests.wrongTypedRow, PinduoduoConnectorTests.unreadableRow])
        #expect(try await store.orderCount() == 30)

        // The next poll moves on; the bad rows are the same deliveries, stored once.
        let again = try await scheduler.pollOnce(shop: "pdd-shop")
        #expect(again.windows == 1)
        #expect(again.ordersNew == 0)
        #expect(try await inbox.parkedEntries().count == 2)
    }

    @Test func aWeChatOrderWhoseDetailFailsWaitsForTheProcessorWhileTheCursorMovesOn() async throws {
        let detailWorks = Mutex(false)
        let platform = ScriptedPlatform { request in
            switch request.path {
            case "/cgi-bin/token":
                return PlatformHTTPResponse(status: 200, body: #"{"access_token":"T","expires_in":7200}"#)
            case "/channels/ec/order/list/get":
                return PlatformHTTPResponse(
                    status: 200,
                    body: #"{"errcode":0,"errmsg":"ok","order_id_list":["3705115058471208928","3705115058471208929"],"has_more":false}"#
                )
            case "/channels/ec/order/get":
                let id = request.jsonBody["order_id"] as? String ?? "?"
                if id == "3705115058471208929" && !detailWorks.withLock({ $0 }) {
                    return PlatformHTTPResponse(status: 503, body: "busy")
                }
                let order = WeChatChannelsConnectorTests.orderJSON(id: "\"\(id)\"")
                return PlatformHTTPResponse(status: 200, body: #"{"errcode":0,"errmsg":"ok","order":\#(order)}"#)
            default:
                return PlatformHTTPResponse(status: 404, body: "")
            }
        }
        let connector = WeChatChannelsConnector(
            shop: "yunlai-wechat",
            api: WeChatChannelsAPIClient(
                baseURL: "http://mock.test",
                appId: "wx5823bf96d3bd56c7",
                appSecret: "wechat-secret",
                transport: platform.transport,
                limiter: RateLimiter(ratePerSecond: 1000, burst: 1000),
                retry: RetryPolicy(maxAttempts: 1, baseDelayMilliseconds: 1, maxDelayMilliseconds: 1),
                clock: testWallClock
            )
        )
        let database = try SQLiteDatabase.inMemory()
        let inbox = SQLiteInboxStore(database: database, startingWriter: true)
        let store = database
        let now = Mutex(Timestamp(secondsSince1970: 1_764_400_400))
        let scheduler = PollScheduler(
            targets: [.init(connector: connector, intervalSeconds: 30, lookbackSeconds: 3600)],
            inbox: inbox,
            cursors: store,
            clock: { now.withLock { $0 } }
        )
        let report = try await scheduler.pollOnce(shop: "yunlai-wechat")
        #expect(report.ordersNew == 2)
        #expect(try await store.pollCursor(shop: "yunlai-wechat") == Timestamp(secondsSince1970: 1_764_400_400))

        let processor = InboxProcessor(inbox: inbox, orders: store, connectors: ["yunlai-wechat": connector], clock: { now.withLock { $0 } })
        try await processor.drain()
        #expect(try await store.orderCount() == 1)
        #expect(try await inbox.parkedEntries().isEmpty)
        #expect(try await inbox.counts().unprocessed == 1)

        // The platform recovers; after the back-off the processor fetches the detail and the order arrives complete.
        detailWorks.withLock { $0 = true }
        now.withLock { $0 = $0.adding(seconds: 60) }
        try await processor.drain()
        #expect(try await inbox.counts().unprocessed == 0)
        let order = try #require(
            try await store.order(OrderKey(platform: .wechatChannels, shop: "yunlai-wechat", platformOrderId: "3705115058471208929"))
        )
        #expect(order.snapshot?.lines.isEmpty == false)
    }
}
