import Crypto
import Foundation
import GatewayConnectors
import GatewayCore

/// The push receivers (signature or decryption first, then the decoders) and, for what they accept, the
/// connector's decoding and the merge (``OrderPipeline``).
///
/// Each input is a ``FuzzMessage``: fields are headers (or query parameters for WeChat), the body is the body.
/// The target signs or encrypts the body with the fixed test credentials below, so the decoders behind the
/// check are reached; a field given in the input (`event-sign`, `webhook-signature`, `msg_signature` …) is
/// sent as given instead, and `x-fuzz-raw: 1` sends the body exactly as fuzzed (no encryption).
enum PushTargets {
    /// Fixed test credentials (never a real shop's).
    enum Credentials {
        static let douyinAppKey = "fuzz-app-key"
        static let douyinAppSecret = "fuzz-app-secret"
        static let kuaishouAppKey = "ks-fuzz-app"
        /// Base64 of the 16 bytes `fuzz-message-key`.
        static let kuaishouMessageKey = Data("fuzz-message-key".utf8).base64EncodedString()
        static let wechatAppId = "wx-fuzz-app"
        static let wechatToken = "fuzz-token"
        /// 43 characters: Base64 of 32 bytes without the trailing `=`.
        static let wechatAESKey = String(Data("fuzz-encoding-aes-key-32-bytes!!".utf8).base64EncodedString().dropLast())
        static let youzanClientId = "yz-fuzz-client"
        static let youzanClientSecret = "yz-fuzz-secret"
        static let standardSecret = "whsec_" + Data("fuzz-standard-webhooks-secret-32".utf8).base64EncodedString()
    }

    static let all: [FuzzTarget] = [
        FuzzTarget(name: "douyin-push", summary: "DouyinPushReceiver (event-sign computed) -> DouyinConnector push decoding -> merge", run: douyin),
        FuzzTarget(
            name: "kuaishou-push",
            summary: "KuaishouPushReceiver: body encrypted with the message key (x-fuzz-raw: as sent) -> KuaishouMessageCrypto -> decoding -> merge",
            run: kuaishou
        ),
        FuzzTarget(
            name: "wechat-push",
            summary:
                "WeChatChannelsPushReceiver: event JSON encrypted and msg_signature computed (x-fuzz-raw, x-fuzz-layout, GET) -> decoding -> merge",
            run: wechat
        ),
        FuzzTarget(name: "youzan-push", summary: "YouzanConnector.receive (Event-Sign computed) -> observations -> merge", run: youzan),
        FuzzTarget(
            name: "standard-push",
            summary: "StandardWebhookVerifier (webhook-signature computed, id/timestamp fuzzed) -> StandardOrderPayload -> merge",
            run: standard
        ),
    ]

    // MARK: Douyin

    static let douyinConnector = DouyinConnector(
        shop: "fuzz-douyin",
        api: DouyinAPIClient(
            baseURL: "http://douyin.invalid",
            appKey: Credentials.douyinAppKey,
            appSecret: Credentials.douyinAppSecret,
            shopId: "1",
            transport: PlatformHTTPTransport { _ in PlatformHTTPResponse(status: 500, body: "") },
            limiter: ScriptedPlatform.unlimited,
            retry: ScriptedPlatform.once,
            clock: ScriptedPlatform.clock
        )
    )
    static let douyinReceiver = DouyinPushReceiver(shop: "fuzz-douyin", appKey: Credentials.douyinAppKey, appSecret: Credentials.douyinAppSecret)

    static func douyin(_ input: [UInt8]) {
        let message = FuzzMessage(input)
        var headers = message.plainFields
        if headers["app-id"] == nil { headers["app-id"] = Credentials.douyinAppKey }
        if headers["event-sign"] == nil {
            headers["event-sign"] = Insecure.MD5.hash(
                data: Array(Credentials.douyinAppKey.utf8) + message.body + Array(Credentials.douyinAppSecret.utf8)
            )
            .map { String(format: "%02x", $0) }.joined()
        }
        let request = WebhookRequest(method: "POST", headers: headers, body: message.body, receivedAt: OrderPipeline.now)
        accept(douyinReceiver.receive(request), connector: douyinConnector)
    }

