import Crypto
import Foundation
import GatewayCore
import Testing
import _CryptoExtras

@testable import GatewayConnectors

@Suite struct WeChatChannelsPushTests {
    static let encodingAESKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
    static let appId = "wx5823bf96d3bd56c7"
    static let token = "QDG6eK"
    static let timestamp = "1764400001"
    static let nonce = "1320562132"
    static let message =
        #"{"ToUserName":"gh_7c1a2b3c4d5e","FromUserName":"oBuyer123","CreateTime":1764400000,"MsgType":"event","Event":"channels_ec_order_pay","order_info":{"order_id":3705115058471208928,"pay_time":1764399990}}"#
    /// `message` encrypted by Python's `cryptography` with the WXBizMsgCrypt layout (random "0123456789abcdef").
    static let pythonEncrypt =
        "Q3stYC6hdFzMh9T8HCvyDP1HNhHK57AK6iCwPx8O3kCb1l3LVRj5sEt7Inme3jxS+4xGulraWdPvf6l3afVrfxNmqY+u45gR66ign0ERTCerHSzAMc0KTGZj7Eu4yXbiFJgs0uETxDPQ/HA3ZE7uLB3qrjF4/OMVIefLjhY3DgIUdBX1WFADYs/snR4S97UVkiSLhvtfeTMlq5A4PcP+iTQzekVotrz2Pl4yELJhRxG8fW1rpcK883CvHNRtDkcYuDOBzYTWxm+JC93eFTGyco/ayu/d4RwXadTOo9w38n2R1HV0e54fS254PluqYpYkTLQszazVg1H/vQf68jCMaw=="
    /// Python's SHA-1 over the sorted token, timestamp, nonce and `pythonEncrypt`.
    static let pythonMsgSignature = "fcfdf30e924fb64a1ad1fc0a0af5ac8768f12c89"
    static let now = Timestamp(secondsSince1970: 1_764_400_002)

    let receiver: WeChatChannelsPushReceiver

    init() throws {
        receiver = try WeChatChannelsPushReceiver(shop: "yunlai-wechat", appId: Self.appId, token: Self.token, encodingAESKey: Self.encodingAESKey)
    }

    /// Encrypts like WeChat, independently of the connector: 32-byte PKCS#7 padding by hand, CryptoExtras CBC without padding.
    static func encrypt(_ message: String, appId: String = appId, encodingAESKey: String = encodingAESKey) throws -> String {
        let key = Array(Data(base64Encoded: Self.standardBase64(encodingAESKey + "="))!)
        var plain = Array("fedcba9876543210".utf8)
        let body = Array(message.utf8)
        plain += [UInt8(body.count >> 24 & 0xFF), UInt8(body.count >> 16 & 0xFF), UInt8(body.count >> 8 & 0xFF), UInt8(body.count & 0xFF)]
        plain += body + Array(appId.utf8)
        let pad = 32 - plain.count % 32
        plain += [UInt8](repeating: UInt8(pad), count: pad)
        return try AES._CBC.encrypt(plain, using: SymmetricKey(data: key), iv: try AES._CBC.IV(ivBytes: key.prefix(16)), noPadding: true)
            .base64EncodedString()
    }

