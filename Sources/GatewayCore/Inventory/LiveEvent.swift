/// A livestream selling session, to which orders are attributed for per-event figures.
public struct LiveEvent: Sendable, Hashable, Codable {
    /// Unique id (`county-head-2026-11-29`).
    public var id: String
    /// Display title.
    public var title: String
    /// Shops selling in it; empty means every shop.
    public var shops: [String]
    /// Live room ids that identify it where the platform reports one.
    public var roomIds: [String]
    /// Host (author) account ids that identify it where the platform reports one.
    public var authorIds: [String]
    /// Start of the window used when the platform gives no room or author.
    public var startsAt: Timestamp
    /// End of that window.
    public var endsAt: Timestamp

    /// Creates a live event.
    public init(
        id: String,
        title: String,
        shops: [String] = [],
        roomIds: [String] = [],
        authorIds: [String] = [],
        startsAt: Timestamp,
        endsAt: Timestamp
    ) {
        self.id = id
        self.title = title
        self.shops = shops
        self.roomIds = roomIds
        self.authorIds = authorIds
        self.startsAt = startsAt
        self.endsAt = endsAt
    }
}
