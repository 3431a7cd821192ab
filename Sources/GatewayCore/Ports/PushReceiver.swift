/// An incoming webhook request, as raw as the HTTP layer can hand it over.
public struct WebhookRequest: Sendable, Hashable {
    /// HTTP method, upper case.
    public var method: String
    /// Header fields with lower-cased names; repeated fields joined with `,`.
    public var headers: [String: String]
    /// Decoded query parameters.
    public var query: [String: String]
    /// The raw body bytes.
    public var body: [UInt8]
    /// When it arrived.
    public var receivedAt: Timestamp

    /// Creates a request.
    public init(method: String, headers: [String: String], query: [String: String] = [:], body: [UInt8], receivedAt: Timestamp) {
        self.method = method
        self.headers = headers
        self.query = query
        self.body = body
        self.receivedAt = receivedAt
    }
}

/// The answer to a webhook request, in the platform's own format.
public struct WebhookAck: Sendable, Hashable {
    /// HTTP status code.
    public var status: Int
    /// Content type of the body.
    public var contentType: String
    /// Body text.
    public var body: String

    /// Creates an ack.
    public init(status: Int, contentType: String = "application/json", body: String) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }
}

/// Why a webhook request was refused.
public enum WebhookRejection: String, Sendable, Hashable, CaseIterable {
    /// Signature missing or wrong (401).
    case badSignature = "bad_signature"
    /// Body could not be decrypted (401).
    case badCiphertext = "bad_ciphertext"
    /// Timestamp outside the tolerance (401).
    case staleTimestamp = "stale_timestamp"
    /// Body is not what the platform sends (400).
    case malformed
    /// Event type the gateway does not know (400).
    case unknownEvent = "unknown_event"

    /// The HTTP status for this rejection.
    public var httpStatus: Int {
        switch self {
        case .badSignature, .badCiphertext, .staleTimestamp: 401
        case .malformed, .unknownEvent: 400
        }
    }
}

/// What a push receiver made of a webhook request.
public enum PushReceipt: Sendable, Hashable {
    /// Verified: store these deliveries, then answer with `ack` (only after the commit).
    case accepted(deliveries: [InboxDelivery], ack: WebhookAck)
    /// Refused: answer with the platform's error shape and store nothing.
    case rejected(WebhookRejection, message: String, ack: WebhookAck)
}

/// Verifies and splits one platform's webhook requests for one shop.
public protocol PushReceiver: Sendable {
    /// Verifies the request on its raw bytes and splits it into deliveries.
    func receive(_ request: WebhookRequest) -> PushReceipt
}
