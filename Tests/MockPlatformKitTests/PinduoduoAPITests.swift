import Foundation
import MockPlatformKit
import NIOHTTP1
import Testing

@Suite("Pinduoduo /api/router")
struct PinduoduoAPITests {
    static let line = MockLineSpec(
        productId: "400567001",
        skuId: "900567001",
        outSkuId: "BJPG-5KG",
        title: "保靖椪柑 5kg",
        quantity: 1,
        unitPriceFen: 5980
    )

    func withMock(_ body: (MockPlatform, PinduoduoShopMock, PinduoduoTestClient) async throws -> Void) async throws {
        let mock = MockPlatform(configuration: try PollPlatformsTestConfiguration.load(), seed: 31)
        try await mock.start()
        do {
            let shop = try #require(mock.pinduoduo(shop: "yunlai-pinduoduo"))
            try await body(mock, shop, PinduoduoTestClient(baseURL: mock.baseURL))
        } catch {
            await mock.shutdown()
            throw error
        }
        await mock.shutdown()
    }

    @Test("a correctly signed increment call answers the shop's orders in order_sn_increment_get_response")
    func signedCallAccepted() async throws {
        try await withMock { mock, shop, client in
            let sn = shop.createOrder(lines: [Self.line], at: Date().addingTimeInterval(-60))
            try shop.pay(orderId: sn, at: Date().addingTimeInterval(-30))
            let reply = try await client.increment()
            #expect(reply.status == 200)
            #expect(reply.pddError == nil, "\(reply.body)")
            #expect(reply.orderSns == [sn])
            #expect((reply.increment["total_count"] as? NSNumber)?.intValue == 1)
            #expect(reply.increment["has_next"] == nil)
            #expect((reply.increment["request_id"] as? String)?.isEmpty == false)
            let record = try #require(mock.requestLog().last)
            #expect(record.platform == "pinduoduo" && record.signatureValid && record.code == 0)
            #expect(record.shop == "yunlai-pinduoduo" && record.method == "pdd.order.number.list.increment.get")
            // The other shop of the same app sees only its own orders.
            var other = client
            other.accessToken = PollPlatformsTestConfiguration.pddOtherToken
            #expect(try await other.increment().orderSns.isEmpty)
        }
    }

    @Test("a wrong secret, a parameter changed after signing and a missing sign are rejected in error_response")
    func badSignatures() async throws {
        try await withMock { mock, _, client in
            let signedWrong = try await client.call(
                "pdd.order.number.list.increment.get",
                ["start_updated_at": "1700000000", "end_updated_at": "1700000600"],
                signingSecret: "not-the-secret"
            )
            #expect(signedWrong.status == 200)
            let error = try #require(signedWrong.pddError)
            #expect(signedWrong.pddErrorCode == 20004)
            #expect(error["error_msg"] as? String == "签名sign校验失败")
            #expect(error["sub_code"] as? String == "20004")
            #expect(error["sub_msg"] is String)
            #expect((error["request_id"] as? String)?.isEmpty == false)
            #expect(signedWrong.object.count == 1)

            let changed = try await client.call(
                "pdd.order.number.list.increment.get",
                ["start_updated_at": "1700000000", "end_updated_at": "1700000600"],
                afterSigning: { $0["end_updated_at"] = "1700000700" }
            )
            #expect(changed.pddErrorCode == 20004)

            let missing = try await client.call("pdd.order.information.get", ["order_sn": "x"], omit: ["sign"])
            #expect(missing.pddErrorCode == 10001)
            #expect(missing.pddError?["error_msg"] as? String == "公共参数错误:sign")
            #expect(mock.requestLog().filter { !$0.signatureValid }.count == 3)
        }
    }

