import Crypto
import Foundation
import GatewayCore
import Testing
import _CryptoExtras

@testable import GatewayConnectors

@Suite struct KuaishouPushTests {
    static let keyBase64 = "AAECAwQFBgcICQoLDA0ODw=="  // bytes 00…0f
    static let appKey = "ks7011223344"
    static let message =
        #"{"eventId":"267_2345_147402","bizId":2412345678901234567,"userId":88001,"openId":"f1a2","appKey":"ks7011223344","event":"kwaishop_order_paySuccess","info":"{\"oid\":2412345678901234567,\"sellerId\":88001,\"status\":30,\"updateTime\":1764400000123}","createTime":1764400000456,"test":false}"#
    /// `message` encrypted by Python's `cryptography` (AES-128-CBC, zero IV, PKCS#7), Base64.
    static let pythonBody =
        "vOSNICXB99JlR2R/J/TRNZls+d8+x6roPXCcPgJFrErexoum9hBIiTmygxf1aYpCGGqHQ5ShHSYx9leXpSrdH7MIXuG74B5rLjm8mHcv5JaBYhYYrgobEgEz/yFo97ho6G3ULoffWOJNOp+9cHO8Jf4+a/f4DtlI2UKRPniUJ3HDsWT5z0j82u+53rrb6RLEGK6rENCfpW0/hKhMTxYS3uycO3CiwMSUtt2QZpBWHJHFFV5tIaPVY3qu7xSMLFL3eiMIIoc/qKjjSt7RHw9jHmvUKJ8gOgdpfBZFJsgu9Hr2l1UlixAjx3r2NjIGv7nusK3L4aICWoPsOuFa+wZdOEn6o/B9gbw2TwKzGxGBv7DWB1kpq6wjpJ+4FS1bxJ4Rnq+BGvRq4tEQCBoK3OQehA=="

    let receiver: KuaishouPushReceiver

    init() throws {
        receiver = try KuaishouPushReceiver(shop: "yunlai-kuaishou", appKey: Self.appKey, messageKey: Self.keyBase64)
    }

    /// Encrypts like Kuaishou, independently of the connector: CryptoExtras' own PKCS#7, zero IV.
    static func encrypt(_ text: String, keyBase64: String = keyBase64) throws -> String {
        let key = SymmetricKey(data: Data(base64Encoded: keyBase64)!)
        return try AES._CBC.encrypt(Array(text.utf8), using: key, iv: try AES._CBC.IV(ivBytes: [UInt8](repeating: 0, count: 16)))
            .base64EncodedString()
    }

    func post(_ body: String, method: String = "POST") -> WebhookRequest {
        WebhookRequest(
            method: method,
            headers: ["content-type": "text/plain;charset=utf-8"],
            body: Array(body.utf8),
            receivedAt: Timestamp(secondsSince1970: 1_764_400_001)
        )
    }

    @Test func pythonCiphertextDecryptsAndIsKeyedByEventId() throws {
        let receipt = receiver.receive(post(Self.pythonBody))
        guard case .accepted(let deliveries, let ack) = receipt else {
            Issue.record("expected acceptance, got \(receipt)")
            return
        }
        #expect(ack == WebhookAck(status: 200, contentType: "application/json", body: #"{"result":1}"#))
        #expect(deliveries.count == 1)
        #expect(deliveries[0].deliveryId == "267_2345_147402")
        #expect(deliveries[0].platform == .kuaishou)
        #expect(deliveries[0].payloadText == Self.message)
    }

