import GRDB
import GatewayCore

/// A row of `parcel_allocations`: the grams of one parcel of an order line allocated to a household's supply lot, with
/// its trace code, the pool it came from, and whether it was reversed.
struct ParcelAllocationRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "parcel_allocations"

    var id: Int64
    var platform: String
    var shop: String
    var platformOrderId: String
    var lineId: String
    var skuCode: String
    var parcelIndex: Int
    var lotId: String
    var householdId: String
    var grams: Int64
    var tier: String
    var quotaGrams: Int64
    var deficitGrams: Int64
    var incomeFen: Int64
    var day: String
    var enterpriseId: String
    var product: String
    var grade: String
    var traceCode: String
    var state: String
    var refundedAfterShipment: Bool
    var createdAt: Int64
    var reversedAt: Int64?

    enum CodingKeys: String, CodingKey {
        case id, platform, shop, grams, tier, day, product, grade, state
        case platformOrderId = "platform_order_id"
        case lineId = "line_id"
        case skuCode = "sku_code"
        case parcelIndex = "parcel_index"
        case lotId = "lot_id"
        case householdId = "household_id"
        case quotaGrams = "quota_grams"
        case deficitGrams = "deficit_grams"
        case incomeFen = "income_fen"
        case enterpriseId = "enterprise_id"
        case traceCode = "trace_code"
        case refundedAfterShipment = "refunded_after_shipment"
        case createdAt = "created_at"
        case reversedAt = "reversed_at"
    }

    /// The table's columns.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let platform = Column(CodingKeys.platform)
        static let shop = Column(CodingKeys.shop)
        static let platformOrderId = Column(CodingKeys.platformOrderId)
        static let lineId = Column(CodingKeys.lineId)
        static let skuCode = Column(CodingKeys.skuCode)
        static let parcelIndex = Column(CodingKeys.parcelIndex)
        static let lotId = Column(CodingKeys.lotId)
        static let householdId = Column(CodingKeys.householdId)
        static let grams = Column(CodingKeys.grams)
        static let tier = Column(CodingKeys.tier)
        static let quotaGrams = Column(CodingKeys.quotaGrams)
        static let deficitGrams = Column(CodingKeys.deficitGrams)
        static let incomeFen = Column(CodingKeys.incomeFen)
        static let day = Column(CodingKeys.day)
        static let enterpriseId = Column(CodingKeys.enterpriseId)
        static let product = Column(CodingKeys.product)
        static let grade = Column(CodingKeys.grade)
        static let traceCode = Column(CodingKeys.traceCode)
        static let state = Column(CodingKeys.state)
        static let refundedAfterShipment = Column(CodingKeys.refundedAfterShipment)
        static let createdAt = Column(CodingKeys.createdAt)
        static let reversedAt = Column(CodingKeys.reversedAt)
    }

    /// Reads a row by column (no keyed decoding container: active allocations are read with every batch).
    init(row: Row) {
        id = row[Columns.id]
        platform = row[Columns.platform]
        shop = row[Columns.shop]
        platformOrderId = row[Columns.platformOrderId]
        lineId = row[Columns.lineId]
        skuCode = row[Columns.skuCode]
        parcelIndex = row[Columns.parcelIndex]
        lotId = row[Columns.lotId]
        householdId = row[Columns.householdId]
        grams = row[Columns.grams]
        tier = row[Columns.tier]
        quotaGrams = row[Columns.quotaGrams]
        deficitGrams = row[Columns.deficitGrams]
        incomeFen = row[Columns.incomeFen]
        day = row[Columns.day]
        enterpriseId = row[Columns.enterpriseId]
        product = row[Columns.product]
        grade = row[Columns.grade]
        traceCode = row[Columns.traceCode]
        state = row[Columns.state]
        refundedAfterShipment = row[Columns.refundedAfterShipment]
        createdAt = row[Columns.createdAt]
        reversedAt = row[Columns.reversedAt]
    }

    /// The allocation; its line reference is `platform/shop/order/line/SKU`.
    var allocation: ParcelAllocation {
        ParcelAllocation(
            lineRef: "\(platform)/\(shop)/\(platformOrderId)/\(lineId)/\(skuCode)",
            parcelIndex: parcelIndex,
            lotId: lotId,
            householdId: householdId,
            grams: grams,
            tier: tier,
            quotaGrams: quotaGrams,
            deficitGrams: deficitGrams,
            incomeFen: incomeFen
        )
    }

    /// The pool the allocation drew from.
    var pool: SupplyPoolKey { SupplyPoolKey(enterpriseId: enterpriseId, product: product, grade: grade) }
}
