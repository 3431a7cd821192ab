import Foundation
import MockPlatformKit
import NIOHTTP1
import Testing

@Suite("WeChat Channels API")
struct WechatChannelsAPITests {
    static let line = MockLineSpec(
        productId: "10000123456789",
        skuId: "2000012345678901",
        outSkuId: "BJPG-5KG",
        title: "保靖椪柑 5kg",
        quantity: 2,
        unitPriceFen: 3990
    )

    func withMock(_ body: (MockPlatform) async throws -> Void) async throws {
        let mock = MockPlatform(configuration: try DomesticPlatformsConfiguration.load(), seed: 31)
        try await mock.start()
        do { try await body(mock) } catch {
            await mock.shutdown()
            throw error
        }
        await mock.shutdown()
    }

    static func token(_ mock: MockPlatform, secret: String = DomesticPlatformsConfiguration.wechatSecret) async throws -> TestHTTPCall.Reply {
        try await TestHTTPCall.send(
            .GET,
            mock.baseURL + "/cgi-bin/token?grant_type=client_credential&appid=\(DomesticPlatformsConfiguration.wechatAppId)&secret=\(secret)"
        )
    }

    static func post(_ mock: MockPlatform, _ path: String, token: String?, _ body: String) async throws -> TestHTTPCall.Reply {
        try await TestHTTPCall.send(
            .POST,
            mock.baseURL + path + (token.map { "?access_token=" + $0 } ?? ""),
            body: body,
            contentType: "application/json"
        )
    }

    @Test("/cgi-bin/token answers a 7200 s token; wrong secret, missing appid and wrong grant_type are errcode answers")
    func token() async throws {
        try await withMock { mock in
            let good = try await Self.token(mock)
            #expect(good.status == 200)
            #expect((good.object["access_token"] as? String)?.isEmpty == false)
            #expect(good.int("expires_in") == 7200)
            #expect(good.object["errcode"] == nil)
            #expect(try await Self.token(mock, secret: "nope").int("errcode") == 40001)
            let noAppId = try await TestHTTPCall.send(.GET, mock.baseURL + "/cgi-bin/token?grant_type=client_credential&secret=x")
            #expect(noAppId.int("errcode") == 41002)
            #expect((noAppId.object["errmsg"] as? String)?.contains("rid:") == true)
            let grant = try await TestHTTPCall.send(.GET, mock.baseURL + "/cgi-bin/token?grant_type=password&appid=a&secret=b")
            #expect(grant.int("errcode") == 40002)
            let unknown = try await TestHTTPCall.send(.GET, mock.baseURL + "/cgi-bin/token?grant_type=client_credential&appid=wx000&secret=b")
            #expect(unknown.int("errcode") == 40013)
        }
    }

