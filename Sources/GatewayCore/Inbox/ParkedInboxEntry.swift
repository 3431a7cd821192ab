/// A parked inbox entry as stored: the entry, why it was parked and when it failed.
public struct ParkedInboxEntry: Sendable, Hashable {
    /// The entry.
    public var entry: InboxEntry
    /// Why it was parked.
    public var reason: ParkReason
    /// The last error.
    public var message: String
    /// How many times it was parked.
    public var failures: Int
    /// When it failed first.
    public var firstFailedAt: Timestamp
    /// When it failed last.
    public var lastFailedAt: Timestamp

    /// Creates a parked entry.
    public init(entry: InboxEntry, reason: ParkReason, message: String, failures: Int, firstFailedAt: Timestamp, lastFailedAt: Timestamp) {
        self.entry = entry
        self.reason = reason
        self.message = message
        self.failures = failures
        self.firstFailedAt = firstFailedAt
        self.lastFailedAt = lastFailedAt
    }
}
