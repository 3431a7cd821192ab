/// The inbox's commit queue is full: the delivery was **not** stored and must not be acknowledged.
/// Webhooks answer `503` with `Retry-After`, so the platform sends it again later.
public struct InboxOverloaded: Error, Sendable, CustomStringConvertible {
    /// Deliveries waiting when the delivery was refused.
    public let queuedDeliveries: Int
    /// Payload bytes waiting when the delivery was refused.
    public let queuedBytes: Int
    /// Seconds after which the sender should try again.
    public let retryAfterSeconds: Int

    /// Creates the error.
    public init(queuedDeliveries: Int, queuedBytes: Int, retryAfterSeconds: Int = 1) {
        self.queuedDeliveries = queuedDeliveries
        self.queuedBytes = queuedBytes
        self.retryAfterSeconds = retryAfterSeconds
    }

    public var description: String {
        "inbox overloaded: \(queuedDeliveries) deliveries (\(queuedBytes) bytes) waiting for commit; retry after \(retryAfterSeconds) s"
    }
}