    /// Foundation refuses Base64 whose last character has non-zero unused bits; clear them for the independent path.
    static func standardBase64(_ text: String) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var chars = Array(text)
        if chars.count == 44, chars[43] == "=", chars[42] != "=", let index = alphabet.firstIndex(of: chars[42]) {
            chars[42] = alphabet[index & ~0x03]
        }
        return String(chars)
    }

    static func sha1(_ parts: [String]) -> String {
        Insecure.SHA1.hash(data: Array(parts.sorted().joined().utf8)).map { String(format: "%02x", $0) }.joined()
    }

    func post(
        encrypt: String?,
        query: [String: String]? = nil,
        signedWith token: String = token,
        method: String = "POST",
        now: Timestamp = now
    ) -> WebhookRequest {
        let body = encrypt.map { #"{"ToUserName":"gh_7c1a2b3c4d5e","Encrypt":"\#($0)"}"# } ?? #"{"ToUserName":"gh_7c1a2b3c4d5e"}"#
        let parameters =
            query ?? [
                "signature": Self.sha1([token, Self.timestamp, Self.nonce]), "timestamp": Self.timestamp, "nonce": Self.nonce,
                "encrypt_type": "aes", "msg_signature": Self.sha1([token, Self.timestamp, Self.nonce, encrypt ?? ""]), "openid": "oBuyer123",
            ]
        return WebhookRequest(
            method: method,
            headers: ["content-type": "application/json"],
            query: parameters,
            body: Array(body.utf8),
            receivedAt: now
        )
    }

    @Test func documentationURLSignatureVector() {
        // developers.weixin.qq.com message_push: token AAAAA, timestamp 1714036504, nonce 1514711492 ⇒ f464b24f…1441696.
        let signature = WeChatMessageCrypto.signature(token: "AAAAA", timestamp: "1714036504", nonce: "1514711492")
        #expect(signature.hasPrefix("f464b24f"))
        #expect(signature.hasSuffix("1441696"))
        #expect(signature == "f464b24fc39322e44b38aa78f5edd27bd1441696")  // full value from Python's hashlib
        #expect(
            WeChatMessageCrypto.messageSignature(token: Self.token, timestamp: Self.timestamp, nonce: Self.nonce, encrypt: Self.pythonEncrypt)
                == Self.pythonMsgSignature
        )
    }

    @Test func pythonEncryptedEventIsAcceptedWithASynthesisedDeliveryId() throws {
        let request = post(encrypt: Self.pythonEncrypt)
        #expect(request.query["msg_signature"] == Self.pythonMsgSignature)
        let receipt = receiver.receive(request)
        guard case .accepted(let deliveries, let ack) = receipt else {
            Issue.record("expected acceptance, got \(receipt)")
            return
        }
        #expect(ack.body == "success")
        #expect(ack.contentType.hasPrefix("text/plain"))
        #expect(ack.status == 200)
        #expect(deliveries.map(\.deliveryId) == ["channels_ec_order_pay:3705115058471208928:1764400000"])
        #expect(deliveries[0].payloadText == Self.message)
        #expect(deliveries[0].platform == .wechatChannels)
    }

    @Test func cryptoRoundTripsBothWays() throws {
        let crypto = try WeChatMessageCrypto(token: Self.token, encodingAESKey: Self.encodingAESKey, appId: Self.appId)
        #expect(try crypto.decrypt(Self.pythonEncrypt) == Array(Self.message.utf8))
        #expect(try crypto.encrypt(Array(Self.message.utf8), random: Array("0123456789abcdef".utf8)) == Self.pythonEncrypt)
        let independent = try Self.encrypt(Self.message)
        #expect(try crypto.decrypt(independent) == Array(Self.message.utf8))
        // The connector's ciphertext opens with CryptoExtras alone.
        let ours = Array(Data(base64Encoded: try crypto.encrypt(Array("{}".utf8)))!)
        let key = Array(Data(base64Encoded: Self.standardBase64(Self.encodingAESKey + "="))!)
        let raw = Array(try AES._CBC.decrypt(ours, using: SymmetricKey(data: key), iv: try AES._CBC.IV(ivBytes: key.prefix(16)), noPadding: true))
        #expect(raw.count == 64)  // 16 + 4 + 2 + 18 = 40 bytes padded to 64
        #expect(Array(raw[16..<20]) == [0, 0, 0, 2])
        #expect(String(decoding: raw[22..<40], as: UTF8.self) == Self.appId)
        #expect(raw.suffix(24).allSatisfy { $0 == 24 })
    }

    @Test func urlVerificationEchoesEchostr() {
        let query = [
            "signature": Self.sha1([Self.token, Self.timestamp, Self.nonce]), "timestamp": Self.timestamp, "nonce": Self.nonce,
            "echostr": "7319537408224416381",
        ]
        let request = WebhookRequest(method: "GET", headers: [:], query: query, body: [], receivedAt: Self.now)
        #expect(
            receiver.receive(request)
                == .accepted(deliveries: [], ack: WebhookAck(status: 200, contentType: "text/plain; charset=utf-8", body: "7319537408224416381"))
        )

        var wrong = query
        wrong["signature"] = Self.sha1(["other-token", Self.timestamp, Self.nonce])
        var missing = query
        missing["signature"] = nil
        var noEcho = query
        noEcho["echostr"] = nil
        for (bad, expected) in [(wrong, WebhookRejection.badSignature), (missing, .badSignature), (noEcho, .malformed)] {
            guard
                case .rejected(let reason, _, let ack) = receiver.receive(
                    WebhookRequest(method: "GET", headers: [:], query: bad, body: [], receivedAt: Self.now)
                )
            else {
                Issue.record("accepted \(bad)")
                continue
            }
            #expect(reason == expected)
            #expect(ack.status == expected.httpStatus)
        }
    }

    /// Issue #12: a correctly signed but extreme `timestamp` must be refused, not overflow `now - seconds`.
    @Test(arguments: ["-9223372036854775808", "9223372036854775807", "9000000000000000000"])
    func extremeSignedTimestampIsRefusedWithoutTrapping(_ timestamp: String) {
        let query = [
            "signature": Self.sha1([Self.token, timestamp, Self.nonce]), "timestamp": timestamp, "nonce": Self.nonce,
            "echostr": "7319537408224416381",
        ]
        guard
            case .rejected(let reason, _, let ack) = receiver.receive(
                WebhookRequest(method: "GET", headers: [:], query: query, body: [], receivedAt: Self.now)
            )
        else {
            Issue.record("accepted timestamp \(timestamp)")
            return
        }
        #expect(reason == .staleTimestamp)
        #expect((400..<500).contains(ack.status))
    }

    @Test func badSignaturesCiphertextsAppIdsAndTimestampsAreRefused() throws {
        var changed = Array(Data(base64Encoded: Self.pythonEncrypt)!)
        changed[changed.count - 20] ^= 0x01
        let changedEncrypt = Data(changed).base64EncodedString()
        let otherKey = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210abcdefg"
        var noMsgSignature = post(encrypt: Self.pythonEncrypt).query
        noMsgSignature["msg_signature"] = nil
        var wrongSignature = post(encrypt: Self.pythonEncrypt).query
        wrongSignature["signature"] = String(repeating: "0", count: 40)
        var msgSignatureOnlyWrongToken = post(encrypt: Self.pythonEncrypt, signedWith: "wrong-token").query
        msgSignatureOnlyWrongToken["signature"] = nil
        var notAES = post(encrypt: Self.pythonEncrypt).query
        notAES["encrypt_type"] = "raw"
        let cases: [(WebhookRequest, WebhookRejection, String)] = [
            (post(encrypt: Self.pythonEncrypt, signedWith: "wrong-token"), .badSignature, "signature"),
            (post(encrypt: Self.pythonEncrypt, query: noMsgSignature), .badSignature, "msg_signature"),
            (post(encrypt: Self.pythonEncrypt, query: msgSignatureOnlyWrongToken), .badSignature, "msg_signature"),
            (post(encrypt: Self.pythonEncrypt, query: wrongSignature), .badSignature, "signature"),
            (post(encrypt: changedEncrypt), .badCiphertext, "decrypt"),
            (post(encrypt: try Self.encrypt(Self.message, encodingAESKey: otherKey)), .badCiphertext, "decrypt"),
            (post(encrypt: try Self.encrypt(Self.message, appId: "wx0000000000000000")), .badCiphertext, "wx0000000000000000"),
            (post(encrypt: "@@not-base64@@"), .badCiphertext, "Base64"),
            (post(encrypt: Self.pythonEncrypt, now: Self.now.adding(seconds: 3 * 86_400)), .staleTimestamp, "timestamp"),
            (
                post(encrypt: try Self.encrypt(#"{"CreateTime":1764400000,"Event":"product_spu_audit","order_info":{"order_id":1}}"#)), .unknownEvent,
                "product_spu_audit"
            ),
            (post(encrypt: try Self.encrypt(#"{"CreateTime":1764400000,"Event":"channels_ec_order_pay","order_info":{}}"#)), .malformed, "order_id"),
            (post(encrypt: nil), .malformed, "Encrypt"),
            (post(encrypt: Self.pythonEncrypt, query: notAES), .malformed, "encrypt_type"),
            (post(encrypt: Self.pythonEncrypt, method: "PUT"), .malformed, "PUT"),
        ]
        for (request, expected, fragment) in cases {
            guard case .rejected(let reason, let message, let ack) = receiver.receive(request) else {
                Issue.record("accepted a bad push expecting \(expected)")
                continue
            }
            #expect(reason == expected, "\(message)")
            #expect(message.contains(fragment), "\(message)")
            #expect(ack.status == expected.httpStatus)
        }
    }

    @Test func malformedEncodingAESKeyIsAConfigurationError() {
        #expect(throws: ConnectorError.self) { try WeChatChannelsPushReceiver(shop: "s", appId: "a", token: "t", encodingAESKey: "too-short") }
    }

    @Test func afterSaleUpdateIsKeyedByItsOrder() throws {
        let event =
            #"{"CreateTime":1764400100,"Event":"channels_ec_aftersale_update","finder_shop_aftersale_status_update":{"status":"MERCHANT_PROCESSING","after_sale_order_id":"4700000000000000001","order_id":"3705115058471208928"}}"#
        guard case .accepted(let deliveries, _) = receiver.receive(post(encrypt: try Self.encrypt(event))) else {
            Issue.record("refused an after-sale update")
            return
        }
        #expect(deliveries.map(\.deliveryId) == ["channels_ec_aftersale_update:3705115058471208928:1764400100"])
    }
}
