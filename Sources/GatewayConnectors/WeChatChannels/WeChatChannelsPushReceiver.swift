import Foundation
import GatewayCore

/// Receives WeChat Channels shop pushes for one shop (platforms.md §5.1).
///
/// - `GET` with `signature`, `timestamp`, `nonce`, `echostr`: the URL verification. The signature is
///   SHA-1 of the sorted `[token, timestamp, nonce]`; the answer is `echostr` verbatim as `text/plain`.
/// - `POST` with query `msg_signature`, `timestamp`, `nonce` (and `signature`, `encrypt_type=aes`) and
///   body `{"ToUserName":…,"Encrypt":…}` (Channels shop allows only encrypted JSON): `msg_signature`
///   must be SHA-1 of the sorted `[token, timestamp, nonce, Encrypt]`; `Encrypt` is opened with
///   ``WeChatMessageCrypto`` and must end with the shop's `app_id`. The stored payload is the decrypted
///   event JSON, and the ack is `success` as `text/plain`.
///
/// Events carry no message id, so the delivery id is synthesised as `Event:order_id:CreateTime`
/// ([V-3p]/[U] per platforms.md §5.1; the after-sale update uses its `order_id` the same way).
///
/// [U] choices, each the safer reading:
/// - `signature` on a POST is checked only when present (the query set is [V] only for the third-party
///   platform variant); `msg_signature` is always required.
/// - `encrypt_type`, when present, must be `aes`.
/// - A `timestamp` more than ``toleranceSeconds`` (default one day) from the gateway's clock is refused as
///   `stale_timestamp`. WXBizMsgCrypt itself checks no freshness, and a replay is absorbed by the dedup key
///   anyway, so the window is wide: it must never drop a late (retried or re-pushed) delivery.
/// - Events other than `channels_ec_order_*` and `channels_ec_aftersale_update` are refused as `unknown_event`.
public struct WeChatChannelsPushReceiver: PushReceiver {
    /// The shop key.
    public let shop: String
    private let crypto: WeChatMessageCrypto
    /// Largest allowed difference between the request `timestamp` and the gateway's clock, in seconds.
    public let toleranceSeconds: Int64

    /// The success acknowledgement: plain text `success`.
    public static let successAck = WebhookAck(status: 200, contentType: "text/plain; charset=utf-8", body: "success")

    /// Creates a receiver.
    /// - Throws: ``ConnectorError`` when the EncodingAESKey is malformed.
    public init(shop: String, appId: String, token: String, encodingAESKey: String, toleranceSeconds: Int64 = 86_400) throws {
        self.shop = shop
        self.crypto = try WeChatMessageCrypto(token: token, encodingAESKey: encodingAESKey, appId: appId)
        self.toleranceSeconds = toleranceSeconds
    }

    public func receive(_ request: WebhookRequest) -> PushReceipt {
        switch request.method {
        case "GET": verifyURL(request)
        case "POST": receiveEvent(request)
        default: reject(.malformed, "WeChat sends GET (URL verification) or POST (events), not \(request.method)")
        }
    }

    private func verifyURL(_ request: WebhookRequest) -> PushReceipt {
        let query = request.query
        guard let signature = query["signature"], let timestamp = query["timestamp"], let nonce = query["nonce"] else {
            return reject(.badSignature, "URL verification needs signature, timestamp and nonce query parameters")
        }
        guard let echostr = query["echostr"] else { return reject(.malformed, "URL verification needs an echostr query parameter") }
        let expected = WeChatMessageCrypto.signature(token: crypto.token, timestamp: timestamp, nonce: nonce)
        guard ConstantTime.equals(expected, signature.lowercased()) else {
            return reject(.badSignature, "signature does not match SHA1(sorted token, timestamp, nonce)")
        }
        if let rejection = staleness(timestamp, now: request.receivedAt) { return rejection }
        return .accepted(deliveries: [], ack: WebhookAck(status: 200, contentType: "text/plain; charset=utf-8", body: echostr))
    }

