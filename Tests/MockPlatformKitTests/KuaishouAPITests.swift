import Foundation
import MockPlatformKit
import NIOHTTP1
import Testing

@Suite("Kuaishou open API")
struct KuaishouAPITests {
    static let line = MockLineSpec(
        productId: "22176000000000501",
        skuId: "10089000000000501",
        outSkuId: "BJPG-5KG",
        title: "保靖椪柑 5kg",
        quantity: 2,
        unitPriceFen: 3990
    )

    func withMock(_ body: (MockPlatform, KuaishouTestClient) async throws -> Void) async throws {
        let mock = MockPlatform(configuration: try DomesticPlatformsConfiguration.load(), seed: 21)
        try await mock.start()
        do {
            try await body(mock, KuaishouTestClient(baseURL: mock.baseURL))
        } catch {
            await mock.shutdown()
            throw error
        }
        await mock.shutdown()
    }

    static func window(_ now: Date = Date()) -> String {
        let ms = Int64(now.timeIntervalSince1970 * 1000)
        return #"{"beginTime":\#(ms - 3_600_000),"endTime":\#(ms + 60_000),"pageSize":2,"queryType":1,"cursor":""}"#
    }

    @Test("the token endpoint issues a 48-hour token; a wrong secret is refused in Kuaishou's shape")
    func token() async throws {
        try await withMock { mock, client in
            let reply = try await TestHTTPCall.send(
                .GET,
                mock.baseURL
                    + "/oauth2/access_token?app_id=\(client.appKey)&app_secret=\(DomesticPlatformsConfiguration.kuaishouAppSecret)&grant_type=code&code=abc"
            )
            #expect(reply.int("result") == 1)
            #expect(reply.int("expires_in") == 172_800)
            #expect(reply.int("refresh_token_expires_in") == 15_552_000)
            let refresh = try #require(reply.object["refresh_token"] as? String)
            let wrong = try await TestHTTPCall.send(
                .GET,
                mock.baseURL + "/oauth2/access_token?app_id=\(client.appKey)&app_secret=nope&grant_type=code&code=abc"
            )
            #expect(wrong.int("result") != 1)
            #expect((wrong.object["error_msg"] as? String)?.isEmpty == false)
            let renewed = try await TestHTTPCall.send(
                .POST,
                mock.baseURL + "/oauth2/refresh_token",
                body: TestHTTPCall.form([
                    "app_id": client.appKey, "app_secret": DomesticPlatformsConfiguration.kuaishouAppSecret, "grant_type": "refresh_token",
                    "refresh_token": refresh,
                ]),
                contentType: "application/x-www-form-urlencoded"
            )
            #expect(renewed.int("result") == 1)
        }
    }

