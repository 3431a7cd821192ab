import GRDB
import GatewayCore

/// A row of `fulfilment_exceptions`: an order (or line) that needs staff, its kind and status, and who resolved it.
///
/// The order is `platformOrderId` when it is stored (the key to `orders`), else `unmatchedOrderId` (migration
/// `v10-order-keys`).
struct FulfilmentExceptionRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "fulfilment_exceptions"

    var id: Int64
    var kind: String
    var platform: String
    var shop: String
    var platformOrderId: String?
    var unmatchedOrderId: String?
    var lineId: String?
    var platformSkuId: String?
    var skuCode: String?
    var enterpriseId: String?
    var message: String
    var status: String
    var openedAt: Int64
    var resolvedAt: Int64?
    var resolvedBy: String?
    var note: String?

    enum CodingKeys: String, CodingKey {
        case id, kind, platform, shop, message, status, note
        case platformOrderId = "platform_order_id"
        case unmatchedOrderId = "unmatched_order_id"
        case lineId = "line_id"
        case platformSkuId = "platform_sku_id"
        case skuCode = "sku_code"
        case enterpriseId = "enterprise_id"
        case openedAt = "opened_at"
        case resolvedAt = "resolved_at"
        case resolvedBy = "resolved_by"
    }

    /// The table's columns.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let kind = Column(CodingKeys.kind)
        static let platform = Column(CodingKeys.platform)
        static let shop = Column(CodingKeys.shop)
        static let platformOrderId = Column(CodingKeys.platformOrderId)
        static let unmatchedOrderId = Column(CodingKeys.unmatchedOrderId)
        static let lineId = Column(CodingKeys.lineId)
        static let platformSkuId = Column(CodingKeys.platformSkuId)
        static let skuCode = Column(CodingKeys.skuCode)
        static let enterpriseId = Column(CodingKeys.enterpriseId)
        static let message = Column(CodingKeys.message)
        static let status = Column(CodingKeys.status)
        static let openedAt = Column(CodingKeys.openedAt)
        static let resolvedAt = Column(CodingKeys.resolvedAt)
        static let resolvedBy = Column(CodingKeys.resolvedBy)
        static let note = Column(CodingKeys.note)
    }

    /// Reads a row by column (no keyed decoding container: open exceptions are read with every batch).
    init(row: Row) {
        id = row[Columns.id]
        kind = row[Columns.kind]
        platform = row[Columns.platform]
        shop = row[Columns.shop]
        platformOrderId = row[Columns.platformOrderId]
        unmatchedOrderId = row[Columns.unmatchedOrderId]
        lineId = row[Columns.lineId]
        platformSkuId = row[Columns.platformSkuId]
        skuCode = row[Columns.skuCode]
        enterpriseId = row[Columns.enterpriseId]
        message = row[Columns.message]
        status = row[Columns.status]
        openedAt = row[Columns.openedAt]
        resolvedAt = row[Columns.resolvedAt]
        resolvedBy = row[Columns.resolvedBy]
        note = row[Columns.note]
    }

    /// The exception, or `nil` for a kind, status or platform this build does not know.
    var exception: FulfilmentException? {
        guard let kind = ExceptionKind(rawValue: kind), let platform = Platform(rawValue: platform),
            let status = ExceptionStatus(rawValue: status), let platformOrderId = platformOrderId ?? unmatchedOrderId
        else { return nil }
        return FulfilmentException(
            id: id,
            kind: kind,
            order: OrderKey(platform: platform, shop: shop, platformOrderId: platformOrderId),
            lineId: lineId,
            platformSkuId: platformSkuId,
            skuCode: skuCode,
            enterpriseId: enterpriseId,
            message: message,
            status: status,
            openedAt: Timestamp(millisecondsSince1970: openedAt),
            resolvedAt: resolvedAt.map(Timestamp.init(millisecondsSince1970:)),
            resolvedBy: resolvedBy,
            note: note
        )
    }
}
