import AsyncHTTPClient
import Foundation
import MockPlatformKit
import NIOCore
import NIOHTTP1
import Testing

@Suite("Douyin ship APIs")
struct DouyinShippingTests {
    /// A mock with one paid two-line order (2 + 1 units), a client with a token, and the order's ids.
    struct Fixture {
        var mock: MockPlatform
        var shop: DouyinShopMock
        var client: DouyinTestClient
        var token: String
        var orderId: String
        var lineIds: [String]
    }

    func withPaidOrder(pay: Bool = true, _ body: (Fixture) async throws -> Void) async throws {
        let mock = MockPlatform(configuration: try TestConfiguration.load(), seed: 17)
        try await mock.start()
        do {
            let shop = try #require(mock.douyin(shop: "yunlai-douyin"))
            let orderId = shop.createOrder(lines: DouyinAPITests.lines, at: Date())
            if pay { _ = try shop.pay(orderId: orderId, at: Date()) }
            let client = DouyinTestClient(baseURL: mock.baseURL)
            let token = try await client.accessToken()
            try await body(Fixture(mock: mock, shop: shop, client: client, token: token, orderId: orderId, lineIds: shop.lineIds(orderId: orderId)))
        } catch {
            await mock.shutdown()
            throw error
        }
        await mock.shutdown()
    }

    func add(
        _ fixture: Fixture,
        tracking: String = "SF1234567890",
        company: String = "shunfeng",
        extra: [String: String] = [:]
    ) async throws
        -> DouyinTestClient.Reply
    {
        var fields = ["order_id": "\"\(fixture.orderId)\"", "company_code": "\"\(company)\"", "logistics_code": "\"\(tracking)\""]
        fields.merge(extra) { _, new in new }
        return try await fixture.client.call("order.logisticsAdd", paramJSON: DouyinTestClient.paramJSON(fields), accessToken: fixture.token)
    }

    func multiPack(_ fixture: Fixture, requestId: String, packs: [(tracking: String, lines: [(String, Int)])]) async throws -> DouyinTestClient.Reply
    {
        let list = packs.map { pack in
            let info = pack.lines.map { #"{"shipped_num":\#($0.1),"shipped_order_id":"\#($0.0)"}"# }.joined(separator: ",")
            return #"{"company_code":"zhongtong","logistics_code":"\#(pack.tracking)","shipped_order_info":[\#(info)]}"#
        }
        let param = DouyinTestClient.paramJSON([
            "order_id": "\"\(fixture.orderId)\"", "pack_list": "[" + list.joined(separator: ",") + "]", "request_id": "\"\(requestId)\"",
        ])
        return try await fixture.client.call("order.logisticsAddMultiPack", paramJSON: param, accessToken: fixture.token)
    }

    @Test("logisticsAdd ships the whole order: status 3, truth and orderDetail show the tracking number, tag 102 recorded")
    func wholeOrder() async throws {
        try await withPaidOrder { fixture in
            let reply = try await add(fixture)
            #expect(reply.code == 10000)
            #expect(reply.body.contains(#""data":{}"#))
            let truth = try #require(fixture.shop.truth(orderId: fixture.orderId))
            #expect(truth.platformStatus == "3")
            #expect(truth.status == "shipped")
            #expect(truth.shipments.map(\.trackingNo) == ["SF1234567890"])
            #expect(truth.shipments.first?.courierCode == "shunfeng")
            #expect(
                truth.shipments.first?.lines == [
                    MockShippedLine(lineId: fixture.lineIds[0], quantity: 2), MockShippedLine(lineId: fixture.lineIds[1], quantity: 1),
                ]
            )
            let detail = try await fixture.client.call(
                "order.orderDetail",
                paramJSON: DouyinTestClient.paramJSON(["shop_order_id": "\"\(fixture.orderId)\""]),
                accessToken: fixture.token
            )
            let order = try #require(detail.data["shop_order_detail"] as? [String: Any])
            let logistics = try #require(order["logistics_info"] as? [[String: Any]])
            #expect(logistics.first?["tracking_no"] as? String == "SF1234567890")
            #expect(logistics.first?["company"] as? String == "shunfeng")
            let pushes = fixture.mock.pendingShipPushes()
            #expect(pushes.count == 1)
            #expect(pushes.first?.message.contains(#""tag":"102""#) == true)
            #expect(pushes.first?.message.contains("SF1234567890") == true)
            let served = try await fixture.client.mockGet("/_mock/truth")
            let orders = try #require(served["orders"] as? [[String: Any]])
            let shipments = try #require(orders.first { $0["orderId"] as? String == fixture.orderId }?["shipments"] as? [[String: Any]])
            #expect(shipments.first?["trackingNo"] as? String == "SF1234567890")
        }
    }

