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
        // Split on the raw bytes: each message is stored exactly as it arrived (no decode into a tree, no
        // re-encoding), which is most of the cost of an acknowledged push (issue #14's profile).
        let messages: [Message]
        do {
            messages = try Self.split(request.body)
        } catch {
            return reject(.malformed, "body is not a JSON array of {tag, msg_id, data}: \(error)")
        }
        var deliveries: [InboxDelivery] = []
        deliveries.reserveCapacity(messages.count)
        for message in messages {
            if message.tag == "0" { continue }  // URL verification handshake: acknowledge, store nothing
            guard Int(message.tag) != nil else { return reject(.malformed, "tag \"\(message.tag)\" is not a number") }
            guard !message.msgId.isEmpty else { return reject(.malformed, "a message has an empty msg_id") }
            deliveries.append(
                InboxDelivery(
                    platform: .douyin,
                    shop: shop,
                    deliveryId: message.msgId,
                    kind: .push,
                    receivedAt: request.receivedAt,
                    payload: Array(message.bytes)
                )
            )
        }
        return .accepted(deliveries: deliveries, ack: Self.successAck)
    }

    /// One message of a push: its `tag` and `msg_id` (a string or a number, as text) and its bytes as received.
    struct Message {
        var tag: String
        var msgId: String
        var bytes: ArraySlice<UInt8>
    }

    /// Splits a push body — a JSON array of `{"tag", "msg_id", "data"}` objects — into its messages, validating the
    /// JSON on the way. `data` must be a string; a message that repeats `tag`, `msg_id` or `data` is refused (decoders
    /// disagree on which of the values counts, and the stored bytes are decoded again later).
    /// - Throws: ``ConnectorError`` for anything else.
    static func split(_ body: [UInt8]) throws -> [Message] {
        var scanner = RawJSONScanner(bytes: body[...])
        scanner.skipWhitespace()
        guard scanner.current == UInt8(ascii: "[") else { throw ConnectorError("expected a JSON array") }
        var slices: [ArraySlice<UInt8>] = []
        try scanner.forEachElement { slices.append($0) }
        scanner.skipWhitespace()
        guard scanner.index == body.endIndex else { throw scanner.failure("more after the JSON array") }
        return try slices.map { slice in
            guard slice.first == UInt8(ascii: "{") else { throw ConnectorError("a message is not a JSON object") }
            var tag: String?
            var msgId: String?
            var data: ArraySlice<UInt8>?
            var repeated = false
            var member = RawJSONScanner(bytes: slice)
            try member.forEachMember { key, value in
                switch key {
                case "tag":
                    repeated = repeated || tag != nil
                    tag = Self.scalarText(value) ?? ""
                case "msg_id":
                    repeated = repeated || msgId != nil
                    msgId = Self.scalarText(value) ?? ""
                case "data":
                    repeated = repeated || data != nil
                    data = value
                default: break
                }
            }
            guard !repeated else { throw ConnectorError("a message repeats tag, msg_id or data") }
            guard let tag, !tag.isEmpty else { throw ConnectorError("a message has no string or number tag") }
            guard let msgId else { throw ConnectorError("a message has no string or number msg_id") }
            guard data?.first == UInt8(ascii: "\"") else { throw ConnectorError("a message's data is missing or not a string") }
            return Message(tag: tag, msgId: msgId, bytes: slice)
        }
    }

    /// A string's value or a number's literal text (how `FlexibleString` reads ids); `nil` for other values.
    private static func scalarText(_ value: ArraySlice<UInt8>) -> String? {
        switch value.first ?? 0 {
        case UInt8(ascii: "\""): RawJSONScanner.unescape(value.dropFirst().dropLast())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): String(decoding: value, as: UTF8.self)
        default: nil
        }
    }

    private func reject(_ reason: WebhookRejection, _ message: String) -> PushReceipt {
        let body = "{\"code\":\(reason.httpStatus),\"msg\":\(jsonString(message))}"
        return .rejected(reason, message: message, ack: WebhookAck(status: reason.httpStatus, body: body))
    }
}

/// JSON string literal for a message (quotes and escapes).
func jsonString(_ text: String) -> String { JSONText.quoted(text) }