    @Test func independentlyEncryptedBodyRoundTrips() throws {
        let body = try Self.encrypt(Self.message)
        #expect(body == Self.pythonBody)
        let crypto = try KuaishouMessageCrypto(messageKey: Self.keyBase64)
        #expect(try crypto.decrypt(body: Array(body.utf8)) == Array(Self.message.utf8))
        #expect(try crypto.encrypt(Array(Self.message.utf8)) == body)
        // Line-wrapped Base64 with a trailing newline still decrypts.
        let wrapped =
            stride(from: 0, to: body.count, by: 76).map { i -> String in
                let start = body.index(body.startIndex, offsetBy: i)
                return String(body[start..<body.index(start, offsetBy: min(76, body.count - i))])
            }.joined(separator: "\r\n") + "\n"
        #expect(try crypto.decrypt(body: Array(wrapped.utf8)) == Array(Self.message.utf8))
    }

    @Test func wrongKeyChangedByteGarbageAndPlainJSONAreBadCiphertext() throws {
        let otherKey = Data((16..<32).map { UInt8($0) }).base64EncodedString()
        var bytes = Array(Data(base64Encoded: Self.pythonBody)!)
        bytes[20] ^= 0x01
        let changed = Data(bytes).base64EncodedString()
        var lastBlockChanged = Array(Data(base64Encoded: Self.pythonBody)!)
        lastBlockChanged[lastBlockChanged.count - 1] ^= 0x80
        let bodies = [
            try Self.encrypt(Self.message, keyBase64: otherKey), changed, Data(lastBlockChanged).base64EncodedString(),
            "not base64 at all!", "", "AAAA", Self.message,
        ]
        for body in bodies {
            let receipt = receiver.receive(post(body))
            guard case .rejected(let reason, let message, let ack) = receipt else {
                Issue.record("accepted a bad body: \(body.prefix(40))")
                continue
            }
            #expect(reason == .badCiphertext, "\(message)")
            #expect(ack.status == 401)
            #expect(ack.body.contains("\"result\":0"))
        }
    }

    @Test func heartbeatIsAcknowledgedAndStoresNothing() throws {
        for body in [#"{"test":true}"#, " {\"test\": true}\n", try Self.encrypt(#"{"test":true}"#)] {
            #expect(receiver.receive(post(body)) == .accepted(deliveries: [], ack: KuaishouPushReceiver.successAck))
        }
    }

    @Test func unknownEventWrongAppKeyMissingIdAndGETAreRefused() throws {
        let cases: [(String, WebhookRejection)] = [
            (#"{"eventId":"1","event":"kwaishop_item_skuChange","info":"{}","appKey":"ks7011223344"}"#, .unknownEvent),
            (#"{"eventId":"1","event":"kwaishop_order_paySuccess","info":"{}","appKey":"someone-else"}"#, .badCiphertext),
            (#"{"event":"kwaishop_order_paySuccess","info":"{}"}"#, .malformed),
            (#"{"eventId":"1","info":"{}"}"#, .malformed),
        ]
        for (plain, expected) in cases {
            guard case .rejected(let reason, let message, let ack) = receiver.receive(post(try Self.encrypt(plain))) else {
                Issue.record("accepted \(plain)")
                continue
            }
            #expect(reason == expected, "\(message)")
            #expect(ack.status == expected.httpStatus)
        }
        guard case .rejected(.malformed, _, _) = receiver.receive(post(Self.pythonBody, method: "GET")) else {
            Issue.record("accepted a GET")
            return
        }
        // msgId stands in for a missing eventId.
        let withMsgId = try Self.encrypt(#"{"msgId":"m-77","event":"kwaishop_order_addOrder","bizId":1,"info":"{}"}"#)
        guard case .accepted(let deliveries, _) = receiver.receive(post(withMsgId)) else {
            Issue.record("refused a message with msgId only")
            return
        }
        #expect(deliveries.map(\.deliveryId) == ["m-77"])
    }

    @Test func malformedMessageKeyIsAConfigurationError() {
        #expect(throws: ConnectorError.self) { try KuaishouPushReceiver(shop: "s", appKey: "k", messageKey: "short") }
        #expect(throws: ConnectorError.self) { try KuaishouPushReceiver(shop: "s", appKey: "k", messageKey: "%%%") }
    }
}