    @Test("logisticsAdd refuses an already shipped (60110), unpaid (60137), cancelled (60021) or refund-pending (60040) order")
    func refusals() async throws {
        try await withPaidOrder { fixture in
            #expect(try await add(fixture).code == 10000)
            let again = try await add(fixture, tracking: "SF999")
            #expect(again.code == DouyinAPIError.shipBusinessCode)
            #expect(again.subCode == "isv.business-failed:60110")
            #expect(fixture.shop.truth(orderId: fixture.orderId)?.shipments.count == 1)
        }
        try await withPaidOrder(pay: false) { fixture in
            #expect(try await add(fixture).subCode == "isv.business-failed:60137")
            _ = try fixture.shop.cancel(orderId: fixture.orderId, at: Date())
            #expect(try await add(fixture).subCode == "isv.business-failed:60021")
        }
        try await withPaidOrder { fixture in
            _ = try fixture.shop.requestRefund(orderId: fixture.orderId, lineId: fixture.lineIds[1], at: Date())
            #expect(try await add(fixture).subCode == "isv.business-failed:60040")
            #expect(fixture.shop.truth(orderId: fixture.orderId)?.platformStatus == "2")
            let overridden = try await add(fixture, extra: ["is_refund_reject": "true"])
            #expect(overridden.code == 10000)
            #expect(fixture.shop.truth(orderId: fixture.orderId)?.lines[1].refundState == "none")
        }
    }

    @Test("courier codes are checked: unknown 60018, missing 60083")
    func couriers() async throws {
        try await withPaidOrder { fixture in
            let unknown = try await add(fixture, company: "SF")
            #expect(unknown.subCode == "isv.business-failed:60018")
            let missing = try await fixture.client.call(
                "order.logisticsAdd",
                paramJSON: DouyinTestClient.paramJSON(["order_id": "\"\(fixture.orderId)\"", "logistics_code": "\"SF1\""]),
                accessToken: fixture.token
            )
            #expect(missing.subCode == "isv.missing-parameter:60083")
            #expect(fixture.shop.truth(orderId: fixture.orderId)?.shipments.isEmpty == true)
        }
    }

    @Test("logisticsAddMultiPack ships units per parcel (101, tag 108), repeats by request_id, and refuses logisticsAdd on a partly shipped order")
    func multiPack() async throws {
        try await withPaidOrder { fixture in
            let first = try await multiPack(fixture, requestId: "req-1", packs: [(tracking: "ZTO111", lines: [(fixture.lineIds[0], 1)])])
            #expect(first.code == 10000)
            let packs = try #require(first.data["pack_list"] as? [[String: Any]])
            #expect(packs.count == 1)
            #expect(packs.first?["logistics_code"] as? String == "ZTO111")
            #expect((packs.first?["pack_id"] as? String)?.isEmpty == false)
            #expect(fixture.shop.truth(orderId: fixture.orderId)?.platformStatus == "101")
            #expect(fixture.mock.pendingShipPushes().last?.message.contains(#""tag":"108""#) == true)

            let repeated = try await multiPack(fixture, requestId: "req-1", packs: [(tracking: "ZTO111", lines: [(fixture.lineIds[0], 1)])])
            #expect(repeated.code == 10000)
            #expect((repeated.data["pack_list"] as? [[String: Any]])?.first?["pack_id"] as? String == packs.first?["pack_id"] as? String)
            #expect(fixture.shop.truth(orderId: fixture.orderId)?.shipments.count == 1)

            let whole = try await add(fixture)
            #expect(whole.subCode == "isv.business-failed:partly-shipped")

            let tooMany = try await multiPack(fixture, requestId: "req-2", packs: [(tracking: "ZTO222", lines: [(fixture.lineIds[0], 2)])])
            #expect(tooMany.subCode == "isv.parameter-invalid:shipped_num")

            let rest = try await multiPack(
                fixture,
                requestId: "req-3",
                packs: [(tracking: "ZTO222", lines: [(fixture.lineIds[0], 1)]), (tracking: "ZTO333", lines: [(fixture.lineIds[1], 1)])]
            )
            #expect(rest.code == 10000)
            let truth = try #require(fixture.shop.truth(orderId: fixture.orderId))
            #expect(truth.platformStatus == "3")
            #expect(truth.shipments.map(\.trackingNo) == ["ZTO111", "ZTO222", "ZTO333"])
            let after = try await multiPack(fixture, requestId: "req-4", packs: [(tracking: "ZTO444", lines: [(fixture.lineIds[1], 1)])])
            #expect(after.subCode == "isv.business-failed:70023")
        }
    }