    @Test("order/list/get pages by next_key; order/get returns the 19-digit order_id and prices in fen")
    func listAndGet() async throws {
        try await withMock { mock in
            let shop = try #require(mock.wechatChannels(shop: "linyin-wechat"))
            let now = Date()
            var created: [String] = []
            for offset in 0..<5 {
                let id = shop.createOrder(lines: [Self.line], postageFen: 600, at: now.addingTimeInterval(Double(-offset)))
                _ = try shop.pay(orderId: id, at: now.addingTimeInterval(Double(-offset)))
                created.append(id)
            }
            let token = try #require(try await Self.token(mock).object["access_token"] as? String)
            let seconds = Int(now.timeIntervalSince1970)
            var seen: [String] = []
            var nextKey = ""
            var pages = 0
            var hasMore = true
            while hasMore && pages < 10 {
                let body =
                    #"{"update_time_range":{"start_time":\#(seconds - 3600),"end_time":\#(seconds + 60)},"page_size":2,"next_key":"\#(nextKey)"}"#
                let reply = try await Self.post(mock, "/channels/ec/order/list/get", token: token, body)
                #expect(reply.int("errcode") == 0, "\(reply.body)")
                #expect(reply.object["errmsg"] as? String == "ok")
                seen += try #require(reply.object["order_id_list"] as? [String])
                nextKey = try #require(reply.object["next_key"] as? String)
                hasMore = try #require(reply.object["has_more"] as? Bool)
                pages += 1
            }
            #expect(pages == 3)
            #expect(seen == created)
            #expect(created.allSatisfy { $0.count == 19 })

            let detail = try await Self.post(mock, "/channels/ec/order/get", token: token, #"{"order_id":"\#(created[0])"}"#)
            #expect(detail.int("errcode") == 0)
            #expect(detail.body.contains("\"order_id\":\"\(created[0])\""))
            let order = try #require(detail.object["order"] as? [String: Any])
            #expect(TestHTTPCall.Reply.int(order["status"]) == 20)
            let orderDetail = try #require(order["order_detail"] as? [String: Any])
            let price = try #require(orderDetail["price_info"] as? [String: Any])
            #expect(TestHTTPCall.Reply.int(price["order_price"]) == Int64(2 * 3990 + 600))
            #expect(TestHTTPCall.Reply.int(price["freight"]) == 600)
            let products = try #require(orderDetail["product_infos"] as? [[String: Any]])
            #expect(products.first?["sku_code"] as? String == "BJPG-5KG")
            #expect(TestHTTPCall.Reply.int(products.first?["sku_cnt"]) == 2)
            let address = (orderDetail["delivery_info"] as? [String: Any])?["address_info"] as? [String: Any]
            #expect(address?["province_name"] as? String == "湖南省")
            let byNumber = try await Self.post(mock, "/channels/ec/order/get", token: token, #"{"order_id":\#(created[1])}"#)
            #expect(byNumber.int("errcode") == 0)
            let missing = try await Self.post(mock, "/channels/ec/order/get", token: token, #"{"order_id":"3705000000000000001"}"#)
            #expect(missing.int("errcode") == 100002)
        }
    }

    @Test("missing, unknown and expired tokens, bad JSON, no range and over-7-day ranges are refused")
    func refusals() async throws {
        try await withMock { mock in
            let token = try #require(try await Self.token(mock).object["access_token"] as? String)
            let range = #"{"create_time_range":{"start_time":0,"end_time":604800},"page_size":10}"#
            #expect(try await Self.post(mock, "/channels/ec/order/list/get", token: token, range).int("errcode") == 0)
            #expect(try await Self.post(mock, "/channels/ec/order/list/get", token: nil, range).int("errcode") == 41001)
            #expect(try await Self.post(mock, "/channels/ec/order/list/get", token: "nope", range).int("errcode") == 40001)
            #expect(try await Self.post(mock, "/channels/ec/order/list/get", token: token, "{oops").int("errcode") == 47001)
            #expect(try await Self.post(mock, "/channels/ec/order/list/get", token: token, #"{"page_size":10}"#).int("errcode") == 40097)
            let wide = #"{"create_time_range":{"start_time":0,"end_time":604801}}"#
            #expect(try await Self.post(mock, "/channels/ec/order/list/get", token: token, wide).int("errcode") == 40097)
            let big = #"{"create_time_range":{"start_time":0,"end_time":10},"page_size":101}"#
            #expect(try await Self.post(mock, "/channels/ec/order/list/get", token: token, big).int("errcode") == 40097)
            mock.expireTokens()
            #expect(try await Self.post(mock, "/channels/ec/order/list/get", token: token, range).int("errcode") == 42001)
            let log = mock.requestLog().filter { $0.platform == "wechat-channels" }
            #expect(log.count == 9)
            #expect(log.last?.code == 42001)
        }
    }

    @Test("stock/update adds, subtracts and sets, never below zero")
    func stock() async throws {
        try await withMock { mock in
            let token = try #require(try await Self.token(mock).object["access_token"] as? String)
            func write(_ type: Int, _ number: Int) async throws -> Int64? {
                try await Self.post(
                    mock,
                    "/channels/ec/product/stock/update",
                    token: token,
                    #"{"product_id":"10000123456789","sku_id":"2000012345678901","diff_type":\#(type),"num":\#(number)}"#
                ).int("errcode")
            }
            #expect(try await write(3, 50) == 0)
            #expect(try await write(2, 8) == 0)
            #expect(try await write(1, 3) == 0)
            #expect(try await write(2, 100) == 40097)
            #expect(try await write(4, 1) == 40097)
            let level = try #require(mock.stockLevels().first { $0.platform == "wechat-channels" })
            #expect(level.stock == 45 && level.writes == 3 && level.shop == "linyin-wechat")
        }
    }
}
