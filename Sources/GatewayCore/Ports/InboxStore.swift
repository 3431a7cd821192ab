/// The durable inbox of raw deliveries (design.md §2 step 1).
///
/// Implementations must make `append` durable before returning: a delivery is acknowledged to the
/// platform only after `append` returns.
public protocol InboxStore: Sendable {
    /// Appends deliveries; repeats of a stored `(platform, shop, deliveryId)` are counted, not stored again.
    ///
    /// - Returns: one result per delivery, in the same order.
    func append(_ deliveries: [InboxDelivery]) async throws -> [InboxAppendResult]

    /// Entries not processed yet and not deferred past `now`, oldest first.
    func pending(limit: Int, now: Timestamp) async throws -> [InboxEntry]

    /// Puts entries back for a later attempt (e.g. the platform API was down for a detail fetch); clears their
    /// in-flight mark.
    func deferEntries(_ ids: [Int64], until: Timestamp, error: String) async throws

    /// Marks entries as in flight before processing them (durably), so that entries that were being processed
    /// when the process died can be told apart afterwards: ``InboxEntry/inFlight`` counts such attempts. The
    /// commit, a deferral or parking clears the mark.
    func markInFlight(_ ids: [Int64]) async throws

    /// Parks deliveries that cannot be processed: they leave the pending set, keep their error, attempts and
    /// first/last failure time, and each opens an exception of kind ``ExceptionKind/unprocessable``.
    func park(_ deliveries: [ParkedDelivery], at now: Timestamp) async throws

    /// Counts of all and of unprocessed entries.
    func counts() async throws -> InboxCounts
}

/// Inbox sizes, for metrics and readiness.
public struct InboxCounts: Sendable, Hashable, Codable {
    /// Entries ever stored.
    public var total: Int
    /// Entries waiting for processing.
    public var unprocessed: Int
    /// Repeated deliveries absorbed (sum of received count − 1).
    public var duplicatesAbsorbed: Int
    /// When the oldest entry still waiting was received (`nil` when nothing waits): the inbox lag.
    public var oldestUnprocessedAt: Timestamp?
    /// Entries parked (not processed, waiting for staff).
    public var parked: Int
    /// Entries waiting for a detail fetch that failed at least once (`awaiting_detail`).
    public var awaitingDetail: Int

    /// Creates counts.
    public init(
        total: Int,
        unprocessed: Int,
        duplicatesAbsorbed: Int,
        oldestUnprocessedAt: Timestamp? = nil,
        parked: Int = 0,
        awaitingDetail: Int = 0
    ) {
        self.total = total
        self.unprocessed = unprocessed
        self.duplicatesAbsorbed = duplicatesAbsorbed
        self.oldestUnprocessedAt = oldestUnprocessedAt
        self.parked = parked
        self.awaitingDetail = awaitingDetail
    }

    /// Seconds the oldest waiting entry has waited at `now` (0 when nothing waits).
    public func lagSeconds(at now: Timestamp) -> Double {
        guard let oldest = oldestUnprocessedAt else { return 0 }
        return Double(max(0, now.millisecondsSince1970 - oldest.millisecondsSince1970)) / 1000
    }
}