    @Test("logisticsEdit changes the tracking number of an order shipped whole; EditByPack one parcel")
    func edit() async throws {
        try await withPaidOrder { fixture in
            let early = try await fixture.client.call(
                "order.logisticsEdit",
                paramJSON: DouyinTestClient.paramJSON([
                    "order_id": "\"\(fixture.orderId)\"", "company_code": "\"yunda\"", "logistics_code": "\"YD1\"",
                ]),
                accessToken: fixture.token
            )
            #expect(early.subCode == "isv.business-failed:order-not-shipped")
            #expect(try await add(fixture).code == 10000)
            let edited = try await fixture.client.call(
                "order.logisticsEdit",
                paramJSON: DouyinTestClient.paramJSON([
                    "order_id": "\"\(fixture.orderId)\"", "company_code": "\"yunda\"", "logistics_code": "\"YD1\"",
                ]),
                accessToken: fixture.token
            )
            #expect(edited.code == 10000)
            let shipment = try #require(fixture.shop.truth(orderId: fixture.orderId)?.shipments.first)
            #expect(shipment.trackingNo == "YD1")
            #expect(shipment.courierCode == "yunda")
            let byPack = try await fixture.client.call(
                "order.logisticsEditByPack",
                paramJSON: DouyinTestClient.paramJSON([
                    "order_id": "\"\(fixture.orderId)\"", "pack_id": "\"\(shipment.packageId)\"", "company_code": "\"jd\"",
                    "logistics_code": "\"JD1\"",
                ]),
                accessToken: fixture.token
            )
            #expect(byPack.code == 10000)
            #expect(fixture.shop.truth(orderId: fixture.orderId)?.shipments.first?.trackingNo == "JD1")
            #expect(fixture.mock.pendingShipPushes().last?.message.contains(#""tag":"104""#) == true)
        }
    }

    @Test("faults: a lost answer after the ship applied it (504), then a permanent rejection (60017) that changes nothing")
    func faults() async throws {
        try await withPaidOrder { fixture in
            fixture.mock.setShipFaults(MockShipFaults(lostAnswers: 1, lostAnswerDelayMilliseconds: 50, rejections: 0), shop: "yunlai-douyin")
            let lost = try await add(fixture)
            #expect(lost.status == 504)
            #expect(fixture.shop.truth(orderId: fixture.orderId)?.shipments.map(\.trackingNo) == ["SF1234567890"])
            #expect(try await add(fixture).subCode == "isv.business-failed:60110")
            #expect(fixture.mock.shipFaults(shop: "yunlai-douyin").lostAnswers == 0)
        }
        try await withPaidOrder { fixture in
            var request = HTTPClientRequest(url: fixture.mock.baseURL + "/_mock/ship-faults?shop=yunlai-douyin&reject=1")
            request.method = .POST
            _ = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            let rejected = try await add(fixture)
            #expect(rejected.subCode == "isv.business-failed:60017")
            #expect(fixture.shop.truth(orderId: fixture.orderId)?.shipments.isEmpty == true)
            #expect(try await add(fixture).code == 10000)
        }
    }

    @Test("POST /_mock/ship-pushes?to= sends the pending ship pushes through the shop's push path and forgets them")
    func shipPushesRoute() async throws {
        try await withPaidOrder { fixture in
            let receiver = MockWebhookReceiver()
            try await receiver.start()
            #expect(try await add(fixture).code == 10000)
            let listed = try await TestHTTPCall.send(.GET, fixture.mock.baseURL + "/_mock/ship-pushes")
            #expect((listed.object["pushes"] as? [[String: Any]])?.first?["orderId"] as? String == fixture.orderId)
            let sent = try await TestHTTPCall.send(.POST, fixture.mock.baseURL + "/_mock/ship-pushes?to=" + receiver.baseURL)
            #expect((sent.object["pushes"] as? [[String: Any]])?.count == 1)
            let delivery = try #require(receiver.deliveries().first)
            #expect(delivery.path == "/webhooks/douyin/yunlai-douyin")
            #expect(String(decoding: delivery.body, as: UTF8.self).contains(#""tag":"102""#))
            #expect(fixture.mock.pendingShipPushes().isEmpty)
            await receiver.shutdown()
        }
    }

    @Test("logisticsCompanyList answers the courier list as an array")
    func companyList() async throws {
        try await withPaidOrder { fixture in
            let reply = try await fixture.client.call("order.logisticsCompanyList", paramJSON: "{}", accessToken: fixture.token)
            let list = try #require(reply.object["data"] as? [[String: Any]])
            #expect(list.contains { $0["code"] as? String == "shunfeng" })
            #expect(list.contains { $0["code"] as? String == "jtexpress" })
        }
    }
}
