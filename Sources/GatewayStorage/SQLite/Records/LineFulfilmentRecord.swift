import GRDB
import GatewayCore

/// A row of `line_fulfilments`: how one order line is being fulfilled (state, stock reservations as JSON, the
/// enterprises involved, comma-separated) and the SKU and quantity it was planned for.
struct LineFulfilmentRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "line_fulfilments"

    var platform: String
    var shop: String
    var platformOrderId: String
    var lineId: String
    var state: String
    var reservationsJSON: String
    var enterpriseIds: String
    var updatedAt: Int64
    var skuId: String?
    var quantity: Int?

    enum CodingKeys: String, CodingKey {
        case platform, shop, state, quantity
        case platformOrderId = "platform_order_id"
        case lineId = "line_id"
        case reservationsJSON = "reservations_json"
        case enterpriseIds = "enterprise_ids"
        case updatedAt = "updated_at"
        case skuId = "sku_id"
    }

    /// The table's columns.
    enum Columns {
        static let platform = Column(CodingKeys.platform)
        static let shop = Column(CodingKeys.shop)
        static let platformOrderId = Column(CodingKeys.platformOrderId)
        static let lineId = Column(CodingKeys.lineId)
        static let state = Column(CodingKeys.state)
        static let reservationsJSON = Column(CodingKeys.reservationsJSON)
        static let enterpriseIds = Column(CodingKeys.enterpriseIds)
        static let updatedAt = Column(CodingKeys.updatedAt)
        static let skuId = Column(CodingKeys.skuId)
        static let quantity = Column(CodingKeys.quantity)
    }

    /// Reads a row by column (no keyed decoding container: fulfilments are read with every batch).
    init(row: Row) {
        platform = row[Columns.platform]
        shop = row[Columns.shop]
        platformOrderId = row[Columns.platformOrderId]
        lineId = row[Columns.lineId]
        state = row[Columns.state]
        reservationsJSON = row[Columns.reservationsJSON]
        enterpriseIds = row[Columns.enterpriseIds]
        updatedAt = row[Columns.updatedAt]
        skuId = row[Columns.skuId]
        quantity = row[Columns.quantity]
    }

    /// The line's fulfilment, or `nil` for a state or platform this build does not know.
    /// - Throws: when the reservations are not valid JSON.
    var fulfilment: LineFulfilment? {
        get throws {
            guard let state = FulfilmentState(rawValue: state), let platform = Platform(rawValue: platform) else { return nil }
            return LineFulfilment(
                order: OrderKey(platform: platform, shop: shop, platformOrderId: platformOrderId),
                lineId: lineId,
                state: state,
                reservations: try SQLiteRows.decode([StockReservation].self, reservationsJSON),
                enterpriseIds: enterpriseIds.split(separator: ",").map(String.init),
                skuId: skuId,
                quantity: quantity
            )
        }
    }
}
