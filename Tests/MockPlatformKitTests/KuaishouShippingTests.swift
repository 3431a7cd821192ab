import Foundation
import MockPlatformKit
import Testing

@Suite("Kuaishou ship APIs")
struct KuaishouShippingTests {
    func withOrder(
        pay: Bool = true,
        _ body: (MockPlatform, KuaishouShopMock, KuaishouTestClient, String, (id: String, lines: [String])) async throws -> Void
    )
        async throws
    {
        try await ShipTestSupport.withMock(try DomesticPlatformsConfiguration.load()) { mock in
            let shop = try #require(mock.kuaishou(shop: "yunlai-kuaishou"))
            let order = try ShipTestSupport.order(on: shop, pay: pay)
            let client = KuaishouTestClient(baseURL: mock.baseURL)
            try await body(mock, shop, client, try await client.accessToken(), order)
        }
    }

    func deliver(
        _ client: KuaishouTestClient,
        _ token: String,
        _ orderId: String,
        no: String = "SF100",
        code: Int = 4
    ) async throws -> TestHTTPCall.Reply {
        try await client.call(
            "open.seller.order.goods.deliver",
            param: #"{"expressCode":\#(code),"expressNo":"\#(no)","orderId":\#(orderId)}"#,
            accessToken: token
        )
    }

    func split(
        _ client: KuaishouTestClient,
        _ token: String,
        _ orderId: String,
        _ parcels: [(no: String, lines: [(String, Int)])]
    ) async throws
        -> TestHTTPCall.Reply
    {
        let items = parcels.map { parcel in
            let goods = parcel.lines.map { #"{"deliveryNum":\#($0.1),"oid":\#($0.0)}"# }.joined(separator: ",")
            return #"{"deliveryGoodsInfoList":[\#(goods)],"expressCode":9,"expressNo":"\#(parcel.no)"}"#
        }
        return try await client.call(
            "open.order.goods.split.deliver",
            param: #"{"deliveryItemInfoList":[\#(items.joined(separator: ","))],"mainOrderId":\#(orderId)}"#,
            accessToken: token
        )
    }

    @Test("goods.deliver ships the whole order (40), is idempotent for the same tracking number, refuses another one")
    func whole() async throws {
        try await withOrder { mock, shop, client, token, order in
            let reply = try await deliver(client, token, order.id)
            #expect(reply.int("result") == 1)
            let truth = try #require(shop.truth(orderId: order.id))
            #expect(truth.platformStatus == "40")
            #expect(truth.shipments.map(\.courierCode) == ["4"])
            #expect(truth.shipments.first?.lines.map(\.quantity) == [2, 1])
            #expect(try await ShipTestSupport.servedTrackingNumbers(mock, orderId: order.id) == ["SF100"])
            #expect(mock.pendingShipPushes().count == 1)
            let again = try await deliver(client, token, order.id)
            #expect(again.int("result") == 1)
            #expect(shop.truth(orderId: order.id)?.shipments.count == 1)
            #expect(mock.pendingShipPushes().count == 1)
            let other = try await deliver(client, token, order.id, no: "SF200")
            #expect(other.object["sub_code"] as? String == "order.delivered")
            let detail = try await client.call("open.order.detail", param: #"{"oid":\#(order.id)}"#, accessToken: token)
            let logistics = (detail.object["data"] as? [String: Any])?["orderLogisticsInfo"] as? [[String: Any]]
            #expect(logistics?.first?["expressNo"] as? String == "SF100")
            #expect(TestHTTPCall.Reply.int(logistics?.first?["expressCode"]) == 4)
        }
    }

    @Test("goods.deliver refuses unpaid, cancelled and refund-pending orders and unknown expressCode (11)")
    func refusals() async throws {
        try await withOrder(pay: false) { _, shop, client, token, order in
            #expect(try await deliver(client, token, order.id).object["sub_code"] as? String == "order.status")
            _ = try shop.cancelOrder(orderId: order.id, at: Date())
            #expect(try await deliver(client, token, order.id).object["sub_code"] as? String == "order.status")
        }
        try await withOrder { _, shop, client, token, order in
            let unknown = try await deliver(client, token, order.id, code: 999)
            #expect(unknown.int("result") == 11)
            _ = try shop.requestLineRefund(orderId: order.id, lineId: order.lines[0], at: Date())
            #expect(try await deliver(client, token, order.id).object["sub_code"] as? String == "order.refunding")
            #expect(shop.truth(orderId: order.id)?.shipments.isEmpty == true)
        }
    }

    @Test("split.deliver ships units per parcel (40 at once), goods.deliver then refuses; logistics.update changes a parcel")
    func splitAndUpdate() async throws {
        try await withOrder { _, shop, client, token, order in
            let first = try await split(client, token, order.id, [(no: "ZT1", lines: [(order.lines[0], 1)])])
            #expect(first.int("result") == 1)
            #expect(shop.truth(orderId: order.id)?.platformStatus == "40")
            #expect(try await deliver(client, token, order.id).object["sub_code"] as? String == "order.partly-delivered")
            let tooMany = try await split(client, token, order.id, [(no: "ZT2", lines: [(order.lines[0], 2)])])
            #expect(tooMany.object["sub_code"] as? String == "invalid.deliveryNum")
            let rest = try await split(client, token, order.id, [(no: "ZT2", lines: [(order.lines[0], 1), (order.lines[1], 1)])])
            #expect(rest.int("result") == 1)
            let truth = try #require(shop.truth(orderId: order.id))
            #expect(truth.shipments.map(\.trackingNo) == ["ZT1", "ZT2"])
            let update = try await client.call(
                "open.seller.order.logistics.update",
                param: #"{"expressCode":11,"expressNo":"YD9","logisticsId":\#(truth.shipments[1].packageId),"orderId":\#(order.id)}"#,
                accessToken: token
            )
            #expect(update.int("result") == 1)
            #expect(shop.truth(orderId: order.id)?.shipments.map(\.trackingNo) == ["ZT1", "YD9"])
        }
    }

    @Test("faults: a lost answer applies the shipment; a rejection (11) changes nothing")
    func faults() async throws {
        try await withOrder { mock, shop, client, token, order in
            try await ShipTestSupport.setFaults(mock, shop: "yunlai-kuaishou", "lost=1&delay_ms=20")
            #expect(try await deliver(client, token, order.id).status == 504)
            #expect(shop.truth(orderId: order.id)?.shipments.map(\.trackingNo) == ["SF100"])
            #expect(try await deliver(client, token, order.id).int("result") == 1)
        }
        try await withOrder { mock, shop, client, token, order in
            mock.setShipFaults(MockShipFaults(rejections: 1), shop: "yunlai-kuaishou")
            let rejected = try await deliver(client, token, order.id)
            #expect(rejected.int("result") == 11)
            #expect(shop.truth(orderId: order.id)?.shipments.isEmpty == true)
        }
    }
}
