/// The full state of an order as a platform reported it at one moment (a detail fetch, a poll
/// result, a canonical Standard Webhooks order).
public struct OrderSnapshot: Sendable, Hashable, Codable {
    /// Canonical status derived from the platform status.
    public var status: OrderStatus
    /// The platform's own status code or string, kept for display.
    public var platformStatus: String
    /// Order total before discounts, in fen.
    public var totalFen: Int64
    /// Amount the buyer paid, in fen.
    public var paidFen: Int64
    /// Shipping fee, in fen.
    public var postageFen: Int64
    /// Discounts, in fen.
    public var discountFen: Int64
    /// When the buyer placed the order.
    public var createdAt: Timestamp
    /// When the buyer paid, if paid.
    public var paidAt: Timestamp?
    /// The lines.
    public var lines: [OrderLine]
    /// Buyer region and masked contact.
    public var buyer: BuyerInfo
    /// Livestream room id, where the platform gives it.
    public var liveRoomId: String?
    /// Livestream author (host) id, where the platform gives it.
    public var authorId: String?

    /// Creates a snapshot.
    public init(
        status: OrderStatus,
        platformStatus: String,
        totalFen: Int64,
        paidFen: Int64,
        postageFen: Int64 = 0,
        discountFen: Int64 = 0,
        createdAt: Timestamp,
        paidAt: Timestamp? = nil,
        lines: [OrderLine],
        buyer: BuyerInfo = BuyerInfo(),
        liveRoomId: String? = nil,
        authorId: String? = nil
    ) {
        self.status = status
        self.platformStatus = platformStatus
        self.totalFen = totalFen
        self.paidFen = paidFen
        self.postageFen = postageFen
        self.discountFen = discountFen
        self.createdAt = createdAt
        self.paidAt = paidAt
        self.lines = lines
        self.buyer = buyer
        self.liveRoomId = liveRoomId
        self.authorId = authorId
    }
}
