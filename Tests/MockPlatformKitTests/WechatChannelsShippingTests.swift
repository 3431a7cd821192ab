import Foundation
import MockPlatformKit
import Testing

@Suite("WeChat Channels ship APIs")
struct WechatChannelsShippingTests {
    func withOrder(
        pay: Bool = true,
        _ body: (MockPlatform, WechatChannelsShopMock, String, (id: String, lines: [String])) async throws -> Void
    ) async throws {
        try await ShipTestSupport.withMock(try DomesticPlatformsConfiguration.load()) { mock in
            let shop = try #require(mock.wechatChannels(shop: "linyin-wechat"))
            let token = try await WechatChannelsAPITests.token(mock).object["access_token"] as? String ?? ""
            try await body(mock, shop, token, try ShipTestSupport.order(on: shop, pay: pay))
        }
    }

    func send(
        _ mock: MockPlatform,
        _ token: String,
        _ orderId: String,
        _ parcels: [(waybill: String, courier: String, lines: [(String, Int)])],
        path: String = "/channels/ec/order/delivery/send"
    )
        async throws -> TestHTTPCall.Reply
    {
        let list = parcels.map { parcel in
            let infos = parcel.lines.map { #"{"product_cnt":\#($0.1),"product_id":"3656110990000000501","sku_id":"\#($0.0)"}"# }
            return
                #"{"deliver_type":1,"delivery_id":"\#(parcel.courier)","product_infos":[\#(infos.joined(separator: ","))],"waybill_id":"\#(parcel.waybill)"}"#
        }
        return try await WechatChannelsAPITests.post(
            mock,
            path,
            token: token,
            #"{"delivery_list":[\#(list.joined(separator: ","))],"order_id":"\#(orderId)"}"#
        )
    }

    @Test("delivery/send ships parcels of lines and units: 21 部分发货, then 30; order/get shows the waybills; 109001 after")
    func partialThenRest() async throws {
        try await withOrder { mock, shop, token, order in
            let first = try await send(mock, token, order.id, [(waybill: "SF1", courier: "SF", lines: [(order.lines[0], 1)])])
            #expect(first.int("errcode") == 0)
            #expect(shop.truth(orderId: order.id)?.platformStatus == "21")
            #expect(mock.pendingShipPushes().last?.message.contains(#""finish_delivery":0"#) == true)
            let rest = try await send(
                mock,
                token,
                order.id,
                [(waybill: "ZTO2", courier: "ZTO", lines: [(order.lines[0], 1)]), (waybill: "ZTO3", courier: "ZTO", lines: [(order.lines[1], 1)])]
            )
            #expect(rest.int("errcode") == 0)
            #expect(shop.truth(orderId: order.id)?.platformStatus == "30")
            #expect(try await ShipTestSupport.servedTrackingNumbers(mock, orderId: order.id) == ["SF1", "ZTO2", "ZTO3"])
            let got = try await WechatChannelsAPITests.post(mock, "/channels/ec/order/get", token: token, #"{"order_id":"\#(order.id)"}"#)
            #expect(got.body.contains(#""waybill_id":"ZTO3""#))
            let again = try await send(mock, token, order.id, [(waybill: "SF9", courier: "SF", lines: [(order.lines[1], 1)])])
            #expect(again.int("errcode") == 109001)
            let update = try await send(
                mock,
                token,
                order.id,
                [(waybill: "JD1", courier: "JD", lines: [])],
                path: "/channels/ec/order/deliveryinfo/update"
            )
            #expect(update.int("errcode") == 0)
            #expect(shop.truth(orderId: order.id)?.shipments.first?.trackingNo == "JD1")
        }
    }

    @Test("refusals: unpaid or cancelled 101100, after-sale 108009, unknown delivery_id, too many units")
    func refusals() async throws {
        try await withOrder(pay: false) { mock, shop, token, order in
            #expect(try await send(mock, token, order.id, [(waybill: "SF1", courier: "SF", lines: [])]).int("errcode") == 101100)
            _ = try shop.cancelOrder(orderId: order.id, at: Date())
            #expect(try await send(mock, token, order.id, [(waybill: "SF1", courier: "SF", lines: [])]).int("errcode") == 101100)
        }
        try await withOrder { mock, shop, token, order in
            #expect(try await send(mock, token, order.id, [(waybill: "SF1", courier: "shunfeng", lines: [])]).int("errcode") == 40097)
            #expect(try await send(mock, token, order.id, [(waybill: "SF1", courier: "SF", lines: [(order.lines[1], 2)])]).int("errcode") == 40097)
            _ = try shop.requestLineRefund(orderId: order.id, lineId: order.lines[1], at: Date())
            #expect(try await send(mock, token, order.id, [(waybill: "SF1", courier: "SF", lines: [])]).int("errcode") == 108009)
            #expect(try await send(mock, token, order.id, [(waybill: "SF1", courier: "SF", lines: [(order.lines[0], 2)])]).int("errcode") == 0)
        }
    }

    @Test("faults: a lost answer applies the shipment; a rejection (109000) changes nothing")
    func faults() async throws {
        try await withOrder { mock, shop, token, order in
            try await ShipTestSupport.setFaults(mock, shop: "linyin-wechat", "lost=1")
            #expect(try await send(mock, token, order.id, [(waybill: "SF1", courier: "SF", lines: [])]).status == 504)
            #expect(shop.truth(orderId: order.id)?.platformStatus == "30")
            #expect(try await send(mock, token, order.id, [(waybill: "SF1", courier: "SF", lines: [])]).int("errcode") == 109001)
        }
        try await withOrder { mock, shop, token, order in
            mock.setShipFaults(MockShipFaults(rejections: 1), shop: "linyin-wechat")
            let rejected = try await send(mock, token, order.id, [(waybill: "SF1", courier: "SF", lines: [])])
            #expect(rejected.int("errcode") == 109000)
            #expect(shop.truth(orderId: order.id)?.shipments.isEmpty == true)
        }
    }
}