    @Test("parameters are accepted in the query, the body, split between them, or as a JSON body")
    func placements() async throws {
        try await withMock { _, shop, client in
            let sn = shop.createOrder(lines: [Self.line], at: Date().addingTimeInterval(-10))
            let placements: [RouterTestHTTP.Placement] = [.query, .body, .split(["type", "sign", "order_sn"]), .json]
            for placement in placements {
                let reply = try await client.call("pdd.order.information.get", ["order_sn": sn], placement: placement)
                #expect(reply.pddError == nil, "\(placement): \(reply.body)")
                let info = (reply.object["order_info_get_response"] as? [String: Any])?["order_info"] as? [String: Any]
                #expect(info?["order_sn"] as? String == sn)
            }
            // GET with everything in the query works too.
            var parameters = ["type": "pdd.order.information.get", "client_id": client.clientId, "order_sn": sn]
            parameters["timestamp"] = String(Int(Date().timeIntervalSince1970))
            parameters["access_token"] = PollPlatformsTestConfiguration.pddToken
            parameters["sign"] = PinduoduoTestClient.sign(parameters, secret: PollPlatformsTestConfiguration.pddSecret)
            let get = try await RouterTestHTTP.send(url: client.baseURL + "/api/router", parameters: parameters, placement: .query, method: .GET)
            #expect(get.object["order_info_get_response"] != nil, "\(get.body)")
        }
    }

    @Test("a window over 30 minutes is rejected, exactly 30 minutes is accepted")
    func windowLimit() async throws {
        try await withMock { _, _, client in
            let over = try await client.increment(windowSeconds: 1801)
            #expect(over.pddErrorCode == 10000)
            #expect((over.pddError?["sub_msg"] as? String)?.contains("30") == true)
            #expect(try await client.increment(windowSeconds: 1800).pddError == nil)
            let backwards = try await client.call(
                "pdd.order.number.list.increment.get",
                ["start_updated_at": "1700000600", "end_updated_at": "1700000000"]
            )
            #expect(backwards.pddErrorCode == 10000)
        }
    }

    @Test("paging backwards from the last page returns every order, even when orders change between pages")
    func pagingBackwards() async throws {
        try await withMock { _, shop, client in
            let base = Date().addingTimeInterval(-600)
            var all: [String] = []
            for index in 0..<7 {
                let sn = shop.createOrder(lines: [Self.line], at: base.addingTimeInterval(Double(index * 10)))
                try shop.pay(orderId: sn, at: base.addingTimeInterval(Double(index * 10 + 5)))
                all.append(sn)
            }
            let end = Date()
            let first = try await client.increment(end: end, ["page": "1", "page_size": "3"])
            #expect((first.increment["total_count"] as? NSNumber)?.intValue == 7)
            #expect(first.orderSns == Array(all.reversed().prefix(3)), "newest change first")
            let lastPage = try await client.increment(end: end, ["page": "3", "page_size": "3"])
            #expect(lastPage.orderSns == [all[0]], "the last page holds the oldest change")

            // A backwards reader: page 3, then an order on page 1 changes (leaves the window), then 2 and 1.
            var seen = Set(lastPage.orderSns)
            try shop.ship(orderId: all[6], at: end.addingTimeInterval(30))
            for page in [2, 1] {
                seen.formUnion(try await client.increment(end: end, ["page": String(page), "page_size": "3"]).orderSns)
            }
            #expect(seen.isSuperset(of: all.dropLast()), "every order that stayed in the window was read")

            let hasNext = try await client.increment(end: end, ["page": "1", "page_size": "3", "use_has_next": "true"])
            #expect(hasNext.increment["has_next"] as? Bool == true)
            #expect(hasNext.increment["total_count"] == nil)
            let beyond = try await client.increment(end: end, ["page": "2", "page_size": "3", "use_has_next": "true"])
            #expect(beyond.increment["has_next"] as? Bool == false)
            #expect(beyond.orderSns.count == 3)
        }
    }

    @Test("money is yuan as exact JSON numbers: 0.1, 59.8, 200.07, 8.0")
    func yuanText() async throws {
        try await withMock { _, shop, client in
            let at = Date().addingTimeInterval(-20)
            let tenth = shop.createOrder(
                lines: [MockLineSpec(productId: "1", skuId: "2", outSkuId: "T", title: "尝鲜", quantity: 1, unitPriceFen: 10)],
                at: at
            )
            let common = shop.createOrder(lines: [Self.line], at: at)
            let big = shop.createOrder(
                lines: [MockLineSpec(productId: "3", skuId: "4", outSkuId: "B", title: "整箱", quantity: 1, unitPriceFen: 19_207)],
                postageFen: 800,
                at: at
            )
            let body = try await client.increment().body
            #expect(body.contains(#""order_sn":"\#(tenth)""#) && body.contains(#""pay_amount":0.1,"#))
            #expect(body.contains(#""pay_amount":59.8,"#) && body.contains(#""goods_price":59.8,"#))
            #expect(body.contains(#""pay_amount":200.07,"#) && body.contains(#""postage":8.0,"#))
            #expect(body.contains(#""goods_amount":192.07,"#) && body.contains(#""discount_amount":0.0,"#))
            #expect(shop.truth(orderId: common)?.paidFen == 5980)
            #expect(shop.truth(orderId: big)?.paidFen == 20_007)
        }
    }

