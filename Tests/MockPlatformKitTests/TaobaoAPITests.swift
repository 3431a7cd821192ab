import Foundation
import MockPlatformKit
import NIOHTTP1
import Testing

@Suite("Taobao TOP /router/rest")
struct TaobaoAPITests {
    static let line = MockLineSpec(
        productId: "680012345001",
        skuId: "5100012345001",
        outSkuId: "LYHC-250G",
        title: "龙山黄茶 250g",
        quantity: 1,
        unitPriceFen: 5980
    )
    static let fields = "tid,tid_str,status,payment,modified"

    func withMock(_ body: (MockPlatform, TaobaoShopMock, TaobaoTestClient) async throws -> Void) async throws {
        let mock = MockPlatform(configuration: try PollPlatformsTestConfiguration.load(), seed: 41)
        try await mock.start()
        do {
            let shop = try #require(mock.taobao(shop: "linyin-taobao"))
            try await body(mock, shop, TaobaoTestClient(baseURL: mock.baseURL))
        } catch {
            await mock.shutdown()
            throw error
        }
        await mock.shutdown()
    }

    @Test(
        "md5, hmac and hmac-sha256 signatures are accepted, with Beijing-time or millisecond timestamps",
        arguments: ["md5", "hmac", "hmac-sha256"]
    )
    func signMethods(signMethod: String) async throws {
        try await withMock { mock, shop, client in
            let tid = shop.createTrade(lines: [Self.line], at: Date().addingTimeInterval(-30))
            for timestamp in [RouterTestHTTP.beijing(Date()), String(Int64(Date().timeIntervalSince1970 * 1000))] {
                let reply = try await client.call(
                    "taobao.trade.fullinfo.get",
                    ["tid": tid, "fields": Self.fields],
                    signMethod: signMethod,
                    timestamp: timestamp
                )
                #expect(reply.topError == nil, "\(signMethod) \(timestamp): \(reply.body)")
                let trade = (reply.object["trade_fullinfo_get_response"] as? [String: Any])?["trade"] as? [String: Any]
                #expect(trade?["tid_str"] as? String == tid)
            }
            #expect(mock.requestLog().allSatisfy { $0.signatureValid && $0.platform == "taobao" && $0.shop == "linyin-taobao" })
        }
    }

    @Test("a wrong secret, a changed parameter and a missing sign are rejected in TOP's error_response")
    func badSignatures() async throws {
        try await withMock { _, _, client in
            #expect(try await client.increment(windowSeconds: 600, fields: Self.fields).topError == nil)
            let signedWrong = try await client.call("taobao.trade.fullinfo.get", ["tid": "1", "fields": "tid"], signingSecret: "nope")
            #expect(signedWrong.status == 200)
            let error = try #require(signedWrong.topError)
            #expect(signedWrong.topErrorCode == 25)
            #expect(error["msg"] as? String == "Invalid signature")
            #expect((error["request_id"] as? String)?.isEmpty == false)
            #expect(signedWrong.object.count == 1)
            let hmacWithMD5Name = try await client.call(
                "taobao.trade.fullinfo.get",
                ["tid": "1", "fields": "tid"],
                signMethod: "hmac",
                afterSigning: {
                    $0["sign_method"] = "md5"
                }
            )
            #expect(hmacWithMD5Name.topErrorCode == 25)
            let changed = try await client.call("taobao.trade.fullinfo.get", ["tid": "1", "fields": "tid"], afterSigning: { $0["tid"] = "2" })
            #expect(changed.topErrorCode == 25)
            #expect(try await client.call("taobao.trade.fullinfo.get", ["tid": "1", "fields": "tid"], omit: ["sign"]).topErrorCode == 24)
        }
    }

