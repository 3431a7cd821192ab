/// A delivery as stored in the inbox, waiting for (or done with) processing.
public struct InboxEntry: Sendable, Hashable, Codable {
    /// The inbox row id; increases with insertion.
    public var id: Int64
    /// The delivery.
    public var delivery: InboxDelivery
    /// How many times the same delivery arrived (1 for a single delivery; retries add to it).
    public var receivedCount: Int
    /// Processing attempts so far that ended in a deferral.
    public var attempts: Int
    /// Processing attempts that began and never ended (the process died while the entry was in flight).
    public var inFlight: Int
    /// Why the stored payload could not be read back (it is sealed with a key id the configuration does not list,
    /// or it fails to open): ``delivery`` then has an empty payload and the processor parks the entry with this message.
    public var unreadable: String?

    /// Creates an entry.
    public init(id: Int64, delivery: InboxDelivery, receivedCount: Int = 1, attempts: Int = 0, inFlight: Int = 0, unreadable: String? = nil) {
        self.id = id
        self.delivery = delivery
        self.receivedCount = receivedCount
        self.attempts = attempts
        self.inFlight = inFlight
        self.unreadable = unreadable
    }
}
