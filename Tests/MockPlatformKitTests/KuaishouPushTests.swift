import Crypto
import Foundation
import GatewayCore
import MockPlatformKit
import NIOHTTP1
import Testing
import _CryptoExtras

@Suite("Kuaishou pushes and truth")
struct KuaishouPushTests {
    /// Decrypts a push body as platforms.md §2.1 says: AES-CBC, zero IV, PKCS5, key = Base64-decoded message key.
    static func decrypt(_ body: String) throws -> String {
        let key = SymmetricKey(data: try #require(Data(base64Encoded: DomesticPlatformsConfiguration.kuaishouMessageKey)))
        let ciphertext = try #require(Data(base64Encoded: body))
        let plain = try AES._CBC.decrypt(ciphertext, using: key, iv: AES._CBC.IV(ivBytes: [UInt8](repeating: 0, count: 16)))
        return String(decoding: plain, as: UTF8.self)
    }

    @Test("a push is the Base64 AES-CBC ciphertext of the message; info carries the oid as an exact number")
    func pushShape() async throws {
        let receiver = MockWebhookReceiver(answerBody: #"{"result":1}"#)
        try await receiver.start()
        let mock = MockPlatform(configuration: try DomesticPlatformsConfiguration.load(), seed: 5)
        let shop = try #require(mock.kuaishou(shop: "yunlai-kuaishou"))
        let oid = shop.createOrder(lines: [KuaishouAPITests.line], at: Date())
        let created = try shop.createdMessage(orderId: oid)
        let paid = try shop.pay(orderId: oid, at: Date())
        let result = try await shop.push([created, paid], to: receiver.baseURL, timeout: .patient)
        #expect(result.acknowledged)
        let deliveries = receiver.deliveries()
        #expect(deliveries.count == 2)
        let delivery = try #require(deliveries.last)
        #expect(delivery.path == "/webhooks/kuaishou/yunlai-kuaishou")
        #expect(delivery.headers["content-type"]?.hasPrefix("text/plain") == true)
        let json = try Self.decrypt(delivery.bodyText)
        let message = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(message["event"] as? String == "kwaishop_order_paySuccess")
        #expect(message["eventId"] as? String == paid.eventId)
        #expect(message["appKey"] as? String == DomesticPlatformsConfiguration.kuaishouAppKey)
        #expect(json.contains("\"bizId\":\(oid)"))
        #expect(TestHTTPCall.Reply.int(message["createTime"]).map { $0 > 1_600_000_000_000 } == true, "milliseconds")
        let info = try #require(message["info"] as? String)
        #expect(info.contains("\"oid\":\(oid)"))
        let infoObject = try #require(try JSONSerialization.jsonObject(with: Data(info.utf8)) as? [String: Any])
        #expect(TestHTTPCall.Reply.int(infoObject["status"]) == 30)
        let first = try Self.decrypt(try #require(deliveries.first).bodyText)
        #expect(first.contains("kwaishop_order_addOrder"))
        #expect(created.eventId != paid.eventId)

        receiver.setAnswer(status: 200, body: #"{"code":0,"msg":"success"}"#)
        #expect(try await shop.push([paid], to: receiver.baseURL, timeout: .patient).acknowledged == false, "Kuaishou needs result 1")
        receiver.setAnswer(status: 500, body: #"{"result":1}"#)
        #expect(try await shop.push([paid], to: receiver.baseURL, timeout: .patient).acknowledged == false)
        receiver.setAnswer(status: 200, body: #"{"result":1}"#)
        let heartbeat = try await shop.heartbeat(to: receiver.baseURL, timeout: .patient)
        #expect(heartbeat.acknowledged)
        #expect(try Self.decrypt(try #require(receiver.deliveries().last).bodyText) == #"{"test":true}"#)
        _ = try await shop.heartbeat(to: receiver.baseURL, encrypted: false, timeout: .patient)
        #expect(try #require(receiver.deliveries().last).bodyText == #"{"test":true}"#)
        await receiver.shutdown()
    }

    @Test("the MockShop verbs move the truth through 10/30/40/70/80 and line refunds; /_mock/truth shows it")
    func truth() async throws {
        let receiver = MockWebhookReceiver(answerBody: #"{"result":1}"#)
        try await receiver.start()
        let mock = MockPlatform(configuration: try DomesticPlatformsConfiguration.load(), seed: 6)
        try await mock.start()
        let shop: any MockShop = try #require(mock.kuaishou(shop: "yunlai-kuaishou"))
        #expect(shop.platform == .kuaishou)
        let second = MockLineSpec(
            productId: "22176000000000502",
            skuId: "10089000000000502",
            outSkuId: "BJPG-10KG",
            title: "保靖椪柑 10kg",
            quantity: 1,
            unitPriceFen: 6990
        )
        let placed = try shop.placeOrder(
            lines: [KuaishouAPITests.line, second],
            postageFen: 0,
            roomId: "7301882233445566778",
            authorId: nil,
            province: "湖南省",
            city: "长沙市",
            at: Date()
        )
        func status() -> String? { shop.orderTruth().first { $0.orderId == placed.orderId }?.status }
        #expect(status() == "created")
        let pushes = [
            placed.push, try shop.payOrder(orderId: placed.orderId, at: Date()),
        ]
        #expect(status() == "paid")
        let lines = shop.orderLineIds(orderId: placed.orderId)
        #expect(lines == ["10089000000000501", "10089000000000502"])
        _ = try shop.requestLineRefund(orderId: placed.orderId, lineId: lines[1], at: Date())
        #expect(shop.orderTruth().first?.lines.map(\.refundState) == ["none", "requested"])
        _ = try shop.completeLineRefund(orderId: placed.orderId, lineId: lines[1], at: Date())
        _ = try shop.shipOrder(orderId: placed.orderId, at: Date())
        #expect(status() == "shipped")
        _ = try shop.completeOrder(orderId: placed.orderId, at: Date())
        #expect(status() == "completed")
        #expect(throws: MockPlatformError.self) { try shop.cancelOrder(orderId: placed.orderId, at: Date()) }
        let other = try shop.placeOrder(
            lines: [KuaishouAPITests.line],
            postageFen: 0,
            roomId: nil,
            authorId: nil,
            province: "湖南省",
            city: "长沙市",
            at: Date()
        )
        _ = try shop.cancelOrder(orderId: other.orderId, at: Date())

        let result = try await shop.deliver(pushes.compactMap { $0 }, to: receiver.baseURL, timeout: .patient)
        #expect(result.acknowledged)
        #expect(receiver.deliveries().count == 2)

        let reply = try await TestHTTPCall.send(.GET, mock.baseURL + "/_mock/truth")
        let orders = try #require(reply.object["orders"] as? [[String: Any]])
        let mine = orders.filter { $0["platform"] as? String == "kuaishou" }
        #expect(mine.count == 2)
        let first = try #require(mine.first { $0["orderId"] as? String == placed.orderId })
        #expect(first["platformStatus"] as? String == "70")
        #expect(TestHTTPCall.Reply.int(first["paidFen"]) == Int64(2 * 3990 + 6990))
        let refunded = (first["lines"] as? [[String: Any]])?.map { $0["refundState"] as? String }
        #expect(refunded == ["none", "refunded"])
        #expect(mine.first { $0["orderId"] as? String == other.orderId }?["status"] as? String == "cancelled")
        await mock.shutdown()
        await receiver.shutdown()
    }
}
