import Foundation
import GatewayCore

/// Receives Douyin pushes for one shop (platforms.md §1.1).
///
/// Checks `app-id` equals the app key and `event-sign` equals MD5(app_key + raw body + app_secret),
/// splits the JSON array into one delivery per message keyed by `msg_id`, answers the tag-0 URL
/// verification, and acknowledges with `{"code":0,"msg":"success"}` once the deliveries are stored.
public struct DouyinPushReceiver: PushReceiver {
    /// The shop key.
    public let shop: String
    private let signer: DouyinSigner

    /// The success acknowledgement Douyin expects.
    public static let successAck = WebhookAck(status: 200, body: #"{"code":0,"msg":"success"}"#)

    /// Creates a receiver.
    public init(shop: String, appKey: String, appSecret: String) {
        self.shop = shop
        self.signer = DouyinSigner(appKey: appKey, appSecret: appSecret)
    }

    public func receive(_ request: WebhookRequest) -> PushReceipt {
        guard let appId = request.headers["app-id"], let sign = request.headers["event-sign"] else {
            return reject(.badSignature, "missing app-id or event-sign header")
        }
        guard ConstantTime.equals(appId, signer.appKey) else { return reject(.badSignature, "app-id does not match the shop's app_key") }
        guard signer.verifyPush(body: request.body, eventSign: sign) else {
            return reject(.badSignature, "event-sign does not match MD5(app_key + body + app_secret)")
        }
        let messages: [DouyinPushMessage]
        do {
            messages = try JSONDecoder().decode([DouyinPushMessage].self, from: Data(request.body))
        } catch {
            return reject(.malformed, "body is not a JSON array of {tag, msg_id, data}: \(error)")
        }
        var deliveries: [InboxDelivery] = []
        for message in messages {
            if message.tag.value == "0" { continue }  // URL verification handshake: acknowledge, store nothing
            guard Int(message.tag.value) != nil else { return reject(.malformed, "tag \"\(message.tag.value)\" is not a number") }
            guard !message.msg_id.value.isEmpty else { return reject(.malformed, "a message has an empty msg_id") }
            // Stored as one compact message, keys sorted, exactly as decoded (written by hand: this is the ack path).
            let payload =
                "{\"data\":\(JSONText.quoted(message.data)),\"msg_id\":\(JSONText.quoted(message.msg_id.value)),"
                + "\"tag\":\(JSONText.quoted(message.tag.value))}"
            deliveries.append(
                InboxDelivery(
                    platform: .douyin,
                    shop: shop,
                    deliveryId: message.msg_id.value,
                    kind: .push,
                    receivedAt: request.receivedAt,
                    payload: Array(payload.utf8)
                )
            )
        }
        return .accepted(deliveries: deliveries, ack: Self.successAck)
    }

    private func reject(_ reason: WebhookRejection, _ message: String) -> PushReceipt {
        let body = "{\"code\":\(reason.httpStatus),\"msg\":\(jsonString(message))}"
        return .rejected(reason, message: message, ack: WebhookAck(status: reason.httpStatus, body: body))
    }
}

/// JSON string literal for a message (quotes and escapes).
func jsonString(_ text: String) -> String { JSONText.quoted(text) }
