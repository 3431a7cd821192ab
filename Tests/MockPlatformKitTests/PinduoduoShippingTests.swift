import Foundation
import MockPlatformKit
import Testing

@Suite("Pinduoduo ship API")
struct PinduoduoShippingTests {
    func withOrder(
        pay: Bool = true,
        _ body: (MockPlatform, PinduoduoShopMock, PinduoduoTestClient, (id: String, lines: [String])) async throws -> Void
    )
        async throws
    {
        try await ShipTestSupport.withMock(try PollPlatformsTestConfiguration.load()) { mock in
            let shop = try #require(mock.pinduoduo(shop: "yunlai-pinduoduo"))
            try await body(mock, shop, PinduoduoTestClient(baseURL: mock.baseURL), try ShipTestSupport.order(on: shop, pay: pay))
        }
    }

    func send(
        _ client: PinduoduoTestClient,
        _ orderSn: String,
        tracking: String = "SF100",
        logisticsId: String = "44",
        redelivery: String? = nil
    )
        async throws -> RouterTestHTTP.Reply
    {
        var business = ["order_sn": orderSn, "logistics_id": logisticsId, "tracking_number": tracking]
        if let redelivery { business["redelivery_type"] = redelivery }
        return try await client.call("pdd.logistics.online.send", business)
    }

    func subCode(_ reply: RouterTestHTTP.Reply) -> String? {
        (reply.object["error_response"] as? [String: Any])?["sub_code"] as? String
    }

    @Test("online.send ships every unit of the order; order_info shows tracking_number and logistics_id; redelivery_type=2 overwrites")
    func whole() async throws {
        try await withOrder { mock, shop, client, order in
            let reply = try await send(client, order.id)
            #expect((reply.object["logistics_online_send_response"] as? [String: Any])?["is_success"] as? Bool == true)
            let truth = try #require(shop.truth(orderId: order.id))
            #expect(truth.status == "shipped")
            #expect(truth.shipments.first?.lines.map(\.quantity) == [2, 1])
            #expect(try await ShipTestSupport.servedTrackingNumbers(mock, orderId: order.id) == ["SF100"])
            let info = try await client.call("pdd.order.information.get", ["order_sn": order.id])
            let fields = (info.object["order_info_get_response"] as? [String: Any])?["order_info"] as? [String: Any]
            #expect(fields?["tracking_number"] as? String == "SF100")
            #expect(TestHTTPCall.Reply.int(fields?["logistics_id"]) == 44)
            #expect(subCode(try await send(client, order.id, tracking: "SF200")) == "order.shipped")
            let modified = try await send(client, order.id, tracking: "YT300", logisticsId: "85", redelivery: "2")
            #expect(modified.object["error_response"] == nil)
            #expect(shop.truth(orderId: order.id)?.shipments.map(\.trackingNo) == ["YT300"])
            #expect(mock.pendingShipPushes().isEmpty)
        }
    }

    @Test("online.send refuses unpaid, cancelled and refund-pending orders, unknown logistics_id, redelivery of an unshipped order")
    func refusals() async throws {
        try await withOrder(pay: false) { _, _, client, order in
            let unpaid = try await send(client, order.id)
            #expect(subCode(unpaid) == "order.not-paid")
        }
        try await withOrder { _, shop, client, order in
            #expect(subCode(try await send(client, order.id, logisticsId: "4")) == "logistics.company-unsupported")
            #expect(subCode(try await send(client, order.id, redelivery: "2")) == "order.not-shipped")
            _ = try shop.requestLineRefund(orderId: order.id, lineId: order.lines[1], at: Date())
            #expect(subCode(try await send(client, order.id)) == "order.refunding")
            #expect(shop.truth(orderId: order.id)?.shipments.isEmpty == true)
        }
        try await withOrder { _, shop, client, order in
            _ = try shop.cancelOrder(orderId: order.id, at: Date())
            #expect(subCode(try await send(client, order.id)) == "order.cancelled")
        }
    }

    @Test("a partly refunded order ships only what is left, in one parcel (no line-level ship)")
    func partlyRefunded() async throws {
        try await withOrder { _, shop, client, order in
            try shop.requestRefund(orderId: order.id, lineId: order.lines[1], at: Date())
            try shop.refundSucceeded(orderId: order.id, lineId: order.lines[1], at: Date())
            let reply = try await send(client, order.id)
            #expect(reply.object["error_response"] == nil, "\(reply.body)")
            #expect(shop.truth(orderId: order.id)?.shipments.first?.lines == [MockShippedLine(lineId: order.lines[0], quantity: 2)])
        }
    }

    @Test("faults: a lost answer applies the shipment; a rejection changes nothing; companies.get needs no token")
    func faults() async throws {
        try await withOrder { mock, shop, client, order in
            try await ShipTestSupport.setFaults(mock, shop: "yunlai-pinduoduo", "lost=1")
            #expect(try await send(client, order.id).status == 504)
            #expect(shop.truth(orderId: order.id)?.shipments.count == 1)
            #expect(subCode(try await send(client, order.id)) == "order.shipped")
            var anonymous = client
            anonymous.accessToken = nil
            let companies = try await anonymous.call("pdd.logistics.companies.get")
            let list = (companies.object["logistics_companies_get_response"] as? [String: Any])?["logistics_companies"] as? [[String: Any]]
            #expect(list?.contains { TestHTTPCall.Reply.int($0["id"]) == 44 } == true)
        }
        try await withOrder { mock, shop, client, order in
            mock.setShipFaults(MockShipFaults(rejections: 1), shop: "yunlai-pinduoduo")
            let rejected = try await send(client, order.id)
            #expect(subCode(rejected) == "logistics.tracking-number-invalid")
            #expect(shop.truth(orderId: order.id)?.shipments.isEmpty == true)
        }
    }
}
