import GRDB

/// A row of `order_lines`: a line of a stored order, with the columns the order searches use.
struct OrderLineRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "order_lines"

    var platform: String
    var shop: String
    var platformOrderId: String
    var lineId: String
    var productId: String
    var skuId: String
    var outSkuId: String?
    var title: String
    var quantity: Int64
    var paidFen: Int64
    var refundState: String
    var updatedLocalAt: Int64?

    enum CodingKeys: String, CodingKey {
        case platform, shop, title, quantity
        case platformOrderId = "platform_order_id"
        case lineId = "line_id"
        case productId = "product_id"
        case skuId = "sku_id"
        case outSkuId = "out_sku_id"
        case paidFen = "paid_fen"
        case refundState = "refund_state"
        case updatedLocalAt = "updated_local_at"
    }

    /// The table's columns.
    enum Columns {
        static let platform = Column(CodingKeys.platform)
        static let shop = Column(CodingKeys.shop)
        static let platformOrderId = Column(CodingKeys.platformOrderId)
        static let lineId = Column(CodingKeys.lineId)
        static let productId = Column(CodingKeys.productId)
        static let skuId = Column(CodingKeys.skuId)
        static let outSkuId = Column(CodingKeys.outSkuId)
        static let title = Column(CodingKeys.title)
        static let quantity = Column(CodingKeys.quantity)
        static let paidFen = Column(CodingKeys.paidFen)
        static let refundState = Column(CodingKeys.refundState)
        static let updatedLocalAt = Column(CodingKeys.updatedLocalAt)
    }
}
