import Foundation
import MockPlatformKit
import Testing

@Suite("Douyin open API")
struct DouyinAPITests {
    static let lines = [
        MockLineSpec(
            productId: "3656110990000000501",
            skuId: "1786000000000000501",
            outSkuId: "BJPG-5KG",
            title: "保靖椪柑 5kg",
            quantity: 2,
            unitPriceFen: 3990
        ),
        MockLineSpec(
            productId: "3656110990000000501",
            skuId: "1786000000000000502",
            outSkuId: "BJPG-10KG",
            title: "保靖椪柑 10kg",
            quantity: 1,
            unitPriceFen: 6990
        ),
    ]

    /// Runs a body against a fresh mock server.
    func withMock(_ body: (MockPlatform, DouyinTestClient) async throws -> Void) async throws {
        let mock = MockPlatform(configuration: try TestConfiguration.load(), seed: 11)
        try await mock.start()
        do {
            try await body(mock, DouyinTestClient(baseURL: mock.baseURL))
        } catch {
            await mock.shutdown()
            throw error
        }
        await mock.shutdown()
    }

    @Test("token.create answers a token pair for the shop")
    func tokenCreate() async throws {
        try await withMock { _, client in
            let reply = try await client.call(
                "token.create",
                paramJSON: DouyinTestClient.paramJSON(["code": #""""#, "grant_type": #""authorization_self""#, "shop_id": #""4463798""#])
            )
            #expect(reply.status == 200)
            #expect(reply.code == 10000)
            #expect(reply.object["msg"] as? String == "success")
            #expect(reply.object["sub_code"] as? String == "")
            #expect((reply.object["log_id"] as? String)?.isEmpty == false)
            #expect((reply.data["access_token"] as? String)?.isEmpty == false)
            #expect((reply.data["refresh_token"] as? String)?.isEmpty == false)
            #expect((reply.data["expires_in"] as? NSNumber)?.intValue == 604_800)
            #expect(reply.body.contains(#""shop_id":4463798"#))
        }
    }

    @Test("a correctly signed orderDetail returns the shop order with exact ids")
    func orderDetail() async throws {
        try await withMock { mock, client in
            let shop = try #require(mock.douyin(shop: "yunlai-douyin"))
            let orderId = shop.createOrder(
                lines: Self.lines,
                postageFen: 800,
                roomId: "7301882233445566778",
                authorId: "3871234567890123456",
                at: Date()
            )
            _ = try shop.pay(orderId: orderId, at: Date())
            let token = try await client.accessToken()
            let reply = try await client.call(
                "order.orderDetail",
                paramJSON: DouyinTestClient.paramJSON(["shop_order_id": "\"\(orderId)\""]),
                accessToken: token
            )
            #expect(reply.code == 10000)
            let detail = try #require(reply.data["shop_order_detail"] as? [String: Any])
            #expect(detail["order_id"] as? String == orderId)
            #expect((detail["order_status"] as? NSNumber)?.intValue == 2)
            #expect((detail["pay_amount"] as? NSNumber)?.int64Value == Int64(2 * 3990 + 6990 + 800))
            #expect((detail["post_amount"] as? NSNumber)?.int64Value == 800)
            let province = (detail["post_addr"] as? [String: Any])?["province"] as? [String: Any]
            #expect(province?["name"] as? String == "湖南省")
            #expect((detail["encrypt_post_receiver"] as? String)?.isEmpty == false)
            let skus = try #require(detail["sku_order_list"] as? [[String: Any]])
            #expect(skus.count == 2)
            #expect(skus[0]["parent_order_id"] as? String == orderId)
            #expect((skus[0]["order_id"] as? String)?.count == 19)
            #expect(skus[0]["out_sku_id"] as? String == "BJPG-5KG")
            #expect((skus[0]["item_num"] as? NSNumber)?.intValue == 2)
            #expect((skus[0]["pay_amount"] as? NSNumber)?.int64Value == 7980)
            // 19-digit numbers are written exactly, as JSON numbers.
            #expect(reply.body.contains(#""product_id":3656110990000000501"#))
            #expect(reply.body.contains(#""sku_id":1786000000000000502"#))
            #expect(reply.body.contains(#""room_id":7301882233445566778"#))
            #expect(reply.body.contains("\"order_id\":\"\(orderId)\""))

            let missing = try await client.call(
                "order.orderDetail",
                paramJSON: DouyinTestClient.paramJSON(["shop_order_id": "\"4000000000000000001\""]),
                accessToken: token
            )
            #expect(missing.code == 50001)
            #expect(missing.subCode.hasPrefix("isv.business-failed"))
        }
    }

    @Test("searchList succeeds with a correctly signed request, including md5 and Beijing-time timestamps")
    func searchListSigned() async throws {
        try await withMock { mock, client in
            let shop = try #require(mock.douyin(shop: "yunlai-douyin"))
            let now = Date()
            _ = shop.createOrder(lines: Self.lines, at: now)
            let token = try await client.accessToken()
            let params = DouyinTestClient.paramJSON([
                "page": "0", "size": "20", "order_by": #""update_time""#,
                "update_time_start": String(Int(now.timeIntervalSince1970) - 60),
                "update_time_end": String(Int(now.timeIntervalSince1970) + 60),
            ])
            let reply = try await client.call("order.searchList", paramJSON: params, accessToken: token)
            #expect(reply.code == 10000)
            #expect((reply.data["total"] as? NSNumber)?.intValue == 1)
            #expect((reply.data["page"] as? NSNumber)?.intValue == 0)

            let md5 = try await client.call("order.searchList", paramJSON: params, accessToken: token, signMethod: "md5")
            #expect(md5.code == 10000)
            let legacy = try await client.call("order.searchList", paramJSON: params, accessToken: token, signMethod: nil)
            #expect(legacy.code == 10000, "no sign_method means md5")

            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
            formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
            let beijing = try await client.call("order.searchList", paramJSON: params, accessToken: token, timestamp: formatter.string(from: Date()))
            #expect(beijing.code == 10000)

            let stale = try await client.call(
                "order.searchList",
                paramJSON: params,
                accessToken: token,
                timestamp: String(Int(Date().timeIntervalSince1970) - 601)
            )
            #expect(stale.code == 40003)
            #expect(stale.subCode == "isv.timestamp-invalid")
        }
    }

    @Test("a wrong secret, a changed byte and a missing sign are refused in Douyin's error shape")
    func badSignatures() async throws {
        try await withMock { mock, client in
            let token = try await client.accessToken()
            let params = DouyinTestClient.paramJSON(["page": "0", "size": "10"])

            let wrongSecret = try await client.call("order.searchList", paramJSON: params, accessToken: token, signingSecret: "not-the-secret")
            #expect(wrongSecret.status == 200)
            #expect(wrongSecret.code == 40004)
            #expect(wrongSecret.subCode == "isv.signature-invalid")
            #expect(wrongSecret.object["msg"] is String)
            #expect(wrongSecret.object["sub_msg"] is String)
            #expect(wrongSecret.object["log_id"] is String)

            let changed = try await client.call(
                "order.searchList",
                paramJSON: params,
                accessToken: token,
                sentBody: params.replacingOccurrences(of: "10", with: "11")
            )
            #expect(changed.code == 40004)

            let missing = try await client.call("order.searchList", paramJSON: params, accessToken: token, omit: ["sign"])
            #expect(missing.code == 40003)
            #expect(missing.subCode == "isv.missing-parameter:sign")

            let noToken = try await client.call("order.searchList", paramJSON: params, omit: ["access_token"])
            #expect(noToken.code == 40003)

            let badToken = try await client.call("order.searchList", paramJSON: params, accessToken: "nope")
            #expect(badToken.code == 30002)
            #expect(badToken.subCode == "isv.access-token-invalid")

            let unknownApp = try await DouyinTestClient(baseURL: mock.baseURL, appKey: "1234", appSecret: "x")
                .call("order.searchList", paramJSON: params, accessToken: token)
            #expect(unknownApp.code == 30001)

            let log = mock.requestLog()
            #expect(log.count == 7)
            #expect(log.filter(\.signatureValid).count == 3, "token.create, noToken and badToken were signed correctly")
            #expect(log.map(\.method).allSatisfy { $0 == "order.searchList" || $0 == "token.create" })
            #expect(log[1].code == 40004 && log[1].shop == "yunlai-douyin" && !log[1].signatureValid)
        }
    }

    @Test("unsorted param_json: refused in strict mode even when signed as sent, accepted when relaxed")
    func canonicalRule() async throws {
        try await withMock { mock, client in
            let token = try await client.accessToken()
            let unsorted = #"{"size":10,"page":0}"#
            let strict = try await client.call("order.searchList", paramJSON: unsorted, accessToken: token)
            #expect(strict.code == 40004)
            #expect(mock.requestLog().last?.signatureValid == false)
            mock.requireCanonicalParamJSON = false
            let relaxed = try await client.call("order.searchList", paramJSON: unsorted, accessToken: token)
            #expect(relaxed.code == 10000)
        }
    }

    @Test("expired tokens are refused until refreshed")
    func tokenExpiry() async throws {
        try await withMock { mock, client in
            let created = try await client.call(
                "token.create",
                paramJSON: DouyinTestClient.paramJSON(["code": #""""#, "grant_type": #""authorization_self""#, "shop_id": #""4463798""#])
            )
            let token = try #require(created.data["access_token"] as? String)
            let refresh = try #require(created.data["refresh_token"] as? String)
            mock.expireTokens()
            let params = DouyinTestClient.paramJSON(["page": "0", "size": "10"])
            let expired = try await client.call("order.searchList", paramJSON: params, accessToken: token)
            #expect(expired.code == 30002)
            #expect(expired.subCode == "isv.access-token-expired")

            let refreshed = try await client.call(
                "token.refresh",
                paramJSON: DouyinTestClient.paramJSON(["grant_type": #""refresh_token""#, "refresh_token": "\"\(refresh)\""])
            )
            #expect(refreshed.code == 10000)
            let newToken = try #require(refreshed.data["access_token"] as? String)
            #expect(newToken != token)
            #expect(try await client.call("order.searchList", paramJSON: params, accessToken: newToken).code == 10000)

            let reused = try await client.call(
                "token.refresh",
                paramJSON: DouyinTestClient.paramJSON(["grant_type": #""refresh_token""#, "refresh_token": "\"\(refresh)\""])
            )
            #expect(reused.code == 30002)
        }
    }

    @Test("a token of one shop only sees that shop's orders")
    func shopIsolation() async throws {
        try await withMock { mock, client in
            let other = try #require(mock.douyin(shop: "linyin-douyin"))
            let otherOrder = other.createOrder(lines: Self.lines, at: Date())
            let token = try await client.accessToken()
            let reply = try await client.call(
                "order.orderDetail",
                paramJSON: DouyinTestClient.paramJSON(["shop_order_id": "\"\(otherOrder)\""]),
                accessToken: token
            )
            #expect(reply.code == 50001)
            #expect(mock.douyin(shop: "county-miniprogram") == nil)
        }
    }

    @Test("sku.syncStock records the latest level per SKU")
    func syncStock() async throws {
        try await withMock { mock, client in
            let token = try await client.accessToken()
            let first = try await client.call(
                "sku.syncStock",
                paramJSON: DouyinTestClient.paramJSON(["product_id": "3656110990000000501", "sku_id": "1786000000000000501", "stock_num": "120"]),
                accessToken: token
            )
            #expect(first.code == 10000)
            _ = try await client.call(
                "sku.syncStock",
                paramJSON: DouyinTestClient.paramJSON([
                    "product_id": "3656110990000000501", "sku_id": "1786000000000000501", "stock_num": "-20", "incremental": "true",
                ]),
                accessToken: token
            )
            _ = try await client.call(
                "sku.syncStock",
                paramJSON: DouyinTestClient.paramJSON(["product_id": #""3656110990000000777""#, "out_sku_id": #""BJPG-3KG-TRIAL""#, "stock_num": "7"]
                ),
                accessToken: token
            )
            let missing = try await client.call(
                "sku.syncStock",
                paramJSON: DouyinTestClient.paramJSON(["product_id": "3656110990000000501", "stock_num": "7"]),
                accessToken: token
            )
            #expect(missing.code == 40003)
            let levels = mock.stockLevels()
            #expect(levels.count == 2)
            #expect(levels.first { $0.skuId == "1786000000000000501" }?.stock == 100)
            #expect(levels.first { $0.skuId == "1786000000000000501" }?.writes == 2)
            #expect(levels.first { $0.outSkuId == "BJPG-3KG-TRIAL" }?.stock == 7)
            let served = try await client.mockGet("/_mock/stock")
            #expect((served["stock"] as? [Any])?.count == 2)
        }
    }
}
