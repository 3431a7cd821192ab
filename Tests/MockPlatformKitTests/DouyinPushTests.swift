import Crypto
import Foundation
import MockPlatformKit
import Testing

@Suite("Douyin pushes")
struct DouyinPushTests {
    struct TradeData: Decodable {
        var p_id: Int64
        var s_ids: [Int64]
        var shop_id: Int64
        var order_status: Int
        var update_time: Int64
        var pay_amount: Int64?
    }

    @Test("a push is a signed JSON array whose data string carries p_id as an exact JSON number")
    func pushShape() async throws {
        let receiver = MockWebhookReceiver()
        try await receiver.start()
        let mock = MockPlatform(configuration: try TestConfiguration.load(), seed: 3)
        let shop = try #require(mock.douyin(shop: "yunlai-douyin"))
        let line = MockLineSpec(
            productId: "3656110990000000501",
            skuId: "1786000000000000501",
            outSkuId: "BJPG-5KG",
            title: "保靖椪柑 5kg",
            quantity: 1,
            unitPriceFen: 3990
        )
        let orderId = shop.createOrder(lines: [line], at: Date())
        let created = try shop.createdMessage(orderId: orderId)
        let paid = try shop.pay(orderId: orderId, at: Date())

        let result = try await shop.push([created, paid], to: receiver.baseURL, timeout: .patient)
        #expect(result.status == 200)
        #expect(result.acknowledged)

        let delivery = try #require(receiver.deliveries().first)
        #expect(delivery.path == "/webhooks/douyin/yunlai-douyin")
        #expect(delivery.headers["app-id"] == TestConfiguration.yunlaiKey)
        #expect(delivery.headers["content-type"] == "application/json")
        let expectedSign = DouyinTestClient.hex(
            Insecure.MD5.hash(data: Data(TestConfiguration.yunlaiKey.utf8) + Data(delivery.body) + Data(TestConfiguration.yunlaiSecret.utf8))
        )
        #expect(delivery.headers["event-sign"] == expectedSign)

        let array = try #require(try JSONSerialization.jsonObject(with: Data(delivery.body)) as? [[String: Any]])
        #expect(array.count == 2)
        #expect(array.map { $0["tag"] as? String } == ["100", "101"])
        #expect(array.allSatisfy { $0["msg_id"] is String && $0["data"] is String })
        #expect(Set(array.compactMap { $0["msg_id"] as? String }).count == 2)

        let dataText = try #require(array[1]["data"] as? String)
        #expect(dataText.contains("\"p_id\":\(orderId)"), "p_id is a JSON number, not a string")
        let data = try JSONDecoder().decode(TradeData.self, from: Data(dataText.utf8))
        #expect(String(data.p_id) == orderId)
        #expect(data.s_ids.map(String.init) == shop.lineIds(orderId: orderId))
        #expect(data.shop_id == 4_463_798)
        #expect(data.order_status == 2)
        #expect(data.pay_amount == 3990)
        #expect(data.update_time > 1_600_000_000)

        receiver.setAnswer(status: 200, body: #"{"code":1,"msg":"fail"}"#)
        #expect(try await shop.push([paid], to: receiver.baseURL, timeout: .patient).acknowledged == false)
        receiver.setAnswer(status: 500, body: #"{"code":0}"#)
        #expect(try await shop.push([paid], to: receiver.baseURL, timeout: .patient).acknowledged == false)

        let handshake = try await shop.handshake(to: receiver.baseURL, timeout: .patient)
        #expect(handshake.status == 500)
        let last = try #require(receiver.deliveries().last)
        #expect(last.bodyText.contains(#""tag":"0""#))
        await receiver.shutdown()
    }
}