    // MARK: Kuaishou

    static let kuaishouReceiver = try! KuaishouPushReceiver(
        shop: "fuzz-kuaishou",
        appKey: Credentials.kuaishouAppKey,
        messageKey: Credentials.kuaishouMessageKey
    )
    static let kuaishouCrypto = try! KuaishouMessageCrypto(messageKey: Credentials.kuaishouMessageKey)
    static let kuaishouConnector = KuaishouConnector(
        shop: "fuzz-kuaishou",
        api: KuaishouAPIClient(
            baseURL: "http://kuaishou.invalid",
            appKey: Credentials.kuaishouAppKey,
            signSecret: "fuzz-sign-secret",
            accessToken: "fuzz-token",
            transport: PlatformHTTPTransport { _ in PlatformHTTPResponse(status: 500, body: "") },
            limiter: ScriptedPlatform.unlimited,
            retry: ScriptedPlatform.once,
            clock: ScriptedPlatform.clock
        )
    )

    static func kuaishou(_ input: [UInt8]) {
        let message = FuzzMessage(input)
        let body = message.flag("x-fuzz-raw") ? message.body : Array(((try? kuaishouCrypto.encrypt(message.body)) ?? "").utf8)
        let request = WebhookRequest(
            method: message.fields["x-fuzz-method"] ?? "POST",
            headers: message.plainFields,
            body: body,
            receivedAt: OrderPipeline.now
        )
        accept(kuaishouReceiver.receive(request), connector: kuaishouConnector)
    }

    // MARK: WeChat Channels

    static let wechatReceiver = try! WeChatChannelsPushReceiver(
        shop: "fuzz-wechat",
        appId: Credentials.wechatAppId,
        token: Credentials.wechatToken,
        encodingAESKey: Credentials.wechatAESKey
    )
    static let wechatCrypto = try! WeChatMessageCrypto(
        token: Credentials.wechatToken,
        encodingAESKey: Credentials.wechatAESKey,
        appId: Credentials.wechatAppId
    )
    /// The same AES key as ``wechatCrypto`` without WeChat's layout, to send plaintexts whose length field or appid is fuzzed.
    static let wechatCipher: AESCBCCipher = {
        let key = Array(Data(base64Encoded: Credentials.wechatAESKey + "=")!)
        return try! AESCBCCipher(key: key, iv: Array(key.prefix(16)), paddingBlockSize: 32)
    }()
    static let wechatConnector = WeChatChannelsConnector(
        shop: "fuzz-wechat",
        api: WeChatChannelsAPIClient(
            baseURL: "http://wechat.invalid",
            appId: Credentials.wechatAppId,
            appSecret: "fuzz-app-secret",
            transport: PlatformHTTPTransport { _ in PlatformHTTPResponse(status: 500, body: "") },
            limiter: ScriptedPlatform.unlimited,
            retry: ScriptedPlatform.once,
            clock: ScriptedPlatform.clock
        )
    )

