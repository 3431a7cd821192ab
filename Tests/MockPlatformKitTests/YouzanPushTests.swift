import Crypto
import Foundation
import GatewayCore
import MockPlatformKit
import NIOHTTP1
import Testing

@Suite("Youzan pushes and truth")
struct YouzanPushTests {
    static let line = MockLineSpec(
        productId: "3912345678",
        skuId: "36123456789",
        outSkuId: "BJPG-5KG",
        title: "保靖椪柑 5kg",
        quantity: 2,
        unitPriceFen: 3990
    )

    static func md5(_ bytes: [UInt8]) -> String { TestHTTPCall.hex(Insecure.MD5.hash(data: Data(bytes))) }

    @Test("a push is JSON signed with Event-Sign = md5(client_id + body + client_secret); msg carries the whole trade")
    func pushShape() async throws {
        let receiver = MockWebhookReceiver()
        try await receiver.start()
        let mock = MockPlatform(configuration: try DomesticPlatformsConfiguration.load(), seed: 12)
        let shop = try #require(mock.youzan(shop: "yunlai-youzan"))
        let tid = shop.createTrade(MockOrderPlacement(lines: [Self.line], postageFen: 800, at: Date()))
        let paid = try shop.pay(tid: tid, at: Date())
        #expect(try await shop.push([paid], to: receiver.baseURL, timeout: .patient).acknowledged)
        let delivery = try #require(receiver.deliveries().last)
        #expect(delivery.path == "/webhooks/youzan/yunlai-youzan")
        #expect(delivery.headers["content-type"] == "application/json")
        let clientId = DomesticPlatformsConfiguration.youzanClientId
        let secret = DomesticPlatformsConfiguration.youzanClientSecret
        #expect(delivery.headers["event-sign"] == Self.md5(Array(clientId.utf8) + delivery.body + Array(secret.utf8)))
        #expect(delivery.headers["event-type"] == "trade_TradePaid")
        #expect(delivery.headers["client-id"] == clientId)
        let body = try #require(try JSONSerialization.jsonObject(with: Data(delivery.body)) as? [String: Any])
        #expect(body["type"] as? String == "trade_TradePaid")
        #expect(body["status"] as? String == "WAIT_SELLER_SEND_GOODS")
        #expect(body["test"] as? Bool == false)
        #expect(body["id"] as? String == paid.id)
        let msg = try #require(body["msg"] as? String)
        #expect(body["sign"] as? String == Self.md5(Array((clientId + msg + secret).utf8)))
        let decoded = try #require(msg.removingPercentEncoding)
        let content = try #require(try JSONSerialization.jsonObject(with: Data(decoded.utf8)) as? [String: Any])
        let full = try #require(content["full_order_info"] as? [String: Any])
        let orderInfo = try #require(full["order_info"] as? [String: Any])
        #expect(orderInfo["tid"] as? String == tid)
        #expect(orderInfo["status"] as? String == "WAIT_SELLER_SEND_GOODS")
        #expect((orderInfo["pay_time"] as? String)?.count == 19, "yyyy-MM-dd HH:mm:ss")
        let pay = try #require(full["pay_info"] as? [String: Any])
        #expect(pay["payment"] as? String == "87.80")
        #expect(pay["post_fee"] as? String == "8.00")
        let orders = try #require(full["orders"] as? [[String: Any]])
        #expect(orders.first?["outer_sku_id"] as? String == "BJPG-5KG")
        #expect(orders.first?["oid"] as? String == shop.lineIds(tid: tid).first)
        #expect(decoded.contains("保靖椪柑 5kg"))

        receiver.setAnswer(status: 200, body: #"{"code":1,"msg":"fail"}"#)
        #expect(try await shop.push([paid], to: receiver.baseURL, timeout: .patient).acknowledged == false)
        receiver.setAnswer(status: 200, body: #"{"code":0,"msg":"success"}"#)
        let ping = try await shop.sendTest(to: receiver.baseURL, timeout: .patient)
        #expect(ping.acknowledged)
        let test = try #require(receiver.deliveries().last)
        let testBody = try #require(try JSONSerialization.jsonObject(with: Data(test.body)) as? [String: Any])
        #expect(testBody["test"] as? Bool == true)
        #expect(test.headers["event-sign"] == Self.md5(Array(clientId.utf8) + test.body + Array(secret.utf8)))
        await receiver.shutdown()
    }

    @Test("the MockShop verbs move the truth and every push is delivered signed; /_mock/truth shows it")
    func truth() async throws {
        let receiver = MockWebhookReceiver()
        try await receiver.start()
        let mock = MockPlatform(configuration: try DomesticPlatformsConfiguration.load(), seed: 13)
        try await mock.start()
        let shop: any MockShop = try #require(mock.youzan(shop: "yunlai-youzan"))
        #expect(shop.platform == .youzan)
        let placed = try shop.placeOrder(lines: [Self.line], postageFen: 0, roomId: "r1", authorId: nil, province: "湖南省", city: "长沙市", at: Date())
        #expect(placed.orderId.hasPrefix("E") && placed.orderId.count == 24)
        var pushes = [placed.push]
        pushes.append(try shop.payOrder(orderId: placed.orderId, at: Date()))
        let line = try #require(shop.orderLineIds(orderId: placed.orderId).first)
        pushes.append(try shop.requestLineRefund(orderId: placed.orderId, lineId: line, at: Date()))
        pushes.append(try shop.completeLineRefund(orderId: placed.orderId, lineId: line, at: Date()))
        pushes.append(try shop.shipOrder(orderId: placed.orderId, at: Date()))
        pushes.append(try shop.completeOrder(orderId: placed.orderId, at: Date()))
        let closed = try shop.placeOrder(lines: [Self.line], postageFen: 0, roomId: nil, authorId: nil, province: "湖南省", city: "长沙市", at: Date())
        pushes.append(try shop.cancelOrder(orderId: closed.orderId, at: Date()))
        #expect(try await shop.deliver(pushes.compactMap { $0 }, to: receiver.baseURL, timeout: .patient).acknowledged)
        let types = receiver.deliveries().map { $0.headers["event-type"] ?? "" }
        #expect(
            types == [
                "trade_TradeCreate", "trade_TradePaid", "trade_refund_BuyerCreated", "trade_refund_RefundSuccess", "trade_TradeSellerShip",
                "trade_TradeSuccess", "trade_TradeClose",
            ]
        )
        let clientId = DomesticPlatformsConfiguration.youzanClientId
        let secret = DomesticPlatformsConfiguration.youzanClientSecret
        #expect(receiver.deliveries().allSatisfy { $0.headers["event-sign"] == Self.md5(Array(clientId.utf8) + $0.body + Array(secret.utf8)) })
        let reply = try await TestHTTPCall.send(.GET, mock.baseURL + "/_mock/truth")
        let orders = try #require(reply.object["orders"] as? [[String: Any]]).filter { $0["platform"] as? String == "youzan" }
        let first = try #require(orders.first { $0["orderId"] as? String == placed.orderId })
        #expect(first["status"] as? String == "completed" && first["platformStatus"] as? String == "TRADE_SUCCESS")
        #expect((first["lines"] as? [[String: Any]])?.first?["refundState"] as? String == "refunded")
        #expect(orders.first { $0["orderId"] as? String == closed.orderId }?["status"] as? String == "cancelled")
        await mock.shutdown()
        await receiver.shutdown()
    }
}
