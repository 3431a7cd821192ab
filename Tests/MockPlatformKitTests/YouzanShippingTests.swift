import Foundation
import MockPlatformKit
import NIOHTTP1
import Testing

@Suite("Youzan ship APIs")
struct YouzanShippingTests {
    func withOrder(pay: Bool = true, _ body: (MockPlatform, YouzanShopMock, String, (id: String, lines: [String])) async throws -> Void) async throws
    {
        try await ShipTestSupport.withMock(try DomesticPlatformsConfiguration.load()) { mock in
            let shop = try #require(mock.youzan(shop: "yunlai-youzan"))
            let token = try await TestHTTPCall.send(
                .POST,
                mock.baseURL + "/auth/token",
                body:
                    #"{"authorize_type":"silent","client_id":"\#(DomesticPlatformsConfiguration.youzanClientId)","client_secret":"\#(DomesticPlatformsConfiguration.youzanClientSecret)","grant_id":"\#(shop.kdtId)"}"#,
                contentType: "application/json"
            )
            let accessToken = (token.object["data"] as? [String: Any])?["access_token"] as? String ?? ""
            try await body(mock, shop, accessToken, try ShipTestSupport.order(on: shop, pay: pay))
        }
    }

    func confirm(
        _ mock: MockPlatform,
        _ token: String,
        _ tid: String,
        sid: String = "SF1",
        stype: String = "7",
        oids: [String]? = nil,
        method: String = "youzan.logistics.online.confirm"
    )
        async throws -> TestHTTPCall.Reply
    {
        let oidField = oids.map { #","oids":"\#($0.joined(separator: ","))""# } ?? ""
        return try await TestHTTPCall.send(
            .POST,
            mock.baseURL + "/api/\(method)/3.0.0?access_token=\(token)",
            body: #"{"out_sid":"\#(sid)","out_stype":"\#(stype)","tid":"\#(tid)"\#(oidField)}"#,
            contentType: "application/json"
        )
    }

    @Test("online.confirm ships the trade or the lines in oids (SELLER_CONSIGNED_PART), pushes trade_TradeSellerShip; online.update edits")
    func ship() async throws {
        try await withOrder { mock, shop, token, order in
            #expect(!token.isEmpty)
            let first = try await confirm(mock, token, order.id, oids: [order.lines[0]])
            #expect((first.object["data"] as? [String: Any])?["is_success"] as? Bool == true)
            #expect(shop.truth(tid: order.id)?.platformStatus == "SELLER_CONSIGNED_PART")
            #expect(try await confirm(mock, token, order.id, sid: "ZT2", stype: "3").int("code") == 200)
            let truth = try #require(shop.truth(tid: order.id))
            #expect(truth.platformStatus == "WAIT_BUYER_CONFIRM_GOODS")
            #expect(
                truth.shipments.map(\.lines) == [
                    [MockShippedLine(lineId: order.lines[0], quantity: 2)], [MockShippedLine(lineId: order.lines[1], quantity: 1)],
                ]
            )
            #expect(try await ShipTestSupport.servedTrackingNumbers(mock, orderId: order.id) == ["SF1", "ZT2"])
            let pushes = mock.pendingShipPushes()
            #expect(pushes.count == 2)
            #expect(pushes.last?.message.contains("ZT2") == true)
            #expect(try await confirm(mock, token, order.id, sid: "SF3").int("code") == 102_570_031)
            #expect(
                try await confirm(mock, token, order.id, sid: "YT4", stype: "2", oids: [order.lines[1]], method: "youzan.logistics.online.update")
                    .int("code") == 200
            )
            #expect(shop.truth(tid: order.id)?.shipments.map(\.trackingNo) == ["SF1", "YT4"])
        }
    }

    @Test("refusals: unpaid and closed trades, refund pending 102570039, non-numeric out_stype 102599996, unknown courier, bad token")
    func refusals() async throws {
        try await withOrder(pay: false) { mock, shop, token, order in
            #expect(try await confirm(mock, token, order.id).int("code") == 102_570_030)
            _ = try shop.cancelOrder(orderId: order.id, at: Date())
            #expect(try await confirm(mock, token, order.id).int("code") == 102_570_030)
        }
        try await withOrder { mock, shop, token, order in
            #expect(try await confirm(mock, token, order.id, stype: "SF").int("code") == 102_599_996)
            #expect(try await confirm(mock, token, order.id, stype: "99999").int("code") == 102_599_997)
            let badToken = try await confirm(mock, "nope", order.id)
            #expect(TestHTTPCall.Reply.int((badToken.object["gw_err_resp"] as? [String: Any])?["err_code"]) == 4201)
            _ = try shop.requestLineRefund(orderId: order.id, lineId: order.lines[0], at: Date())
            #expect(try await confirm(mock, token, order.id).int("code") == 102_570_039)
            #expect(shop.truth(tid: order.id)?.shipments.isEmpty == true)
        }
    }

    @Test("faults: a lost answer applies the shipment; a rejection changes nothing")
    func faults() async throws {
        try await withOrder { mock, shop, token, order in
            try await ShipTestSupport.setFaults(mock, shop: "yunlai-youzan", "lost=1")
            #expect(try await confirm(mock, token, order.id).status == 504)
            #expect(shop.truth(tid: order.id)?.status == "shipped")
        }
        try await withOrder { mock, shop, token, order in
            mock.setShipFaults(MockShipFaults(rejections: 1), shop: "yunlai-youzan")
            let rejected = try await confirm(mock, token, order.id)
            #expect(rejected.int("code") == 102_570_050)
            #expect(shop.truth(tid: order.id)?.shipments.isEmpty == true)
        }
    }
}
