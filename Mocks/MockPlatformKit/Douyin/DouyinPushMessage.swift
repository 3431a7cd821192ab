/// One Douyin push message: an element of the JSON array Douyin POSTs to the gateway.
///
/// `data` is itself a JSON document carried as a *string* (the receiver parses it a second time); in it
/// `p_id`, `s_ids`, `s_id`, `shop_id` and `aftersale_id` are JSON numbers, exact to the last digit.
public struct DouyinPushMessage: Sendable, Equatable, Codable {
    /// The message type, e.g. `"100"` (order created), `"0"` (URL verification).
    public var tag: String
    /// The unique message id (the gateway's delivery id).
    public var msgId: String
    /// The message payload, as JSON text.
    public var data: String

    /// Creates a message.
    public init(tag: String, msgId: String, data: String) {
        self.tag = tag
        self.msgId = msgId
        self.data = data
    }

    private enum CodingKeys: String, CodingKey {
        case tag
        case msgId = "msg_id"
        case data
    }

    /// The push body Douyin sends for a batch: `[{"data":"…","msg_id":"…","tag":"…"}, …]`, compact UTF-8.
    /// - Parameter messages: the batch.
    /// - Returns: the raw body bytes.
    public static func body(for messages: [DouyinPushMessage]) -> [UInt8] {
        JSONValue.array(messages.map { ["tag": .string($0.tag), "msg_id": .string($0.msgId), "data": .string($0.data)] }).serializedBytes
    }
}
