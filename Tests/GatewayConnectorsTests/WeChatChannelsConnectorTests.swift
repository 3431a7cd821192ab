import Foundation
import GatewayCore
import Synchronization
import Testing

@testable import GatewayConnectors

@Suite struct WeChatChannelsConnectorTests {
    /// A real-shaped `/channels/ec/order/get` order; `order_id` is a JSON number above 2^53.
    static func orderJSON(id: String = "3705115058471208928", status: Int = 20, updateTime: Int64 = 1_764_400_300) -> String {
        #"""
        {"order_id":\#(id),"status":\#(status),"create_time":1764400000,"update_time":\#(updateTime),"openid":"oBuyer123","unionid":"uBuyer123",
         "order_detail":{
           "product_infos":[
             {"product_id":"10000071234567","sku_id":"2000001234567","sku_code":"ponkan-5kg-a","title":"保靖椪柑 5kg 特级","sku_cnt":2,
              "sale_price":5980,"market_price":6980,"real_price":10960,"on_aftersale_sku_cnt":0,"finish_aftersale_sku_cnt":0},
             {"product_id":"10000071234568","sku_id":"2000001234568","title":"保靖椪柑 2.5kg","sku_cnt":1,"sale_price":2990,
              "on_aftersale_sku_cnt":1,"finish_aftersale_sku_cnt":0}],
           "price_info":{"product_price":14950,"order_price":13950,"freight":0,"discounted_price":1000},
           "pay_info":{"pay_time":1764400060,"transaction_id":"4200001234202611290000000001"},
           "delivery_info":{"address_info":{"user_name":"张三","tel_number":"13812345678","province_name":"湖南省","city_name":"长沙市","county_name":"岳麓区"}},
           "source_infos":[{"sku_id":"2000001234567","account_type":1,"account_id":"sphABCDEF123","sale_channel":0,"content_type":"1","content_id":"export/live-998877"}]},
         "aftersale_detail":{"on_aftersale_order_cnt":1}}
        """#
    }

    func connector(_ platform: ScriptedPlatform) -> WeChatChannelsConnector {
        WeChatChannelsConnector(
            shop: "yunlai-wechat",
            api: WeChatChannelsAPIClient(
                baseURL: "http://mock.test",
                appId: "wx5823bf96d3bd56c7",
                appSecret: "wechat-secret",
                transport: platform.transport,
                limiter: RateLimiter(ratePerSecond: 1000, burst: 1000),
                retry: RetryPolicy(maxAttempts: 2, baseDelayMilliseconds: 1, maxDelayMilliseconds: 2),
                clock: testWallClock
            )
        )
    }

    @Test func orderMapsExactlyWithNineteenDigitIds() throws {
        let order = try JSONDecoder().decode(WeChatOrder.self, from: Data(Self.orderJSON().utf8))
        #expect(order.order_id.value == "3705115058471208928")
        let snapshot = try WeChatChannelsMapping.snapshot(order)
        #expect(snapshot.status == .paid)
        #expect(snapshot.platformStatus == "20")
        #expect(snapshot.totalFen == 14950)
        #expect(snapshot.paidFen == 13950)
        #expect(snapshot.discountFen == 1000)
        #expect(snapshot.postageFen == 0)
        #expect(snapshot.createdAt == Timestamp(secondsSince1970: 1_764_400_000))
        #expect(snapshot.paidAt == Timestamp(secondsSince1970: 1_764_400_060))
        #expect(WeChatChannelsMapping.updatedAt(order) == Timestamp(secondsSince1970: 1_764_400_300))
        #expect(snapshot.lines.map(\.skuId) == ["2000001234567", "2000001234568"])
        #expect(snapshot.lines.map(\.paidFen) == [10960, 2990])
        #expect(snapshot.lines.map(\.quantity) == [2, 1])
        #expect(snapshot.lines[0].outSkuId == "ponkan-5kg-a")
        #expect(snapshot.lines[1].outSkuId == nil)
        #expect(snapshot.lines.map(\.refundState) == [.none, .requested])
        #expect(snapshot.buyer.maskedName?.hasPrefix("张") == true)
        #expect(snapshot.buyer.maskedName?.contains("三") == false)
        #expect(snapshot.buyer.maskedPhone == "138****5678")
        #expect(snapshot.buyer.phoneTail == "5678")
        #expect(snapshot.buyer.city == "长沙市")
        #expect(snapshot.liveRoomId == "export/live-998877")
        #expect(snapshot.authorId == "sphABCDEF123")
    }

    @Test(arguments: [
        (Int64(10), OrderStatus.created), (12, .paid), (13, .paid), (20, .paid), (21, .paid), (30, .shipped), (100, .completed),
        (190, .cancelled), (200, .cancelled), (250, .cancelled),
    ])
    func statusCodes(code: Int64, status: OrderStatus) {
        #expect(WeChatChannelsMapping.status(code: code) == status)
    }

    @Test func unknownStatusIsAnError() throws {
        let order = try JSONDecoder().decode(WeChatOrder.self, from: Data(Self.orderJSON(status: 99).utf8))
        #expect(throws: ConnectorError.self) { try WeChatChannelsMapping.snapshot(order) }
    }

    @Test func pushObservationsAreThinWithEventStatuses() throws {
        let connector = connector(ScriptedPlatform { _ in PlatformHTTPResponse(status: 500, body: "") })
        func observe(_ event: String) throws -> [OrderObservation] {
            let delivery = InboxDelivery(
                platform: .wechatChannels,
                shop: "yunlai-wechat",
                deliveryId: "d",
                kind: .push,
                receivedAt: Timestamp(secondsSince1970: 1),
                text: event
            )
            return try connector.observations(from: InboxEntry(id: 1, delivery: delivery))
        }
        let paid = try observe(WeChatChannelsPushTests.message)
        #expect(paid.count == 1)
        #expect(paid[0].key.platformOrderId == "3705115058471208928")
        #expect(paid[0].status == .paid)
        #expect(paid[0].needsDetail)
        #expect(paid[0].platformUpdatedAt == Timestamp(secondsSince1970: 1_764_400_000))
        let table: [(String, OrderStatus?)] = [
            ("channels_ec_order_new", .created), ("channels_ec_order_cancel", .cancelled), ("channels_ec_order_wait_shipping", .paid),
            ("channels_ec_order_deliver", .shipped), ("channels_ec_order_confirm", .completed), ("channels_ec_order_settle", .completed),
            ("channels_ec_order_ext_info_update", nil),
        ]
        for (name, status) in table {
            let observed = try observe(#"{"CreateTime":1764400000,"Event":"\#(name)","order_info":{"order_id":"3705115058471208928"}}"#)
            #expect(observed[0].status == status, "\(name)")
        }
        let partial = try observe(#"{"CreateTime":1764400000,"Event":"channels_ec_order_deliver","order_info":{"order_id":"1","finish_delivery":0}}"#)
        #expect(partial[0].status == nil)
    }

    @Test func tokenIsCachedListIsPagedAndEachOrderIsFetched() async throws {
        let tokenFetches = Mutex(0)
        let platform = ScriptedPlatform { request in
            switch request.path {
            case "/cgi-bin/token":
                let query = request.queryParameters
                guard request.method == "GET", query == ["grant_type": "client_credential", "appid": "wx5823bf96d3bd56c7", "secret": "wechat-secret"]
                else {
                    return PlatformHTTPResponse(status: 200, body: #"{"errcode":40013,"errmsg":"invalid appid"}"#)
                }
                let n = tokenFetches.withLock {
                    $0 += 1
                    return $0
                }
                return PlatformHTTPResponse(status: 200, body: #"{"access_token":"TOKEN-\#(n)","expires_in":7200}"#)
            case "/channels/ec/order/list/get":
                guard request.queryParameters["access_token"] == "TOKEN-1" else {
                    return PlatformHTTPResponse(status: 200, body: #"{"errcode":40001,"errmsg":"invalid credential"}"#)
                }
                let body = request.jsonBody
                if body["next_key"] == nil {
                    return PlatformHTTPResponse(
                        status: 200,
                        body:
                            #"{"errcode":0,"errmsg":"ok","order_id_list":["3705115058471208928",3705115058471208929],"next_key":"NK1","has_more":true}"#
                    )
                }
                return PlatformHTTPResponse(
                    status: 200,
                    body: #"{"errcode":0,"errmsg":"ok","order_id_list":["3705115058471208930"],"next_key":"NK2","has_more":false}"#
                )
            case "/channels/ec/order/get":
                let id = request.jsonBody["order_id"] as? String ?? "?"
                return PlatformHTTPResponse(
                    status: 200,
                    body:
                        #"{"errcode":0,"errmsg":"ok","order":\#(Self.orderJSON(id: "\"\(id)\"", updateTime: 1_764_400_000 + Int64(id.suffix(1))!))}"#
                )
            default:
                return PlatformHTTPResponse(status: 404, body: "")
            }
        }
        let deliveries = try await connector(platform).poll(
            from: Timestamp(secondsSince1970: 1_764_396_400),
            to: Timestamp(millisecondsSince1970: 1_764_400_000_500)
        )
        #expect(
            deliveries.map(\.deliveryId) == [
                "poll:3705115058471208928:1764400008", "poll:3705115058471208929:1764400009", "poll:3705115058471208930:1764400000",
            ]
        )
        #expect(tokenFetches.withLock { $0 } == 1)
        let lists = platform.requests.filter { $0.path == "/channels/ec/order/list/get" }
        #expect(lists.count == 2)
        let first = lists[0].jsonBody
        let range = first["update_time_range"] as? [String: Any]
        #expect(range?["start_time"] as? Int == 1_764_396_400)
        #expect(range?["end_time"] as? Int == 1_764_400_001)
        #expect(first["page_size"] as? Int == 100)
        #expect(first["next_key"] == nil)
        #expect(lists[1].jsonBody["next_key"] as? String == "NK1")
        #expect(lists.allSatisfy { $0.method == "POST" && $0.headers["Content-Type"] == "application/json" })
        let gets = platform.requests.filter { $0.path == "/channels/ec/order/get" }
        #expect(gets.map { $0.jsonBody["order_id"] as? String } == ["3705115058471208928", "3705115058471208929", "3705115058471208930"])
        // The stored poll row decodes to a full observation.
        let observed = try connector(platform).observations(from: InboxEntry(id: 9, delivery: deliveries[0]))
        #expect(observed[0].snapshot?.paidFen == 13950)
        #expect(observed[0].source == .poll)
    }

    /// A platform whose list holds `ids` (raw JSON rows) on one page and whose detail fails for `failing` ids.
    static func listingPlatform(ids: [String], failing: [String: PlatformHTTPResponse]) -> ScriptedPlatform {
        ScriptedPlatform { request in
            switch request.path {
            case "/cgi-bin/token":
                return PlatformHTTPResponse(status: 200, body: #"{"access_token":"T","expires_in":7200}"#)
            case "/channels/ec/order/list/get":
                return PlatformHTTPResponse(
                    status: 200,
                    body: #"{"errcode":0,"errmsg":"ok","order_id_list":[\#(ids.joined(separator: ","))],"next_key":"NK1","has_more":false}"#
                )
            case "/channels/ec/order/get":
                let id = request.jsonBody["order_id"] as? String ?? "?"
                if let failure = failing[id] { return failure }
                return PlatformHTTPResponse(status: 200, body: #"{"errcode":0,"errmsg":"ok","order":\#(Self.orderJSON(id: "\"\(id)\""))}"#)
            default:
                return PlatformHTTPResponse(status: 404, body: "")
            }
        }
    }

    @Test func oneUnreadableListRowBecomesItsOwnDeliveryAndTheWindowSucceeds() async throws {
        let platform = Self.listingPlatform(ids: [#""3705115058471208928""#, #"{"id":"?"}"#, "3705115058471208930"], failing: [:])
        let connector = connector(platform)
        let deliveries = try await connector.poll(from: Timestamp(secondsSince1970: 1_764_396_400), to: Timestamp(secondsSince1970: 1_764_400_000))
        #expect(deliveries.count == 3)
        #expect(deliveries[0].deliveryId == "poll:3705115058471208928:1764400300")
        #expect(deliveries[1].deliveryId.hasPrefix("poll:unreadable:"))
        #expect(deliveries[1].payloadText == #"{"id":"?"}"#)
        #expect(deliveries[2].deliveryId == "poll:3705115058471208930:1764400300")
        #expect(throws: ConnectorError.self) { try connector.observations(from: InboxEntry(id: 1, delivery: deliveries[1])) }
        #expect(try connector.observations(from: InboxEntry(id: 2, delivery: deliveries[2])).first?.snapshot?.paidFen == 13950)
    }

    @Test(arguments: [
        PlatformHTTPResponse(status: 200, body: #"{"errcode":10020001,"errmsg":"order not exist"}"#),
        PlatformHTTPResponse(status: 503, body: "busy"),
        PlatformHTTPResponse(status: 200, body: #"{"errcode":0,"errmsg":"ok","order":{"order_id":"3705115058471208929","status":"?"}}"#),
    ])
    func aFailingDetailBecomesAThinDeliveryThatAsksForTheDetail(failure: PlatformHTTPResponse) async throws {
        let platform = Self.listingPlatform(
            ids: ["3705115058471208928", "3705115058471208929", "3705115058471208930"],
            failing: ["3705115058471208929": failure]
        )
        let connector = connector(platform)
        let deliveries = try await connector.poll(from: Timestamp(secondsSince1970: 1_764_396_400), to: Timestamp(secondsSince1970: 1_764_400_000))
        #expect(
            deliveries.map(\.deliveryId) == [
                "poll:3705115058471208928:1764400300", "poll:3705115058471208929:listed:1764396400-1764400000", "poll:3705115058471208930:1764400300",
            ]
        )
        let thin = try connector.observations(from: InboxEntry(id: 1, delivery: deliveries[1]))
        #expect(thin.count == 1)
        #expect(thin[0].key.platformOrderId == "3705115058471208929")
        #expect(thin[0].needsDetail)
        #expect(thin[0].snapshot == nil)
        #expect(thin[0].status == nil)
        #expect(thin[0].source == .poll)
        #expect(thin[0].platformUpdatedAt == Timestamp(secondsSince1970: 1_764_396_400))
    }

    @Test func aFailingListCallStillFailsTheWindow() async throws {
        let platform = ScriptedPlatform { request in
            request.path == "/cgi-bin/token"
                ? PlatformHTTPResponse(status: 200, body: #"{"access_token":"T","expires_in":7200}"#)
                : PlatformHTTPResponse(status: 502, body: "bad gateway")
        }
        await #expect(throws: PlatformAPIError.self) {
            try await connector(platform).poll(from: Timestamp(secondsSince1970: 1_764_396_400), to: Timestamp(secondsSince1970: 1_764_400_000))
        }
    }

    @Test func expiredTokenIsRenewedOnceAndTheCallRetried() async throws {
        let tokenFetches = Mutex(0)
        let platform = ScriptedPlatform { request in
            switch request.path {
            case "/cgi-bin/token":
                let n = tokenFetches.withLock {
                    $0 += 1
                    return $0
                }
                return PlatformHTTPResponse(status: 200, body: #"{"access_token":"TOKEN-\#(n)","expires_in":7200}"#)
            case "/channels/ec/order/get":
                if request.queryParameters["access_token"] == "TOKEN-1" {
                    return PlatformHTTPResponse(status: 200, body: #"{"errcode":42001,"errmsg":"access_token expired"}"#)
                }
                return PlatformHTTPResponse(status: 200, body: #"{"errcode":0,"errmsg":"ok","order":\#(Self.orderJSON(status: 30))}"#)
            case "/channels/ec/product/stock/update":
                return PlatformHTTPResponse(status: 200, body: #"{"errcode":0,"errmsg":"ok"}"#)
            default:
                return PlatformHTTPResponse(status: 404, body: "")
            }
        }
        let connector = connector(platform)
        let prepared = try await connector.fetchOrder(platformOrderId: "3705115058471208928")
        #expect(prepared.observation.snapshot?.status == .shipped)
        #expect(prepared.observation.source == .detail)
        #expect(tokenFetches.withLock { $0 } == 2)
        _ = try await connector.fetchOrder(platformOrderId: "3705115058471208928")
        #expect(tokenFetches.withLock { $0 } == 2)  // TOKEN-2 is cached

        let api = WeChatChannelsAPIClient(
            baseURL: "http://mock.test/",
            appId: "wx5823bf96d3bd56c7",
            appSecret: "wechat-secret",
            transport: platform.transport,
            limiter: RateLimiter(ratePerSecond: 1000, burst: 1000),
            clock: testWallClock
        )
        try await api.updateStock(productId: "10000071234567", skuId: "2000001234567", change: .set(42))
        try await api.updateStock(productId: "10000071234567", skuId: "2000001234567", change: .subtract(3))
        let updates = platform.requests.filter { $0.path == "/channels/ec/product/stock/update" }.map(\.jsonBody)
        #expect(updates.map { $0["diff_type"] as? Int } == [3, 2])
        #expect(updates.map { $0["num"] as? Int } == [42, 3])
        #expect(updates.allSatisfy { $0["product_id"] as? String == "10000071234567" && $0["sku_id"] as? String == "2000001234567" })
    }

    @Test func apiErrorsCarryErrcode() async throws {
        let platform = ScriptedPlatform { request in
            request.path == "/cgi-bin/token"
                ? PlatformHTTPResponse(status: 200, body: #"{"access_token":"T","expires_in":7200}"#)
                : PlatformHTTPResponse(status: 200, body: #"{"errcode":10020001,"errmsg":"order not exist"}"#)
        }
        await #expect {
            try await connector(platform).fetchOrder(platformOrderId: "1")
        } throws: { error in
            (error as? PlatformAPIError).map { $0.code == "10020001" && $0.message == "order not exist" && !$0.isRetryable } ?? false
        }
    }
}
