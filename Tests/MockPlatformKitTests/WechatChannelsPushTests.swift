import Crypto
import Foundation
import GatewayCore
import MockPlatformKit
import NIOHTTP1
import Testing
import _CryptoExtras

@Suite("WeChat Channels pushes and truth")
struct WechatChannelsPushTests {
    static func sha1(_ values: [String]) -> String {
        TestHTTPCall.hex(Insecure.SHA1.hash(data: Data(values.sorted().joined().utf8)))
    }

    /// Decrypts `Encrypt` as WXBizMsgCrypt does (platforms.md §5.1), independently of the mock.
    static func decrypt(_ encrypted: String) throws -> (message: String, appId: String) {
        let key = try #require(Data(base64Encoded: DomesticPlatformsConfiguration.wechatAESKey + "="))
        #expect(key.count == 32)
        let plain = Array(
            try AES._CBC.decrypt(
                try #require(Data(base64Encoded: encrypted)),
                using: SymmetricKey(data: key),
                iv: AES._CBC.IV(ivBytes: Array(key.prefix(16))),
                noPadding: true
            )
        )
        #expect(plain.count % 32 == 0)
        let pad = Int(try #require(plain.last))
        #expect((1...32).contains(pad))
        #expect(plain.suffix(pad).allSatisfy { Int($0) == pad })
        let content = Array(plain.dropLast(pad))
        let length = content[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let message = String(decoding: content[20..<(20 + length)], as: UTF8.self)
        let appId = String(decoding: content[(20 + length)...], as: UTF8.self)
        return (message, appId)
    }

    @Test("the URL verification GET is signed over token, timestamp and nonce, and acked by echoing echostr")
    func verifyURL() async throws {
        let receiver = MockWebhookReceiver(answerBody: "success")
        try await receiver.start()
        let mock = MockPlatform(configuration: try DomesticPlatformsConfiguration.load(), seed: 7)
        let shop = try #require(mock.wechatChannels(shop: "linyin-wechat"))
        let result = try await shop.verifyURL(to: receiver.baseURL, timeout: .patient)
        #expect(result.acknowledged)
        let delivery = try #require(receiver.deliveries().last)
        #expect(delivery.method == "GET")
        #expect(delivery.path == "/webhooks/wechat-channels/linyin-wechat")
        let query = MockQuery(delivery.query)
        let timestamp = try #require(query["timestamp"])
        let nonce = try #require(query["nonce"])
        #expect(query["echostr"]?.isEmpty == false)
        #expect(query["signature"] == Self.sha1([DomesticPlatformsConfiguration.wechatToken, timestamp, nonce]))
        // The documented example (platforms.md §5.1): token AAAAA, ts 1714036504, nonce 1514711492 ⇒ f464b24f…1441696.
        let example = Self.sha1(["AAAAA", "1714036504", "1514711492"])
        #expect(example.hasPrefix("f464b24f") && example.hasSuffix("1441696"))
        await receiver.shutdown()
    }

    @Test("an event is {ToUserName, Encrypt} with msg_signature; it decrypts to the event JSON with an exact numeric order_id")
    func eventShape() async throws {
        let receiver = MockWebhookReceiver(answerBody: "success")
        try await receiver.start()
        let mock = MockPlatform(configuration: try DomesticPlatformsConfiguration.load(), seed: 8)
        let shop = try #require(mock.wechatChannels(shop: "linyin-wechat"))
        let id = shop.createOrder(lines: [WechatChannelsAPITests.line], at: Date())
        let paid = try shop.pay(orderId: id, at: Date())
        #expect(try await shop.push([paid], to: receiver.baseURL, timeout: .patient).acknowledged)
        let delivery = try #require(receiver.deliveries().last)
        #expect(delivery.method == "POST")
        #expect(delivery.headers["content-type"] == "application/json")
        let query = MockQuery(delivery.query)
        let envelope = try #require(try JSONSerialization.jsonObject(with: Data(delivery.body)) as? [String: String])
        #expect(Set(envelope.keys) == ["ToUserName", "Encrypt"])
        let encrypted = try #require(envelope["Encrypt"])
        let token = DomesticPlatformsConfiguration.wechatToken
        #expect(query["encrypt_type"] == "aes")
        #expect(query["msg_signature"] == Self.sha1([token, query["timestamp"]!, query["nonce"]!, encrypted]))
        #expect(query["signature"] == Self.sha1([token, query["timestamp"]!, query["nonce"]!]))
        let (message, appId) = try Self.decrypt(encrypted)
        #expect(appId == DomesticPlatformsConfiguration.wechatAppId)
        #expect(message.contains("\"order_id\":\(id)"))
        let event = try #require(try JSONSerialization.jsonObject(with: Data(message.utf8)) as? [String: Any])
        #expect(event["Event"] as? String == "channels_ec_order_pay")
        #expect(event["MsgType"] as? String == "event")
        #expect(event["ToUserName"] as? String == envelope["ToUserName"])
        #expect(TestHTTPCall.Reply.int(event["CreateTime"]) == paid.createTime)
        let info = try #require(event["order_info"] as? [String: Any])
        #expect(TestHTTPCall.Reply.int(info["status"]) == 20)
        #expect(info["pay_time"] != nil)

        receiver.setAnswer(status: 200, body: "fail")
        #expect(try await shop.push([paid], to: receiver.baseURL, timeout: .patient).acknowledged == false)
        receiver.setAnswer(status: 502, body: "success")
        #expect(try await shop.push([paid], to: receiver.baseURL, timeout: .patient).acknowledged == false)
        await receiver.shutdown()
    }

    @Test("the MockShop verbs move the truth through 10/20/30/100/250 with after-sale events; /_mock/truth shows it")
    func truth() async throws {
        let receiver = MockWebhookReceiver(answerBody: "success")
        try await receiver.start()
        let mock = MockPlatform(configuration: try DomesticPlatformsConfiguration.load(), seed: 9)
        try await mock.start()
        let shop: any MockShop = try #require(mock.wechatChannels(shop: "linyin-wechat"))
        #expect(shop.platform == .wechatChannels)
        let placed = try shop.placeOrder(
            lines: [WechatChannelsAPITests.line],
            postageFen: 600,
            roomId: "live-1",
            authorId: "finder-1",
            province: "湖南省",
            city: "湘西州",
            at: Date()
        )
        func truth() -> MockOrderTruth? { shop.orderTruth().first { $0.orderId == placed.orderId } }
        var pushes = [placed.push]
        pushes.append(try shop.payOrder(orderId: placed.orderId, at: Date()))
        #expect(truth()?.status == "paid" && truth()?.platformStatus == "20")
        let line = try #require(shop.orderLineIds(orderId: placed.orderId).first)
        pushes.append(try shop.requestLineRefund(orderId: placed.orderId, lineId: line, at: Date()))
        #expect(truth()?.lines.first?.refundState == "requested")
        pushes.append(try shop.completeLineRefund(orderId: placed.orderId, lineId: line, at: Date()))
        pushes.append(try shop.shipOrder(orderId: placed.orderId, at: Date()))
        #expect(truth()?.status == "shipped")
        pushes.append(try shop.completeOrder(orderId: placed.orderId, at: Date()))
        #expect(truth()?.status == "completed" && truth()?.platformStatus == "100")
        let cancelled = try shop.placeOrder(
            lines: [WechatChannelsAPITests.line],
            postageFen: 0,
            roomId: nil,
            authorId: nil,
            province: "湖南省",
            city: "长沙市",
            at: Date()
        )
        _ = try shop.cancelOrder(orderId: cancelled.orderId, at: Date())

        let result = try await shop.deliver(pushes.compactMap { $0 }, to: receiver.baseURL, timeout: .patient)
        #expect(result.acknowledged)
        let events = try receiver.deliveries().map { delivery -> String in
            let envelope = try #require(try JSONSerialization.jsonObject(with: Data(delivery.body)) as? [String: String])
            let encrypted = try #require(envelope["Encrypt"])
            let message = try Self.decrypt(encrypted).message
            let event = try #require(try JSONSerialization.jsonObject(with: Data(message.utf8)) as? [String: Any])
            return try #require(event["Event"] as? String)
        }
        #expect(
            events == [
                "channels_ec_order_new", "channels_ec_order_pay", "channels_ec_aftersale_update", "channels_ec_aftersale_update",
                "channels_ec_order_deliver", "channels_ec_order_confirm",
            ]
        )
        let reply = try await TestHTTPCall.send(.GET, mock.baseURL + "/_mock/truth")
        let orders = try #require(reply.object["orders"] as? [[String: Any]]).filter { $0["platform"] as? String == "wechat-channels" }
        #expect(orders.count == 2)
        #expect(orders.first { $0["orderId"] as? String == cancelled.orderId }?["platformStatus"] as? String == "250")
        let first = try #require(orders.first { $0["orderId"] as? String == placed.orderId })
        #expect(TestHTTPCall.Reply.int(first["paidFen"]) == Int64(2 * 3990 + 600))
        #expect((first["lines"] as? [[String: Any]])?.first?["refundState"] as? String == "refunded")
        await mock.shutdown()
        await receiver.shutdown()
    }
}