    @Test("timestamps more than 10 minutes off, a missing or wrong session and unknown methods are rejected")
    func commonChecks() async throws {
        try await withMock { mock, _, client in
            let late = try await client.call(
                "taobao.trade.fullinfo.get",
                ["tid": "1", "fields": "tid"],
                timestamp: RouterTestHTTP.beijing(Date().addingTimeInterval(-660))
            )
            #expect(late.topErrorCode == 31)
            let utcWallClock = try await client.call(
                "taobao.trade.fullinfo.get",
                ["tid": "1", "fields": "tid"],
                timestamp: RouterTestHTTP.beijing(Date().addingTimeInterval(-8 * 3600))
            )
            #expect(utcWallClock.topErrorCode == 31, "UTC wall-clock text is 8 hours off Beijing time")
            var stranger = client
            stranger.session = "wrong-session"
            let invalid = try await stranger.call("taobao.trade.fullinfo.get", ["tid": "1", "fields": "tid"])
            #expect(invalid.topErrorCode == 27)
            #expect(invalid.topError?["sub_code"] as? String == "invalid-sessionkey")
            stranger.session = nil
            #expect(try await stranger.call("taobao.trade.fullinfo.get", ["tid": "1", "fields": "tid"]).topErrorCode == 26)
            var unknownApp = client
            unknownApp.appKey = "999"
            #expect(try await unknownApp.call("taobao.trade.fullinfo.get", ["tid": "1", "fields": "tid"]).topErrorCode == 29)
            #expect(try await client.call("taobao.trades.sold.get").topErrorCode == 22)
            #expect(try await client.call("taobao.trade.fullinfo.get", ["tid": "1"]).topErrorCode == 40)
            mock.faults = MockFaults(rateLimitPerSecond: 2)
            // Sent at once, so the limit is exceeded however slowly a loaded machine answers.
            let sender = client
            let codes = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<6 { group.addTask { try await sender.increment(fields: Self.fields).topErrorCode } }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(codes.contains(7))
            mock.faults = .none
        }
    }

    @Test("parameters are accepted in the query, the body, split, or as JSON; also with GET")
    func placements() async throws {
        try await withMock { _, shop, client in
            let tid = shop.createTrade(lines: [Self.line], at: Date())
            let placements: [RouterTestHTTP.Placement] = [.query, .body, .split(["method", "sign"]), .json]
            for placement in placements {
                let reply = try await client.call("taobao.trade.fullinfo.get", ["tid": tid, "fields": Self.fields], placement: placement)
                #expect(reply.topError == nil, "\(placement): \(reply.body)")
            }
            var parameters = [
                "method": "taobao.trade.fullinfo.get", "app_key": client.appKey, "session": client.session!, "tid": tid, "fields": "tid",
            ]
            parameters.merge(["timestamp": RouterTestHTTP.beijing(Date()), "format": "json", "v": "2.0"]) { _, new in new }
            parameters["sign"] = TaobaoTestClient.sign(parameters, secret: client.appSecret, method: "md5")
            let get = try await RouterTestHTTP.send(url: client.baseURL + "/router/rest", parameters: parameters, placement: .query, method: .GET)
            #expect(get.body.contains(#""tid":\#(tid)"#), "\(get.body)")
        }
    }

    @Test("a window over one day is rejected; exactly one day is accepted")
    func windowLimit() async throws {
        try await withMock { _, _, client in
            let over = try await client.increment(windowSeconds: 86_401, fields: Self.fields)
            #expect(over.topErrorCode == 41)
            #expect((over.topError?["sub_code"] as? String)?.hasPrefix("isv.invalid-parameter") == true)
            #expect(try await client.increment(windowSeconds: 86_400, fields: Self.fields).topError == nil)
            #expect(try await client.increment(fields: Self.fields, ["start_modified": "2025/01/01"]).topErrorCode == 41)
        }
    }