    private func receiveEvent(_ request: WebhookRequest) -> PushReceipt {
        let query = request.query
        guard let msgSignature = query["msg_signature"], let timestamp = query["timestamp"], let nonce = query["nonce"] else {
            return reject(.badSignature, "an event needs msg_signature, timestamp and nonce query parameters")
        }
        if let type = query["encrypt_type"], type.lowercased() != "aes" {
            return reject(.malformed, "encrypt_type \(type) is not aes (Channels shop pushes only encrypted JSON)")
        }
        if let signature = query["signature"],
            !ConstantTime.equals(WeChatMessageCrypto.signature(token: crypto.token, timestamp: timestamp, nonce: nonce), signature.lowercased())
        {
            return reject(.badSignature, "signature does not match SHA1(sorted token, timestamp, nonce)")
        }
        guard let envelope = try? JSONDecoder().decode(WeChatEncryptedEnvelope.self, from: Data(request.body)) else {
            return reject(.malformed, "body is not the JSON {\"ToUserName\":…,\"Encrypt\":…}")
        }
        guard let encrypt = envelope.Encrypt, !encrypt.isEmpty else {
            return reject(.malformed, "body has no Encrypt (Channels shop pushes only encrypted JSON)")
        }
        let expected = WeChatMessageCrypto.messageSignature(token: crypto.token, timestamp: timestamp, nonce: nonce, encrypt: encrypt)
        guard ConstantTime.equals(expected, msgSignature.lowercased()) else {
            return reject(.badSignature, "msg_signature does not match SHA1(sorted token, timestamp, nonce, Encrypt)")
        }
        if let rejection = staleness(timestamp, now: request.receivedAt) { return rejection }
        let message: [UInt8]
        do {
            message = try crypto.decrypt(encrypt)
        } catch {
            return reject(.badCiphertext, error.description)
        }
        let event: WeChatChannelsEvent
        do {
            event = try JSONDecoder().decode(WeChatChannelsEvent.self, from: Data(message))
        } catch {
            return reject(.malformed, "decrypted message is not event JSON: \(error)")
        }
        guard let name = event.Event, !name.isEmpty else { return reject(.malformed, "decrypted message has no Event") }
        guard WeChatChannelsMapping.isKnownEvent(name) else {
            return reject(.unknownEvent, "event \(name) is not a channels_ec_order_* or channels_ec_aftersale_update event")
        }
        guard let orderId = Self.orderId(of: event) else { return reject(.malformed, "\(name) carries no order_id") }
        guard let createTime = event.CreateTime?.value else { return reject(.malformed, "\(name) carries no CreateTime") }
        let delivery = InboxDelivery(
            platform: .wechatChannels,
            shop: shop,
            deliveryId: "\(name):\(orderId):\(createTime)",
            kind: .push,
            receivedAt: request.receivedAt,
            payload: message
        )
        return .accepted(deliveries: [delivery], ack: Self.successAck)
    }

    /// The order an event is about.
    static func orderId(of event: WeChatChannelsEvent) -> String? {
        [event.order_info?.order_id?.value, event.finder_shop_aftersale_status_update?.order_id?.value]
            .lazy.compactMap { $0 }.first { !$0.isEmpty && $0 != "0" }
    }

    private func staleness(_ timestamp: String, now: Timestamp) -> PushReceipt? {
        guard let parsed = Int64(timestamp) else { return reject(.badSignature, "timestamp \(timestamp) is not Unix seconds") }
        // Bounded before any arithmetic: an extreme value (Int64.min) would overflow `now - seconds`.
        guard let seconds = PlausibleTime.seconds(parsed), PlausibleTime.isFresh(seconds, now: now, tolerance: toleranceSeconds) else {
            return reject(.staleTimestamp, "timestamp \(timestamp) is more than \(toleranceSeconds) s from the gateway's clock")
        }
        return nil
    }

    private func reject(_ reason: WebhookRejection, _ message: String) -> PushReceipt {
        .rejected(reason, message: message, ack: WebhookAck(status: reason.httpStatus, contentType: "text/plain; charset=utf-8", body: message))
    }
}