    static func wechat(_ input: [UInt8]) {
        let message = FuzzMessage(input)
        var query = message.plainFields
        let timestamp = query["timestamp"] ?? String(OrderPipeline.now.secondsSince1970)
        let nonce = query["nonce"] ?? "fuzznonce"
        query["timestamp"] = timestamp
        query["nonce"] = nonce
        let method = message.fields["x-fuzz-method"] ?? "POST"
        var body = message.body
        if method == "GET" {
            if query["signature"] == nil {
                query["signature"] = WeChatMessageCrypto.signature(token: Credentials.wechatToken, timestamp: timestamp, nonce: nonce)
            }
            if query["echostr"] == nil { query["echostr"] = String(decoding: body, as: UTF8.self) }
        } else {
            let encrypt: String?
            if message.flag("x-fuzz-raw") {
                // The envelope as fuzzed; msg_signature over its Encrypt (if it has a string one).
                let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
                encrypt = object?["Encrypt"] as? String
            } else {
                let sealed: String?
                if message.flag("x-fuzz-layout") {
                    sealed = (try? wechatCipher.encrypt(body)).map { Data($0).base64EncodedString() }
                } else {
                    sealed = try? wechatCrypto.encrypt(body, random: Array(repeating: 7, count: 16))
                }
                encrypt = sealed
                let envelope: [String: String] = ["ToUserName": "gh_fuzz", "Encrypt": sealed ?? ""]
                body = Array((try? JSONSerialization.data(withJSONObject: envelope, options: [.sortedKeys])) ?? Data())
            }
            if query["msg_signature"] == nil, let encrypt {
                query["msg_signature"] = WeChatMessageCrypto.messageSignature(
                    token: Credentials.wechatToken,
                    timestamp: timestamp,
                    nonce: nonce,
                    encrypt: encrypt
                )
            }
        }
        let request = WebhookRequest(method: method, headers: [:], query: query, body: body, receivedAt: OrderPipeline.now)
        accept(wechatReceiver.receive(request), connector: wechatConnector)
    }

    // MARK: Youzan

    static let youzanConnector = YouzanConnector(
        shop: "fuzz-youzan",
        clientId: Credentials.youzanClientId,
        clientSecret: Credentials.youzanClientSecret
    )

    static func youzan(_ input: [UInt8]) {
        let message = FuzzMessage(input)
        var headers = message.plainFields
        if headers["event-sign"] == nil && !message.flag("x-fuzz-unsigned") { headers["event-sign"] = youzanConnector.eventSign(body: message.body) }
        let request = WebhookRequest(
            method: message.fields["x-fuzz-method"] ?? "POST",
            headers: headers,
            body: message.body,
            receivedAt: OrderPipeline.now
        )
        accept(youzanConnector.receive(request), connector: youzanConnector)
    }

    // MARK: Standard Webhooks

    static let standardConnector = try! StandardConnector(shop: "fuzz-standard", secret: Credentials.standardSecret)

    static func standard(_ input: [UInt8]) {
        let message = FuzzMessage(input)
        var headers = message.plainFields
        let id = headers["webhook-id"] ?? "msg_fuzz"
        let timestamp = headers["webhook-timestamp"] ?? String(OrderPipeline.now.secondsSince1970)
        headers["webhook-id"] = id
        headers["webhook-timestamp"] = timestamp
        if headers["webhook-signature"] == nil {
            // Signed as a sender would, over the timestamp text as sent (any integer text, even out of range).
            let content = Array("\(id).\(timestamp).".utf8) + message.body
            let key = SymmetricKey(data: Data(base64Encoded: String(Credentials.standardSecret.dropFirst(6)))!)
            headers["webhook-signature"] = "v1," + Data(HMAC<SHA256>.authenticationCode(for: content, using: key)).base64EncodedString()
        }
        let request = WebhookRequest(method: "POST", headers: headers, body: message.body, receivedAt: OrderPipeline.now)
        accept(standardConnector.receive(request), connector: standardConnector)
    }

    // MARK: shared

    /// Checks a receipt's shape and runs accepted deliveries through the connector.
    static func accept(_ receipt: PushReceipt, connector: some PlatformConnector) {
        switch receipt {
        case .accepted(let deliveries, let ack):
            FuzzCheck.require((200..<300).contains(ack.status), "an accepted push is acknowledged with \(ack.status)")
            OrderPipeline.process(deliveries, with: connector)
        case .rejected(let reason, _, let ack):
            FuzzCheck.require(ack.status == reason.httpStatus, "a \(reason) rejection answers \(ack.status)")
        }
    }
}
