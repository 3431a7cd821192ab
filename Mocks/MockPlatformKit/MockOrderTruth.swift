/// What a platform really holds for one order: the ground truth tests compare the gateway with.
///
/// Served as `GET /_mock/truth` → `{"orders":[…]}` with these property names as JSON keys.
public struct MockOrderTruth: Codable, Sendable, Equatable {
    /// The platform, e.g. `douyin`.
    public var platform: String
    /// The shop key from the configuration.
    public var shop: String
    /// The platform order id (19 digits on Douyin).
    public var orderId: String
    /// The canonical status as the mock reads the platform's code:
    /// `created`, `paid`, `shipped`, `completed` or `cancelled`.
    public var status: String
    /// The platform's own status code as text (Douyin `order_status`, e.g. `"2"`).
    public var platformStatus: String
    /// What the buyer pays, in fen, postage included (Douyin `pay_amount`).
    public var paidFen: Int64
    /// The order amount before promotions, in fen, postage included (Douyin `order_amount`).
    public var totalFen: Int64
    /// Postage, in fen (Douyin `post_amount`).
    public var postageFen: Int64
    /// The platform's last update time, Unix seconds (Douyin `update_time`).
    public var updateTime: Int64
    /// The lines (Douyin sku orders).
    public var lines: [MockLineTruth]
    /// The live room the order came from, if any.
    public var roomId: String?
    /// The streamer (author) the order came from, if any.
    public var authorId: String?
    /// The parcels shipped so far, oldest first, with their tracking numbers, courier codes and lines.
    public var shipments: [MockShipment]

    /// Creates a truth record.
    public init(
        platform: String,
        shop: String,
        orderId: String,
        status: String,
        platformStatus: String,
        paidFen: Int64,
        totalFen: Int64,
        postageFen: Int64,
        updateTime: Int64,
        lines: [MockLineTruth],
        roomId: String? = nil,
        authorId: String? = nil,
        shipments: [MockShipment] = []
    ) {
        self.platform = platform
        self.shop = shop
        self.orderId = orderId
        self.status = status
        self.platformStatus = platformStatus
        self.paidFen = paidFen
        self.totalFen = totalFen
        self.postageFen = postageFen
        self.updateTime = updateTime
        self.lines = lines
        self.roomId = roomId
        self.authorId = authorId
        self.shipments = shipments
    }
}