    @Test("the truth reads unpaid and un-grouped orders as created, and follows every change")
    func truthFollowsChanges() async throws {
        try await withMock { mock, shop, client in
            let at = Date().addingTimeInterval(-300)
            let unpaid = shop.createOrder(lines: [Self.line], at: at)
            #expect(shop.truth(orderId: unpaid)?.status == "created")
            let grouping = shop.createOrder(lines: [Self.line], at: at)
            try shop.pay(orderId: grouping, grouped: false, at: at.addingTimeInterval(5))
            #expect(shop.truth(orderId: grouping)?.status == "created")
            let raw = try #require(shop.wireJSON(orderId: grouping))
            #expect(raw.contains(#""confirm_status":0"#) && raw.contains(#""group_status":0"#) && raw.contains(#""order_status":1"#))
            #expect(raw.contains(#""pay_time":"#) && !raw.contains(#""confirm_time":"#))
            #expect(!shop.wireJSON(orderId: unpaid)!.contains(#""pay_time":"#))

            try shop.formGroup(orderId: grouping, at: at.addingTimeInterval(10))
            #expect(shop.truth(orderId: grouping)?.status == "paid")
            try shop.ship(orderId: grouping, at: at.addingTimeInterval(20))
            #expect(shop.truth(orderId: grouping)?.status == "shipped")
            try shop.confirmReceipt(orderId: grouping, at: at.addingTimeInterval(30))
            #expect(shop.truth(orderId: grouping)?.status == "completed")
            #expect(shop.truth(orderId: grouping)?.platformStatus == "order_status=3,confirm_status=1,group_status=1,refund_status=1")

            let failed = shop.createOrder(lines: [Self.line], at: at)
            try shop.pay(orderId: failed, grouped: false, at: at.addingTimeInterval(5))
            try shop.failGroup(orderId: failed, at: at.addingTimeInterval(40))
            #expect(shop.truth(orderId: failed)?.status == "cancelled")

            let refunded = shop.createOrder(lines: [Self.line], at: at)
            try shop.pay(orderId: refunded, at: at.addingTimeInterval(5))
            try shop.requestRefund(orderId: refunded, lineId: Self.line.skuId, at: at.addingTimeInterval(50))
            #expect(shop.truth(orderId: refunded)?.lines.first?.refundState == "requested")
            #expect(shop.wireJSON(orderId: refunded)!.contains(#""refund_status":2"#))
            try shop.refundSucceeded(orderId: refunded, lineId: Self.line.skuId, at: at.addingTimeInterval(60))
            #expect(shop.truth(orderId: refunded)?.status == "cancelled")
            #expect(shop.truth(orderId: refunded)?.lines.first?.refundState == "refunded")

            try shop.cancel(orderId: unpaid, at: at.addingTimeInterval(70))
            #expect(shop.truth(orderId: unpaid)?.status == "cancelled")
            #expect(throws: MockPlatformError.self) { try shop.ship(orderId: unpaid, at: Date()) }

            let truth = mock.truth().filter { $0.platform == "pinduoduo" }
            #expect(truth.count == 4)
            #expect(truth.allSatisfy { $0.shop == "yunlai-pinduoduo" })
            // The API shows the same states: refund_status 4 for the refunded order, confirm_status 2 for the failed group.
            let body = try await client.increment(windowSeconds: 1800).body
            #expect(body.contains(#""group_status":2"#) && body.contains(#""refund_status":4"#))
        }
    }

