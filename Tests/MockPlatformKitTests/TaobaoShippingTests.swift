import Foundation
import MockPlatformKit
import Testing

@Suite("Taobao ship APIs")
struct TaobaoShippingTests {
    func withOrder(
        pay: Bool = true,
        _ body: (MockPlatform, TaobaoShopMock, TaobaoTestClient, (id: String, lines: [String])) async throws -> Void
    )
        async throws
    {
        try await ShipTestSupport.withMock(try PollPlatformsTestConfiguration.load()) { mock in
            let shop = try #require(mock.taobao(shop: "linyin-taobao"))
            try await body(mock, shop, TaobaoTestClient(baseURL: mock.baseURL), try ShipTestSupport.order(on: shop, pay: pay))
        }
    }

    func send(
        _ client: TaobaoTestClient,
        _ tid: String,
        outSid: String = "SF100",
        company: String = "SF",
        subTids: [String]? = nil,
        method: String = "taobao.logistics.offline.send"
    )
        async throws -> RouterTestHTTP.Reply
    {
        var business = ["tid": tid, "out_sid": outSid, "company_code": company]
        if let subTids {
            business["is_split"] = "1"
            business["sub_tid"] = subTids.joined(separator: ",")
        }
        return try await client.call(method, business)
    }

    func subCode(_ reply: RouterTestHTTP.Reply) -> String? {
        (reply.object["error_response"] as? [String: Any])?["sub_code"] as? String
    }

    @Test("offline.send ships the whole trade; fullinfo shows invoice_no; a second send is B04")
    func whole() async throws {
        try await withOrder { mock, shop, client, order in
            let reply = try await send(client, order.id)
            let shipping = (reply.object["logistics_offline_send_response"] as? [String: Any])?["shipping"] as? [String: Any]
            #expect(shipping?["is_success"] as? Bool == true)
            #expect(shop.truth(orderId: order.id)?.platformStatus == "WAIT_BUYER_CONFIRM_GOODS")
            #expect(try await ShipTestSupport.servedTrackingNumbers(mock, orderId: order.id) == ["SF100"])
            let full = try await client.call("taobao.trade.fullinfo.get", ["tid": order.id, "fields": "tid,status,orders"])
            let trade = (full.object["trade_fullinfo_get_response"] as? [String: Any])?["trade"] as? [String: Any]
            let orders = (trade?["orders"] as? [String: Any])?["order"] as? [[String: Any]]
            #expect(orders?.map { $0["invoice_no"] as? String } == ["SF100", "SF100"])
            #expect(subCode(try await send(client, order.id, outSid: "SF200")) == "isv.logistics-offline-service-error:B04")
        }
    }

    @Test("is_split + sub_tid ships sub-orders (SELLER_CONSIGNED_PART), then the rest; consign.resend changes a parcel")
    func split() async throws {
        try await withOrder { _, shop, client, order in
            #expect(subCode(try await send(client, order.id, subTids: [order.lines[0]])) == nil)
            #expect(shop.truth(orderId: order.id)?.platformStatus == "SELLER_CONSIGNED_PART")
            #expect(subCode(try await send(client, order.id, subTids: [order.lines[0]])) == "isv.logistics-offline-service-error:P38")
            #expect(subCode(try await send(client, order.id, outSid: "ZTO2", company: "ZTO", subTids: [order.lines[1]])) == nil)
            let truth = try #require(shop.truth(orderId: order.id))
            #expect(truth.platformStatus == "WAIT_BUYER_CONFIRM_GOODS")
            #expect(truth.shipments.map(\.trackingNo) == ["SF100", "ZTO2"])
            let resend = try await send(
                client,
                order.id,
                outSid: "YTO3",
                company: "YTO",
                subTids: [order.lines[1]],
                method: "taobao.logistics.consign.resend"
            )
            #expect(subCode(resend) == nil)
            #expect(shop.truth(orderId: order.id)?.shipments.map(\.trackingNo) == ["SF100", "YTO3"])
            let halfSplit = try await client.call(
                "taobao.logistics.offline.send",
                ["tid": order.id, "out_sid": "X1", "company_code": "SF", "is_split": "1"]
            )
            #expect(subCode(halfSplit) == "isv.logistics-offline-service-error:P38")
        }
    }

    @Test("refusals: unpaid B55, closed B04, refund pending B55, unknown company B56, resend before shipping CD19")
    func refusals() async throws {
        try await withOrder(pay: false) { _, shop, client, order in
            #expect(subCode(try await send(client, order.id)) == "isv.logistics-offline-service-error:B55")
            _ = try shop.cancelOrder(orderId: order.id, at: Date())
            #expect(subCode(try await send(client, order.id)) == "isv.logistics-offline-service-error:B04")
        }
        try await withOrder { _, shop, client, order in
            #expect(subCode(try await send(client, order.id, company: "shunfeng")) == "isv.logistics-offline-service-error:B56")
            #expect(
                subCode(try await send(client, order.id, method: "taobao.logistics.consign.resend"))
                    == "isv.logistics-update-company-or-mailno-error:CD19"
            )
            _ = try shop.requestLineRefund(orderId: order.id, lineId: order.lines[0], at: Date())
            #expect(subCode(try await send(client, order.id)) == "isv.logistics-offline-service-error:B55")
            #expect(subCode(try await send(client, order.id, subTids: [order.lines[1]])) == nil)
        }
    }

    @Test("faults: a lost answer applies the shipment; a rejection (B60) changes nothing")
    func faults() async throws {
        try await withOrder { mock, shop, client, order in
            try await ShipTestSupport.setFaults(mock, shop: "linyin-taobao", "lost=1")
            #expect(try await send(client, order.id).status == 504)
            #expect(shop.truth(orderId: order.id)?.shipments.count == 1)
        }
        try await withOrder { mock, shop, client, order in
            mock.setShipFaults(MockShipFaults(rejections: 1), shop: "linyin-taobao")
            let rejected = try await send(client, order.id)
            #expect(subCode(rejected) == "isv.logistics-offline-service-error:B60")
            #expect(shop.truth(orderId: order.id)?.shipments.isEmpty == true)
        }
    }
}
