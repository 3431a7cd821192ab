import Foundation
import GatewayCore
import Testing

@testable import GatewayConnectors

/// WeChat Channels shipment write-back: the exact requests and the classification of answers (`shipping.md` §8b.5).
@Suite struct WeChatChannelsShipmentTests {
    static let orderId = "3705115058471208928"

    /// A platform granting token `tok-1`, answering `/channels/ec/order/get` with the test order and the ship calls
    /// with `shipAnswer`.
    static func connector(
        order: String = WeChatChannelsConnectorTests.orderJSON(),
        status: Int = 200,
        shipAnswer: String
    ) -> (WeChatChannelsConnector, ScriptedPlatform) {
        let platform = ScriptedPlatform { request in
            switch request.path {
            case "/cgi-bin/token": return PlatformHTTPResponse(status: 200, body: #"{"access_token":"tok-1","expires_in":7200}"#)
            case "/channels/ec/order/get": return PlatformHTTPResponse(status: 200, body: #"{"errcode":0,"errmsg":"ok","order":\#(order)}"#)
            default: return PlatformHTTPResponse(status: status, body: shipAnswer)
            }
        }
        let api = WeChatChannelsAPIClient(
            baseURL: "http://wx.test",
            appId: "wx-app",
            appSecret: "wx-secret",
            transport: platform.transport,
            limiter: RateLimiter(ratePerSecond: 1000, burst: 1000),
            retry: RetryPolicy(maxAttempts: 3, baseDelayMilliseconds: 1, maxDelayMilliseconds: 2),
            clock: .fixed(Timestamp(secondsSince1970: 1_764_400_000))
        )
        return (WeChatChannelsConnector(shop: "wx-shop", api: api), platform)
    }

    static func notice(lines: [ShippedLine]? = nil, replacing: String? = nil) -> ShipmentNotice {
        ShipmentNotice(
            writeBackId: 5,
            platformOrderId: orderId,
            courier: .sf,
            courierCode: "SF",
            trackingNumber: "SF1234567890",
            lines: lines,
            replacingTrackingNumber: replacing
        )
    }

    static func shipRequests(_ platform: ScriptedPlatform) -> [PlatformHTTPRequest] {
        platform.requests.filter { $0.path.hasPrefix("/channels/ec/order/deliver") }
    }

    /// The parcel of the single ship request.
    static func parcel(_ request: PlatformHTTPRequest) throws -> [String: Any] {
        #expect(request.jsonBody["order_id"] as? String == orderId)
        let list = try #require(request.jsonBody["delivery_list"] as? [[String: Any]])
        #expect(list.count == 1)
        return try #require(list.first)
    }

    @Test func wholeOrderSendsDeliverySendWithEveryProduct() async throws {
        let (connector, platform) = Self.connector(shipAnswer: #"{"errcode":0,"errmsg":"ok"}"#)
        #expect(try await connector.ship(Self.notice()) == .accepted)
        let sent = Self.shipRequests(platform)
        #expect(sent.count == 1)
        let request = try #require(sent.first)
        #expect(request.path == "/channels/ec/order/delivery/send")
        #expect(request.method == "POST")
        #expect(request.queryParameters["access_token"] == "tok-1")
        let parcel = try Self.parcel(request)
        #expect(parcel["delivery_id"] as? String == "SF")
        #expect(parcel["waybill_id"] as? String == "SF1234567890")
        #expect(parcel["deliver_type"] as? Int == 1)
        let products = try #require(parcel["product_infos"] as? [[String: Any]])
        #expect(products.map { $0["product_id"] as? String } == ["10000071234567", "10000071234568"])
        #expect(products.map { $0["sku_id"] as? String } == ["2000001234567", "2000001234568"])
        #expect(products.map { $0["product_cnt"] as? Int } == [2, 1])
    }

    @Test func partialShipmentListsTheShippedLines() async throws {
        let (connector, platform) = Self.connector(shipAnswer: #"{"errcode":0,"errmsg":"ok"}"#)
        #expect(try await connector.ship(Self.notice(lines: [ShippedLine(lineId: "2000001234567", quantity: 1)])) == .accepted)
        let parcel = try Self.parcel(try #require(Self.shipRequests(platform).first))
        let products = try #require(parcel["product_infos"] as? [[String: Any]])
        #expect(products.count == 1)
        #expect(products[0]["product_id"] as? String == "10000071234567")
        #expect(products[0]["sku_id"] as? String == "2000001234567")
        #expect(products[0]["product_cnt"] as? Int == 1)
    }

    @Test func anUnknownLineIsRefusedBeforeAnySend() async throws {
        let (connector, platform) = Self.connector(shipAnswer: #"{"errcode":0}"#)
        let result = try await connector.ship(Self.notice(lines: [ShippedLine(lineId: "999", quantity: 1)]))
        guard case .rejected("gateway-unknown-line", _) = result else {
            Issue.record("\(result)")
            return
        }
        #expect(Self.shipRequests(platform).isEmpty)
    }

    @Test func correctionSendsDeliveryInfoUpdate() async throws {
        let (connector, platform) = Self.connector(shipAnswer: #"{"errcode":0,"errmsg":"ok"}"#)
        #expect(try await connector.ship(Self.notice(replacing: "SF0")) == .accepted)
        let request = try #require(Self.shipRequests(platform).first)
        #expect(request.path == "/channels/ec/order/deliveryinfo/update")
        #expect(try Self.parcel(request)["waybill_id"] as? String == "SF1234567890")
    }

    @Test func answersAreClassified() async throws {
        let already = try await Self.connector(shipAnswer: #"{"errcode":109001,"errmsg":"当前订单已经发货完成,不能重复发货 rid: 1"}"#).0.ship(Self.notice())
        #expect(already == .alreadyShipped(message: "当前订单已经发货完成,不能重复发货 rid: 1"))
        let busy = try await Self.connector(shipAnswer: #"{"errcode":-1,"errmsg":"system error"}"#).0.ship(Self.notice())
        #expect(busy == .transient(code: "-1", message: "system error"))
        let status = try await Self.connector(shipAnswer: #"{"errcode":101100,"errmsg":"订单状态错误,不允许执行此操作"}"#).0.ship(Self.notice())
        #expect(status == .rejected(code: "101100", message: "订单状态错误,不允许执行此操作"))
        let (expired, platform) = Self.connector(shipAnswer: #"{"errcode":42001,"errmsg":"access_token expired"}"#)
        #expect(try await expired.ship(Self.notice()) == .transient(code: "42001", message: "access_token expired"))
        #expect(Self.shipRequests(platform).count == 2)  // refused, token renewed, sent once more
    }

    @Test func unknownOutcomesThrowAndAreNotRetried() async throws {
        for (status, body) in [(200, "oops"), (503, #"{"errcode":0}"#)] {
            let (connector, platform) = Self.connector(status: status, shipAnswer: body)
            await #expect(throws: PlatformAPIError.self) { try await connector.ship(Self.notice()) }
            #expect(Self.shipRequests(platform).count == 1, "\(status) \(body)")
        }
    }

    @Test func trackingNumbersAreReadFromTheDeliveryInfo() async throws {
        let order = WeChatChannelsConnectorTests.orderJSON(status: 30).replacingOccurrences(
            of: #""delivery_info":{"#,
            with: #""delivery_info":{"delivery_product_info":[{"waybill_id":"SF1234567890","delivery_id":"SF"}],"#
        )
        let (connector, _) = Self.connector(order: order, shipAnswer: "")
        #expect(try await connector.shippedTrackingNumbers(platformOrderId: Self.orderId) == ["SF1234567890"])
    }
}
