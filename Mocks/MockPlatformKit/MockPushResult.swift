/// How a gateway answered one push.
public struct MockPushResult: Sendable, Equatable {
    /// The HTTP status.
    public var status: Int
    /// The response body as text.
    public var body: String
    /// Whether the gateway acknowledged the push in the platform's ack format
    /// (Douyin: HTTP 200 and a JSON body with `code == 0`).
    public var acknowledged: Bool

    /// Creates a push result.
    public init(status: Int, body: String, acknowledged: Bool) {
        self.status = status
        self.body = body
        self.acknowledged = acknowledged
    }
}
