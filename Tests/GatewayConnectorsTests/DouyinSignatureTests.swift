import AsyncHTTPClient
import Crypto
import Foundation
import GatewayCore
import Testing

@testable import GatewayConnectors

@Suite struct DouyinSignatureTests {
    let signer = DouyinSigner(appKey: "7011223344556677889", appSecret: "demo-secret")

    @Test func paramJSONIsSortedCompactAndUnescaped() throws {
        let json = try DouyinSigner.paramJSON(["size": .int(100), "page": .int(0), "url": .string("a/b"), "b": .bool(true)])
        #expect(json == #"{"b":true,"page":0,"size":100,"url":"a/b"}"#)
    }

    @Test func apiSignatureMatchesAnIndependentComputation() {
        let paramJSON = #"{"shop_order_id":"4984023467827309610"}"#
        let plain =
            "demo-secret" + "app_key7011223344556677889" + "methodorder.orderDetail" + "param_json" + paramJSON + "timestamp1764400000" + "v2"
            + "demo-secret"
        #expect(signer.stringToSign(method: "order.orderDetail", paramJSON: paramJSON, timestamp: "1764400000") == plain)
        let mac = HMAC<SHA256>.authenticationCode(for: Array(plain.utf8), using: SymmetricKey(data: Array("demo-secret".utf8)))
        let expected = mac.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        #expect(signer.sign(method: "order.orderDetail", paramJSON: paramJSON, timestamp: "1764400000") == expected)
        #expect(expected.count == 64)
    }

