public import Foundation

/// A new order as ``MockShop/placeOrder(_:)`` takes it: the lines, postage, live source and delivery city.
public struct MockOrderPlacement: Sendable, Equatable {
    /// The lines.
    public var lines: [MockLineSpec]
    /// Postage, fen.
    public var postageFen: Int64
    /// The live room the order came from, if any.
    public var roomId: String?
    /// The streamer the order came from, if any.
    public var authorId: String?
    /// Delivery province.
    public var province: String
    /// Delivery city.
    public var city: String
    /// The creation time.
    public var at: Date

    /// Creates a placement.
    public init(
        lines: [MockLineSpec],
        postageFen: Int64 = 0,
        roomId: String? = nil,
        authorId: String? = nil,
        province: String = "湖南省",
        city: String = "长沙市",
        at: Date
    ) {
        self.lines = lines
        self.postageFen = postageFen
        self.roomId = roomId
        self.authorId = authorId
        self.province = province
        self.city = city
        self.at = at
    }

    /// Calls a platform's order creator with the placement's fields, in order.
    func make<Result>(
        with create: ([MockLineSpec], Int64, String?, String?, String, String, Date) throws -> Result
    ) rethrows -> Result {
        try create(lines, postageFen, roomId, authorId, province, city, at)
    }
}