    @Test("pdd.order.information.get answers one order; an unknown order is a business error")
    func information() async throws {
        try await withMock { _, shop, client in
            let sn = shop.createOrder(lines: [Self.line], postageFen: 600, at: Date())
            try shop.pay(orderId: sn, at: Date())
            let reply = try await client.call("pdd.order.information.get", ["order_sn": sn])
            let info = try #require((reply.object["order_info_get_response"] as? [String: Any])?["order_info"] as? [String: Any])
            #expect(info["order_sn"] as? String == sn)
            #expect((info["confirm_status"] as? NSNumber)?.intValue == 1)
            #expect((info["receiver_name"] as? String)?.hasPrefix("~") == true, "ciphertext while waiting for shipment")
            let items = try #require(info["item_list"] as? [[String: Any]])
            #expect(items.first?["outer_id"] as? String == "BJPG-5KG")
            #expect((items.first?["sku_id"] as? NSNumber)?.int64Value == 900_567_001)
            #expect(reply.body.contains(#""pay_amount":65.8,"#))
            #expect(try await client.call("pdd.order.information.get", ["order_sn": "250101-000000000000000"]).pddErrorCode == 50001)
            #expect(try await client.call("pdd.order.information.get").pddErrorCode == 10000)
        }
    }

    @Test("pdd.goods.quantity.update sets and adjusts stock levels")
    func stock() async throws {
        try await withMock { mock, _, client in
            let set = try await client.call("pdd.goods.quantity.update", ["goods_id": "400567001", "sku_id": "900567001", "quantity": "120"])
            #expect((set.object["goods_quantity_update_response"] as? [String: Any])?["is_success"] as? Bool == true, "\(set.body)")
            _ = try await client.call(
                "pdd.goods.quantity.update",
                ["goods_id": "400567001", "sku_id": "900567001", "quantity": "-20", "update_type": "2"]
            )
            let level = try #require(mock.stockLevels().first { $0.platform == "pinduoduo" })
            #expect(level.stock == 100 && level.writes == 2 && level.skuId == "900567001" && level.shop == "yunlai-pinduoduo")
            let below = try await client.call(
                "pdd.goods.quantity.update",
                ["goods_id": "400567001", "sku_id": "900567001", "quantity": "-500", "update_type": "2"]
            )
            #expect(below.pddErrorCode == 50001)
            #expect(try await client.call("pdd.goods.quantity.update", ["goods_id": "1", "quantity": "1"]).pddErrorCode == 10000)
        }
    }

    @Test("tokens, timestamps, unknown types and rate limits are checked in Pinduoduo's codes")
    func commonChecks() async throws {
        try await withMock { mock, _, client in
            var stranger = client
            stranger.accessToken = "not-a-token"
            #expect(try await stranger.increment().pddErrorCode == 20032)
            stranger.accessToken = nil
            #expect(try await stranger.increment().pddErrorCode == 20032)
            var unknown = client
            unknown.clientId = "unknown-client"
            #expect(try await unknown.increment().pddErrorCode == 10016)
            let late = try await client.call(
                "pdd.order.information.get",
                ["order_sn": "x"],
                timestamp: String(Int(Date().timeIntervalSince1970) - 700)
            )
            #expect(late.pddErrorCode == 10001)
            #expect(late.pddError?["error_msg"] as? String == "公共参数错误:timestamp")
            let milliseconds = try await client.call(
                "pdd.order.information.get",
                ["order_sn": "x"],
                timestamp: String(Int(Date().timeIntervalSince1970 * 1000))
            )
            #expect(milliseconds.pddErrorCode == 50001, "milliseconds are accepted as a timestamp")
            #expect(try await client.call("pdd.order.list.get").pddErrorCode == 10017)

            mock.faults = MockFaults(rateLimitPerSecond: 2)
            // Sent at once, so the limit is exceeded however slowly a loaded machine answers.
            let sender = client
            let codes = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<6 { group.addTask { try await sender.increment().pddErrorCode } }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(codes.contains(70031))
            mock.faults = .none
        }
    }

    @Test("an index lag hides changes younger than the lag from the increment API only")
    func indexLag() async throws {
        try await withMock { _, shop, client in
            shop.indexLagSeconds = 180
            let recent = shop.createOrder(lines: [Self.line], at: Date().addingTimeInterval(-60))
            let older = shop.createOrder(lines: [Self.line], at: Date().addingTimeInterval(-600))
            let lagged = try await client.increment()
            #expect(lagged.orderSns == [older])
            #expect(try await client.call("pdd.order.information.get", ["order_sn": recent]).pddError == nil)
            shop.indexLagSeconds = 0
            #expect(try await client.increment().orderSns == [recent, older])
        }
    }
}