    @Test("paging backwards from the last page returns every trade; has_next; an empty page has no trades key")
    func pagingBackwards() async throws {
        try await withMock { _, shop, client in
            let empty = try await client.increment(fields: Self.fields)
            #expect((empty.soldIncrement["total_results"] as? NSNumber)?.intValue == 0)
            #expect(empty.soldIncrement["trades"] == nil)
            let base = Date().addingTimeInterval(-600)
            var all: [String] = []
            for index in 0..<5 {
                let tid = shop.createTrade(lines: [Self.line], at: base.addingTimeInterval(Double(index * 10)))
                try shop.pay(orderId: tid, at: base.addingTimeInterval(Double(index * 10 + 5)))
                all.append(tid)
            }
            let end = Date()
            let first = try await client.increment(end: end, fields: Self.fields, ["page_size": "2"])
            #expect((first.soldIncrement["total_results"] as? NSNumber)?.intValue == 5)
            #expect(first.tids == [all[4], all[3]], "newest modification first")
            let last = try await client.increment(end: end, fields: Self.fields, ["page_no": "3", "page_size": "2"])
            #expect(last.tids == [all[0]])
            var seen = Set(last.tids)
            try shop.ship(orderId: all[4], at: end.addingTimeInterval(30))
            for page in [2, 1] {
                seen.formUnion(try await client.increment(end: end, fields: Self.fields, ["page_no": String(page), "page_size": "2"]).tids)
            }
            #expect(seen == Set(all.dropLast()))
            let hasNext = try await client.increment(end: end, fields: Self.fields, ["page_size": "2", "use_has_next": "true"])
            #expect(hasNext.soldIncrement["has_next"] as? Bool == true)
            #expect(hasNext.soldIncrement["total_results"] == nil)
            #expect(
                try await client.increment(end: end, fields: Self.fields, ["page_no": "2", "page_size": "2", "use_has_next": "true"]).soldIncrement[
                    "has_next"
                ] as? Bool == false
            )
        }
    }

    @Test("money is yuan text with two decimals and tid/oid are exact int64 numbers")
    func yuanAndIds() async throws {
        try await withMock { _, shop, client in
            let at = Date().addingTimeInterval(-20)
            let tenth = shop.createTrade(
                lines: [MockLineSpec(productId: "1", skuId: "2", outSkuId: "S", title: "试饮", quantity: 1, unitPriceFen: 10)],
                at: at
            )
            _ = shop.createTrade(lines: [Self.line], at: at)
            let big = shop.createTrade(
                lines: [
                    MockLineSpec(productId: "680012345003", skuId: "5100012345003", outSkuId: "B", title: "礼盒", quantity: 1, unitPriceFen: 19_207)
                ],
                postageFen: 800,
                at: at
            )
            let body = try await client.increment(fields: "tid,payment,post_fee,total_fee,orders").body
            #expect(body.contains(#""payment":"0.10""#) && body.contains(#""payment":"59.80""#) && body.contains(#""payment":"200.07""#))
            #expect(body.contains(#""post_fee":"8.00""#) && body.contains(#""total_fee":"192.07""#))
            #expect(body.contains(#""tid":\#(big),"#) && body.contains(#""tid":\#(tenth),"#))
            #expect(Int64(big)! > 1 << 53)
            let oid = try #require(shop.lineIds(orderId: big).first)
            #expect(body.contains(#""oid":\#(oid),"#) && body.contains(#""sku_id":"5100012345003""#) && body.contains(#""num_iid":680012345003"#))
            #expect(shop.truth(orderId: big)?.paidFen == 20_007)
        }
    }

    @Test("only the requested fields are returned")
    func fieldSelection() async throws {
        try await withMock { _, shop, client in
            let tid = shop.createTrade(lines: [Self.line], at: Date())
            let reply = try await client.call("taobao.trade.fullinfo.get", ["tid": tid, "fields": "tid,status,orders.oid,orders.refund_status"])
            let trade = try #require((reply.object["trade_fullinfo_get_response"] as? [String: Any])?["trade"] as? [String: Any])
            #expect(Set(trade.keys) == ["tid", "status", "orders"])
            let order = try #require(((trade["orders"] as? [String: Any])?["order"] as? [[String: Any]])?.first)
            #expect(Set(order.keys) == ["oid", "refund_status"])
            #expect(order["refund_status"] as? String == "NO_REFUND")
            let unknown = try await client.call("taobao.trade.fullinfo.get", ["tid": "3100000000000000000", "fields": "tid"])
            #expect(unknown.topErrorCode == 15 && unknown.topError?["sub_code"] as? String == "isv.trade-not-exist")
        }
    }

    @Test("the truth maps all twelve trade statuses and follows every change")
    func truthFollowsChanges() async throws {
        try await withMock { mock, shop, client in
            let expected: [String: String] = [
                "TRADE_NO_CREATE_PAY": "created", "WAIT_BUYER_PAY": "created", "PAY_PENDING": "created", "WAIT_PRE_AUTH_CONFIRM": "created",
                "PAID_FORBID_CONSIGN": "created", "WAIT_SELLER_SEND_GOODS": "paid", "SELLER_CONSIGNED_PART": "paid",
                "WAIT_BUYER_CONFIRM_GOODS": "shipped", "TRADE_BUYER_SIGNED": "completed", "TRADE_FINISHED": "completed",
                "TRADE_CLOSED": "cancelled", "TRADE_CLOSED_BY_TAOBAO": "cancelled",
            ]
            #expect(expected.count == 12)
            let at = Date().addingTimeInterval(-100)
            for (status, canonical) in expected {
                let tid = shop.createTrade(lines: [Self.line], at: at)
                try shop.setStatus(orderId: tid, status: status, at: at.addingTimeInterval(5))
                #expect(shop.truth(orderId: tid)?.status == canonical, "\(status)")
                #expect(shop.truth(orderId: tid)?.platformStatus == status)
            }
            let listed = try await client.increment(fields: "status", ["page_size": "100"]).trades.compactMap { $0["status"] as? String }
            #expect(Set(listed) == Set(expected.keys))

            let tid = shop.createTrade(
                lines: [Self.line, MockLineSpec(productId: "9", skuId: "8", outSkuId: "X", title: "X", quantity: 2, unitPriceFen: 100)],
                at: at
            )
            let oids = shop.lineIds(orderId: tid)
            #expect(shop.truth(orderId: tid)?.status == "created")
            try shop.pay(orderId: tid, at: at.addingTimeInterval(10))
            #expect(shop.truth(orderId: tid)?.status == "paid")
            try shop.ship(orderId: tid, lineIds: [oids[0]], at: at.addingTimeInterval(20))
            #expect(shop.truth(orderId: tid)?.platformStatus == "SELLER_CONSIGNED_PART")
            try shop.ship(orderId: tid, at: at.addingTimeInterval(30))
            #expect(shop.truth(orderId: tid)?.status == "shipped")
            try shop.requestRefund(orderId: tid, lineId: oids[1], at: at.addingTimeInterval(40))
            #expect(shop.truth(orderId: tid)?.lines[1].refundState == "requested")
            try shop.refundSucceeded(orderId: tid, lineId: oids[1], at: at.addingTimeInterval(50))
            #expect(shop.truth(orderId: tid)?.lines[1].refundState == "refunded")
            #expect(shop.truth(orderId: tid)?.status == "shipped")
            try shop.finish(orderId: tid, at: at.addingTimeInterval(60))
            #expect(shop.truth(orderId: tid)?.status == "completed")
            #expect(shop.wireJSON(orderId: tid)!.contains(#""refund_status":"SUCCESS""#))

            let closing = shop.createTrade(lines: [Self.line], at: at)
            try shop.pay(orderId: closing, at: at.addingTimeInterval(5))
            try shop.close(orderId: closing, at: at.addingTimeInterval(6))
            #expect(shop.truth(orderId: closing)?.status == "cancelled")
            #expect(shop.truth(orderId: closing)?.lines.allSatisfy { $0.refundState == "refunded" } == true)
            #expect(throws: MockPlatformError.self) { try shop.setStatus(orderId: closing, status: "NOT_A_STATUS", at: Date()) }
            #expect(mock.truth().filter { $0.platform == "taobao" }.count == 14)
        }
    }

    @Test("taobao.item.quantity.update sets and adjusts stock levels")
    func stock() async throws {
        try await withMock { mock, _, client in
            let set = try await client.call("taobao.item.quantity.update", ["num_iid": "680012345001", "sku_id": "5100012345001", "quantity": "50"])
            let item = (set.object["item_quantity_update_response"] as? [String: Any])?["item"] as? [String: Any]
            #expect((item?["num"] as? NSNumber)?.intValue == 50, "\(set.body)")
            _ = try await client.call(
                "taobao.item.quantity.update",
                ["num_iid": "680012345001", "sku_id": "5100012345001", "quantity": "-5", "type": "2"]
            )
            let level = try #require(mock.stockLevels().first { $0.platform == "taobao" })
            #expect(level.stock == 45 && level.writes == 2 && level.productId == "680012345001" && level.skuId == "5100012345001")
            #expect(try await client.call("taobao.item.quantity.update", ["num_iid": "1"]).topErrorCode == 40)
        }
    }
}
