/// One Kuaishou push message, before encryption (platforms.md §2.1).
///
/// Its JSON (``json``) is what the body decrypts to:
/// `{"appKey":…,"bizId":<number>,"createTime":ms,"event":"kwaishop_order_paySuccess","eventId":"…",
///   "info":"<JSON text>","msgId":"…","openId":…,"test":false,"updateTime":ms,"userId":<number>}`.
/// `info` is itself JSON carried as a string; in it `oid` and `sellerId` are exact JSON numbers.
public struct KuaishouPushMessage: Sendable, Equatable {
    /// `eventId`: unique per message (the gateway's delivery id).
    public var eventId: String
    /// `msgId`.
    public var msgId: String
    /// `bizId`: the order id (`oid`) for order events, the refund id for after-sale events.
    public var bizId: String
    /// `userId`: the seller id.
    public var userId: String
    /// `openId`: the seller's openId.
    public var openId: String
    /// `appKey`.
    public var appKey: String
    /// `event`, e.g. `kwaishop_order_paySuccess`.
    public var event: String
    /// `info`: the business payload as JSON text.
    public var info: String
    /// `createTime`, Unix ms.
    public var createTime: Int64
    /// `updateTime`, Unix ms.
    public var updateTime: Int64

    /// Creates a message.
    public init(
        eventId: String,
        msgId: String,
        bizId: String,
        userId: String,
        openId: String,
        appKey: String,
        event: String,
        info: String,
        createTime: Int64,
        updateTime: Int64
    ) {
        self.eventId = eventId
        self.msgId = msgId
        self.bizId = bizId
        self.userId = userId
        self.openId = openId
        self.appKey = appKey
        self.event = event
        self.info = info
        self.createTime = createTime
        self.updateTime = updateTime
    }

    /// The message as compact JSON text (keys sorted).
    public var json: String {
        let value: JSONValue = [
            "eventId": .string(eventId),
            "msgId": .string(msgId),
            "bizId": .id(bizId),
            "userId": .id(userId),
            "openId": .string(openId),
            "appKey": .string(appKey),
            "event": .string(event),
            "info": .string(info),
            "createTime": .int(createTime),
            "updateTime": .int(updateTime),
            "test": false,
        ]
        return value.serialized
    }
}