    @Test func knownVectors() {
        // MD5("abc") and HMAC-SHA256(key "key", "The quick brown fox jumps over the lazy dog") — published test vectors.
        #expect(Digests.md5Hex("abc") == "900150983cd24fb0d6963f7d28e17f72")
        #expect(
            Digests.hmacSHA256Hex(key: "key", message: "The quick brown fox jumps over the lazy dog")
                == "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"
        )
    }

    func request(body: String, headers: [String: String]) -> WebhookRequest {
        WebhookRequest(method: "POST", headers: headers, body: Array(body.utf8), receivedAt: Timestamp(secondsSince1970: 1_764_400_000))
    }

    var pushBody: String {
        #"[{"tag":"101","msg_id":"7001","data":"{\"p_id\":4984023467827309610,\"s_ids\":[4984023467827309611],\"shop_id\":4463798,\"order_status\":105,\"pay_amount\":5980,\"pay_time\":1764400000,\"update_time\":1764400001}"}]"#
    }

    @Test func pushWithTheRightSignatureIsSplitIntoDeliveries() throws {
        let receiver = DouyinPushReceiver(shop: "yunlai-douyin", appKey: signer.appKey, appSecret: signer.appSecret)
        let sign = Digests.md5Hex(signer.appKey + pushBody + signer.appSecret)
        let receipt = receiver.receive(request(body: pushBody, headers: ["app-id": signer.appKey, "event-sign": sign]))
        guard case .accepted(let deliveries, let ack) = receipt else {
            Issue.record("expected acceptance, got \(receipt)")
            return
        }
        #expect(ack.body == #"{"code":0,"msg":"success"}"#)
        #expect(ack.status == 200)
        #expect(deliveries.count == 1)
        #expect(deliveries[0].deliveryId == "7001")
        let connector = DouyinConnector(
            shop: "yunlai-douyin",
            api: DouyinAPIClient(
                baseURL: "http://127.0.0.1:1",
                appKey: "k",
                appSecret: "s",
                shopId: "1",
                http: .shared,
                limiter: RateLimiter(ratePerSecond: 1, burst: 1),
                clock: testWallClock
            )
        )
        let observations = try connector.observations(from: InboxEntry(id: 1, delivery: deliveries[0]))
        #expect(observations.count == 1)
        #expect(observations[0].key.platformOrderId == "4984023467827309610")
        #expect(observations[0].status == .paid)
        #expect(observations[0].needsDetail)
        #expect(observations[0].platformUpdatedAt == Timestamp(secondsSince1970: 1_764_400_001))
    }

    @Test func wrongKeyChangedByteAndMissingHeaderAreRejected() {
        let receiver = DouyinPushReceiver(shop: "s", appKey: signer.appKey, appSecret: signer.appSecret)
        let good = Digests.md5Hex(signer.appKey + pushBody + signer.appSecret)
        let wrongKey = Digests.md5Hex(signer.appKey + pushBody + "other-secret")
        var changed = pushBody
        changed = changed.replacingOccurrences(of: "5980", with: "5981")
        let cases: [(String, [String: String])] = [
            (pushBody, ["app-id": signer.appKey, "event-sign": wrongKey]),
            (changed, ["app-id": signer.appKey, "event-sign": good]),
            (pushBody, ["app-id": signer.appKey]),
            (pushBody, ["event-sign": good]),
            (pushBody, ["app-id": "someone-else", "event-sign": good]),
        ]
        for (body, headers) in cases {
            let receipt = receiver.receive(request(body: body, headers: headers))
            guard case .rejected(let reason, _, let ack) = receipt else {
                Issue.record("accepted a bad push: \(headers)")
                continue
            }
            #expect(reason == .badSignature)
            #expect(ack.status == 401)
        }
    }

    @Test func handshakeIsAcknowledgedAndStoresNothing() {
        let receiver = DouyinPushReceiver(shop: "s", appKey: signer.appKey, appSecret: signer.appSecret)
        let body = #"[{"tag":"0","msg_id":"0","data":"{}"}]"#
        let receipt = receiver.receive(
            request(body: body, headers: ["app-id": signer.appKey, "event-sign": Digests.md5Hex(signer.appKey + body + signer.appSecret)])
        )
        #expect(receipt == .accepted(deliveries: [], ack: DouyinPushReceiver.successAck))
    }

    @Test func malformedBodyWithAValidSignatureIs400() {
        let receiver = DouyinPushReceiver(shop: "s", appKey: signer.appKey, appSecret: signer.appSecret)
        let body = #"{"tag":"101"}"#
        let receipt = receiver.receive(
            request(body: body, headers: ["app-id": signer.appKey, "event-sign": Digests.md5Hex(signer.appKey + body + signer.appSecret)])
        )
        guard case .rejected(let reason, _, let ack) = receipt else {
            Issue.record("accepted a malformed body")
            return
        }
        #expect(reason == .malformed)
        #expect(ack.status == 400)
    }

    /// Every message is stored as the exact bytes it arrived as (no decode-and-re-encode on the ack path), ids may be
    /// numbers, and other keys are kept as they came.
    @Test func messagesAreStoredAsReceivedAndSplitLikeTheDecoder() throws {
        let receiver = DouyinPushReceiver(shop: "s", appKey: signer.appKey, appSecret: signer.appSecret)
        let first = #"{ "tag": 101, "msg_id": 7002, "data": "{\"p_id\":1}" }"#
        let second = #"{"msg_id":"7003","tag":"102","data":"{}","extra":[1,{"a":null}]}"#
        let body = " [ \(first) ,\n \(second) ] "
        let receipt = receiver.receive(
            request(body: body, headers: ["app-id": signer.appKey, "event-sign": Digests.md5Hex(signer.appKey + body + signer.appSecret)])
        )
        guard case .accepted(let deliveries, _) = receipt else {
            Issue.record("expected acceptance, got \(receipt)")
            return
        }
        #expect(deliveries.map(\.deliveryId) == ["7002", "7003"])
        #expect(deliveries.map { String(decoding: $0.payload, as: UTF8.self) } == [first, second])
        // What the old decoder accepted is still accepted the same way (the stored bytes decode as messages).
        for delivery in deliveries {
            let decoded = try JSONDecoder().decode(DouyinPushMessage.self, from: Data(delivery.payload))
            #expect(decoded.msg_id.value == delivery.deliveryId)
        }
    }

    /// Anything that is not an array of objects with a tag, a msg_id and a string data is malformed, not a crash.
    @Test func malformedShapesAreRefused() {
        let receiver = DouyinPushReceiver(shop: "s", appKey: signer.appKey, appSecret: signer.appSecret)
        let bodies = [
            "", "[", "[]x", #"[{"tag":"101","msg_id":"1","data":{}}]"#, #"[{"tag":"101","msg_id":"1"}]"#,
            #"[{"tag":"101","data":"{}"}]"#, #"[{"msg_id":"1","data":"{}"}]"#, #"[1]"#, #"[{"tag":true,"msg_id":"1","data":"{}"}]"#,
            #"[{"tag":"abc","msg_id":"1","data":"{}"}]"#, #"[{"tag":"101","msg_id":"","data":"{}"}]"#,
            #"[{"tag":"101","msg_id":"1","data":"{}"},]"#, String(repeating: "[", count: 10_000),
            // A repeated key: decoders disagree on which value counts (Foundation on Linux takes the first).
            #"[{"tag":"101","msg_id":"x","data":"{}","msg_id":"7003"}]"#, #"[{"tag":"101","msg_id":"1","data":"{}","data":"{}"}]"#,
        ]
        for body in bodies {
            let receipt = receiver.receive(
                request(body: body, headers: ["app-id": signer.appKey, "event-sign": Digests.md5Hex(signer.appKey + body + signer.appSecret)])
            )
            guard case .rejected(.malformed, _, _) = receipt else {
                Issue.record("did not refuse \(body.prefix(60)) as malformed: \(receipt)")
                continue
            }
        }
    }
}