    @Test("cursor list pages with HMAC_SHA256 and MD5 signatures, by POST form and GET, until nomore")
    func cursorPaging() async throws {
        try await withMock { mock, client in
            let shop = try #require(mock.kuaishou(shop: "yunlai-kuaishou"))
            let now = Date()
            var created: [String] = []
            for offset in 0..<5 { created.append(shop.createOrder(lines: [Self.line], postageFen: 800, at: now.addingTimeInterval(Double(-offset)))) }
            #expect(Set(created).count == 5)
            let token = try await client.accessToken()
            var seen: [String] = []
            var cursor = ""
            var pages = 0
            repeat {
                let ms = Int64(now.timeIntervalSince1970 * 1000)
                let param = #"{"beginTime":\#(ms - 3_600_000),"cursor":"\#(cursor)","endTime":\#(ms + 60_000),"pageSize":2}"#
                let reply = try await client.call(
                    "open.order.cursor.list",
                    param: param,
                    accessToken: token,
                    signMethod: pages % 2 == 0 ? "HMAC_SHA256" : "MD5",
                    httpMethod: pages == 1 ? .GET : .POST
                )
                #expect(reply.int("result") == 1, "\(reply.body)")
                let data = try #require(reply.object["data"] as? [String: Any])
                let list = try #require(data["orderList"] as? [[String: Any]])
                for order in list {
                    let base = try #require(order["orderBaseInfo"] as? [String: Any])
                    seen.append(String(try #require(TestHTTPCall.Reply.int(base["oid"]))))
                }
                cursor = try #require(data["cursor"] as? String)
                pages += 1
            } while cursor != "nomore" && pages < 10
            #expect(pages == 3)
            #expect(seen == created, "newest first, every order once")
            // oids are above 2^53 and sent as exact JSON numbers.
            let detail = try await client.call("open.order.detail", param: #"{"oid":\#(created[0])}"#, accessToken: token)
            #expect(detail.body.contains("\"oid\":\(created[0])"))
            #expect(Int64(created[0])! > 9_007_199_254_740_992)
            let data = try #require(detail.object["data"] as? [String: Any])
            let base = try #require(data["orderBaseInfo"] as? [String: Any])
            #expect(TestHTTPCall.Reply.int(base["totalFee"]) == Int64(2 * 3990 + 800))
            #expect(TestHTTPCall.Reply.int(base["status"]) == 10)
            let item = try #require(data["orderItemInfo"] as? [String: Any])
            #expect(item["skuNick"] as? String == "BJPG-5KG")
            let missing = try await client.call("open.order.detail", param: #"{"oid":9200000000000000001}"#, accessToken: token)
            #expect(missing.int("result") == 2007)
        }
    }

    @Test("a wrong secret, a changed byte, a missing sign or signMethod are refused in Kuaishou's error shape")
    func refusals() async throws {
        try await withMock { mock, client in
            let token = try await client.accessToken()
            let param = Self.window()
            let good = try await client.call("open.order.cursor.list", param: param, accessToken: token)
            #expect(good.int("result") == 1)
            let wrongSecret = try await client.call("open.order.cursor.list", param: param, accessToken: token, signingSecret: "not-it")
            #expect(wrongSecret.status == 200)
            #expect(wrongSecret.int("result") == 2002)
            #expect(wrongSecret.object["error_msg"] is String)
            #expect(wrongSecret.object["sub_code"] is String)
            let changed = try await client.call(
                "open.order.cursor.list",
                param: param,
                accessToken: token,
                sentParam: param.replacingOccurrences(of: "\"pageSize\":2", with: "\"pageSize\":3")
            )
            #expect(changed.int("result") == 2002)
            let noSign = try await client.call("open.order.cursor.list", param: param, accessToken: token, omit: ["sign"])
            #expect(noSign.int("result") == 2001)
            #expect((noSign.object["error_msg"] as? String)?.contains("sign") == true)
            let noMethod = try await client.call("open.order.cursor.list", param: param, accessToken: token, omit: ["signMethod"])
            #expect(noMethod.int("result") == 2001)
            let stale = try await client.call(
                "open.order.cursor.list",
                param: param,
                accessToken: token,
                timestamp: Int64(Date().timeIntervalSince1970 * 1000) - 700_000
            )
            #expect(stale.int("result") == 2001)
            let badToken = try await client.call("open.order.cursor.list", param: param, accessToken: "nope")
            #expect(badToken.int("result") == 2004)
            let unknownApp = try await KuaishouTestClient(baseURL: mock.baseURL, appKey: "ks000", signSecret: "x")
                .call("open.order.cursor.list", param: param, accessToken: token)
            #expect(unknownApp.int("result") == 2003)
            let log = mock.requestLog().filter { $0.platform == "kuaishou" && $0.path == "/open/order/cursor/list" }
            #expect(log.count == 8)
            #expect(log.filter(\.signatureValid).count == 3, "good, stale and badToken were signed correctly")
        }
    }

    @Test("window rules: endTime before beginTime and windows over 7 days are refused")
    func windows() async throws {
        try await withMock { _, client in
            let token = try await client.accessToken()
            let backwards = try await client.call("open.order.cursor.list", param: #"{"beginTime":2000,"endTime":1000}"#, accessToken: token)
            #expect(backwards.int("result") == 2001)
            #expect(backwards.object["code"] as? String == "807000")
            let wide = try await client.call("open.order.cursor.list", param: #"{"beginTime":0,"endTime":604800001}"#, accessToken: token)
            #expect(wide.int("result") == 2001)
            let missing = try await client.call("open.order.cursor.list", param: #"{"beginTime":0}"#, accessToken: token)
            #expect(missing.int("result") == 2001)
        }
    }

    @Test("tokens expire and a configured access_token credential works for its own shop only")
    func tokens() async throws {
        try await withMock { mock, client in
            let other = try #require(mock.kuaishou(shop: "linyin-kuaishou"))
            let oid = other.createOrder(lines: [Self.line], at: Date())
            let otherClient = KuaishouTestClient(
                baseURL: mock.baseURL,
                appKey: DomesticPlatformsConfiguration.kuaishouOtherAppKey,
                signSecret: DomesticPlatformsConfiguration.kuaishouOtherSignSecret
            )
            let configured = DomesticPlatformsConfiguration.kuaishouOtherToken
            #expect(try await otherClient.call("open.order.detail", param: #"{"oid":"\#(oid)"}"#, accessToken: configured).int("result") == 1)
            let token = try await client.accessToken()
            #expect(try await client.call("open.order.detail", param: #"{"oid":"\#(oid)"}"#, accessToken: token).int("result") == 2007)
            #expect(try await client.call("open.order.detail", param: #"{"oid":"\#(oid)"}"#, accessToken: configured).int("result") == 2004)
            mock.expireTokens()
            let expired = try await client.call("open.order.cursor.list", param: Self.window(), accessToken: token)
            #expect(expired.int("result") == 2004)
            #expect(expired.object["sub_code"] as? String == "expired.access_token")
            #expect(try await otherClient.call("open.order.detail", param: #"{"oid":"\#(oid)"}"#, accessToken: configured).int("result") == 1)
        }
    }

    @Test("stock writes are incremental and never go below zero")
    func stock() async throws {
        try await withMock { mock, client in
            let token = try await client.accessToken()
            func update(_ change: Int, _ type: Int) async throws -> Int64? {
                try await client.call(
                    "open.item.sku.stock.update",
                    param: #"{"changeType":\#(type),"kwaiItemId":22176000000000501,"skuChangeStock":\#(change),"skuId":10089000000000501}"#,
                    accessToken: token
                ).int("result")
            }
            #expect(try await update(10, 1) == 1)
            #expect(try await update(3, 2) == 1)
            #expect(try await update(100, 2) == 2007)
            #expect(try await update(0, 1) == 2001)
            let level = try #require(mock.stockLevels().first { $0.platform == "kuaishou" })
            #expect(level.productId == "22176000000000501" && level.skuId == "10089000000000501")
            #expect(level.stock == 7 && level.writes == 2)
        }
    }

    @Test("open.item.get reads each SKU's stock back; the lost-answer fault applies a write and answers 504")
    func itemReadAndLostAnswer() async throws {
        try await withMock { mock, client in
            let token = try await client.accessToken()
            let shop = try #require(mock.kuaishou(shop: "yunlai-kuaishou"))
            func skus(_ itemId: String) async throws -> (result: Int64?, skus: [(id: Int64?, stock: Int64?)]) {
                let reply = try await client.call("open.item.get", param: #"{"kwaiItemId":\#(itemId)}"#, accessToken: token, httpMethod: .GET)
                let infos = (reply.object["data"] as? [String: Any])?["skuInfos"] as? [[String: Any]] ?? []
                return (reply.int("result"), infos.map { (TestHTTPCall.Reply.int($0["kwaiSkuId"]), TestHTTPCall.Reply.int($0["skuStock"])) })
            }
            // The standard livestream catalogue is listed from the start, at 0.
            let listed = try await skus("3656110990000000502")
            #expect(listed.result == 1)
            #expect(listed.skus.map(\.id) == [1_786_000_000_000_000_503, 1_786_000_000_000_000_504])
            #expect(listed.skus.allSatisfy { $0.stock == 0 })
            // Another writer's stock, then a write, are read back.
            shop.setStock(itemId: "22176000000000501", skuId: "10089000000000501", stock: 12)
            #expect(try await skus("22176000000000501").skus.map(\.stock) == [12])
            let update = #"{"changeType":2,"kwaiItemId":22176000000000501,"skuChangeStock":5,"skuId":10089000000000501}"#
            #expect(try await client.call("open.item.sku.stock.update", param: update, accessToken: token).int("result") == 1)
            #expect(try await skus("22176000000000501").skus.map(\.stock) == [7])
            // Applied, then the answer is lost: a bare 504, yet the stock did change.
            mock.faults = MockFaults(lostAnswerRate: 1.0)
            let lost = try await client.call("open.item.sku.stock.update", param: update, accessToken: token)
            #expect(lost.status == 504)
            #expect(try await skus("22176000000000501").skus.map(\.stock) == [2])
            #expect(mock.requestLog().contains { $0.httpStatus == 504 && $0.subCode == "mock.answer-lost-after-apply" })
            // Reads are not affected by the fault; an unknown item and a missing id are refused.
            #expect(try await skus("1").result == 2007)
            #expect(try await client.call("open.item.get", param: "{}", accessToken: token).int("result") == 2001)
            mock.faults = .none
        }
    }
}
