import GRDB

/// A row of `stock_pushes`: the last stock quantity pushed to a platform SKU, and its failures.
struct StockPushRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "stock_pushes"

    var shop: String
    var platformSkuId: String
    var quantity: Int64?
    var pushedAt: Int64?
    var attempts: Int64
    var lastError: String?

    enum CodingKeys: String, CodingKey {
        case shop, quantity, attempts
        case platformSkuId = "platform_sku_id"
        case pushedAt = "pushed_at"
        case lastError = "last_error"
    }

    /// The table's columns.
    enum Columns {
        static let shop = Column(CodingKeys.shop)
        static let platformSkuId = Column(CodingKeys.platformSkuId)
        static let quantity = Column(CodingKeys.quantity)
        static let pushedAt = Column(CodingKeys.pushedAt)
        static let attempts = Column(CodingKeys.attempts)
        static let lastError = Column(CodingKeys.lastError)
    }
}
