/// Deleting raw platform payloads after their retention period (`retention.payload_days`).
///
/// What goes: the payload of every inbox entry processed before the cutoff (the row stays: it is the
/// de-duplication record of its delivery) and the raw payload of every timeline entry recorded before it. What
/// stays: pending, waiting and parked deliveries with their payloads (they are still needed to process them), every
/// order, its masked buyer and its sealed receiver.
public protocol PayloadRetentionStore: Sendable {
    /// Deletes at most `limit` inbox payloads and `limit` timeline payloads older than `cutoff`.
    /// - Returns: how many of each were deleted; fewer than `limit` of both means nothing older is left.
    func deletePayloads(olderThan cutoff: Timestamp, limit: Int, at now: Timestamp) async throws -> PayloadDeletion
}

/// How many raw payloads one retention pass deleted.
public struct PayloadDeletion: Sendable, Hashable {
    /// Payloads of processed inbox entries.
    public var inbox: Int
    /// Raw payloads of timeline entries.
    public var timeline: Int

    /// Creates a count.
    public init(inbox: Int = 0, timeline: Int = 0) {
        self.inbox = inbox
        self.timeline = timeline
    }

    /// Both together.
    public var total: Int { inbox + timeline }
}
