/// One WeChat Channels push event, before encryption (platforms.md §5.1).
///
/// ``json`` is what `Encrypt` decrypts to, e.g.
/// `{"CreateTime":1714036504,"Event":"channels_ec_order_pay","FromUserName":"o…","MsgType":"event",
///   "ToUserName":"gh_…","order_info":{"order_id":3705115058471208928,"pay_time":1714036504,"status":20}}`
/// (`order_info.order_id` is an exact JSON number). Channels events carry no message id: ``deliveryKey`` is
/// the synthesised `Event:order_id:CreateTime` platforms.md suggests.
public struct WechatChannelsEvent: Sendable, Equatable {
    /// `Event`, e.g. `channels_ec_order_pay`.
    public var event: String
    /// The order the event is about.
    public var orderId: String
    /// `CreateTime`, Unix seconds.
    public var createTime: Int64
    /// The decrypted event JSON.
    public var json: String

    /// Creates an event.
    public init(event: String, orderId: String, createTime: Int64, json: String) {
        self.event = event
        self.orderId = orderId
        self.createTime = createTime
        self.json = json
    }

    /// `Event:order_id:CreateTime`.
    public var deliveryKey: String { "\(event):\(orderId):\(createTime)" }
}
