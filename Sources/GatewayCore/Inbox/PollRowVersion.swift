/// Which order a poll row describes and at which platform update time — read from the row before it is stored, so
/// that the poller can drop a row the gateway already holds (issue #14 target 5).
///
/// `platformUpdatedAt` must be exactly the ``OrderObservation/platformUpdatedAt`` the connector gives the row's
/// observation; a connector that cannot read it gives no version and the row goes to the inbox as before.
public struct PollRowVersion: Sendable, Hashable, Codable {
    /// The platform's order id.
    public var platformOrderId: String
    /// The platform's update time of the row.
    public var platformUpdatedAt: Timestamp

    /// Creates a version.
    public init(platformOrderId: String, platformUpdatedAt: Timestamp) {
        self.platformOrderId = platformOrderId
        self.platformUpdatedAt = platformUpdatedAt
    }

    /// Whether an order held through `heldThrough` (``CanonicalOrder/pollRowsHeldThrough``) already says everything
    /// this row could: the row is then dropped before the inbox.
    public func isHeld(through heldThrough: Timestamp?) -> Bool {
        guard let heldThrough else { return false }
        return platformUpdatedAt <= heldThrough
    }
}
