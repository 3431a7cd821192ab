import Foundation
import GatewayCore

/// Receives Kuaishou message pushes for one shop (platforms.md §2.1).
///
/// The body is Base64 AES-CBC ciphertext (``KuaishouMessageCrypto``); there is no signature header, so
/// authenticity rests on the shared key: a body that does not decrypt to JSON under the shop's
/// `message_key` is refused as `bad_ciphertext`. One message per request; the delivery id is `eventId`
/// (`msgId` when `eventId` is absent). The `{"test":true}` heartbeat (sent when the URL is saved and
/// periodically) is acknowledged and nothing is stored. The ack is HTTP 200 with `{"result":1}`.
///
/// [U] Whether the heartbeat itself is encrypted is not documented; both forms are acknowledged (a
/// plain `{"test":true}` stores nothing, so accepting it unauthenticated is harmless). Any other plain
/// (unencrypted) body is refused.
/// [U] Events outside `kwaishop_order_*` and `kwaishop_aftersales_*` are refused as `unknown_event` (400),
/// and a message whose `appKey` names another app is refused as `bad_ciphertext`.
public struct KuaishouPushReceiver: PushReceiver {
    /// The shop key.
    public let shop: String
    private let appKey: String
    private let crypto: KuaishouMessageCrypto

    /// The acknowledgement Kuaishou expects: HTTP 200 and `{"result":1}`.
    public static let successAck = WebhookAck(status: 200, body: #"{"result":1}"#)

    /// Creates a receiver.
    /// - Throws: ``ConnectorError`` when `messageKey` is not a Base64 AES key.
    public init(shop: String, appKey: String, messageKey: String) throws {
        self.shop = shop
        self.appKey = appKey
        self.crypto = try KuaishouMessageCrypto(messageKey: messageKey)
    }

    public func receive(_ request: WebhookRequest) -> PushReceipt {
        guard request.method == "POST" else { return reject(.malformed, "Kuaishou pushes are POST requests, not \(request.method)") }
        if Self.isPlainHeartbeat(request.body) { return .accepted(deliveries: [], ack: Self.successAck) }
        let plaintext: [UInt8]
        do {
            plaintext = try crypto.decrypt(body: request.body)
        } catch {
            return reject(.badCiphertext, "\(error)")
        }
        let message: KuaishouPushMessage
        do {
            message = try JSONDecoder().decode(KuaishouPushMessage.self, from: Data(plaintext))
        } catch {
            return reject(.badCiphertext, "decrypted body is not a Kuaishou message JSON (wrong message_key?): \(error)")
        }
        if message.test == true { return .accepted(deliveries: [], ack: Self.successAck) }
        if let sender = message.appKey, !sender.isEmpty, !ConstantTime.equals(sender, appKey) {
            return reject(.badCiphertext, "message appKey \(sender) is not this shop's app_key")
        }
        guard let event = message.event, !event.isEmpty else { return reject(.malformed, "message has no event") }
        guard KuaishouMapping.isKnownEvent(event) else {
            return reject(.unknownEvent, "event \(event) is not a kwaishop_order_* or kwaishop_aftersales_* event")
        }
        guard let deliveryId = [message.eventId, message.msgId].lazy.compactMap({ $0?.value }).first(where: { !$0.isEmpty }) else {
            return reject(.malformed, "message has neither eventId nor msgId")
        }
        let delivery = InboxDelivery(
            platform: .kuaishou,
            shop: shop,
            deliveryId: deliveryId,
            kind: .push,
            receivedAt: request.receivedAt,
            payload: plaintext
        )
        return .accepted(deliveries: [delivery], ack: Self.successAck)
    }

    /// Whether a body is the plain-text heartbeat `{"test":true}`.
    static func isPlainHeartbeat(_ body: [UInt8]) -> Bool {
        guard body.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) == UInt8(ascii: "{") else { return false }
        struct Heartbeat: Decodable { var test: Bool? }
        return (try? JSONDecoder().decode(Heartbeat.self, from: Data(body)))?.test == true
    }

    private func reject(_ reason: WebhookRejection, _ message: String) -> PushReceipt {
        .rejected(reason, message: message, ack: WebhookAck(status: reason.httpStatus, body: "{\"result\":0,\"error_msg\":\(jsonString(message))}"))
    }
}
