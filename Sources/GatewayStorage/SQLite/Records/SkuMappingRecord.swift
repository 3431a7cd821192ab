import GRDB
import GatewayCore

/// A row of `sku_mappings`: what one platform SKU of a shop is made of, as JSON components.
struct SkuMappingRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "sku_mappings"

    var shop: String
    var platformSkuId: String
    var platformProductId: String?
    var componentsJSON: String
    var updatedAt: Int64
    var updatedBy: String

    enum CodingKeys: String, CodingKey {
        case shop
        case platformSkuId = "platform_sku_id"
        case platformProductId = "platform_product_id"
        case componentsJSON = "components_json"
        case updatedAt = "updated_at"
        case updatedBy = "updated_by"
    }

    /// The table's columns.
    enum Columns {
        static let shop = Column(CodingKeys.shop)
        static let platformSkuId = Column(CodingKeys.platformSkuId)
        static let platformProductId = Column(CodingKeys.platformProductId)
        static let componentsJSON = Column(CodingKeys.componentsJSON)
        static let updatedAt = Column(CodingKeys.updatedAt)
        static let updatedBy = Column(CodingKeys.updatedBy)
    }

    /// Reads a row by column (no keyed decoding container: master data is read with every batch).
    init(row: Row) {
        shop = row[Columns.shop]
        platformSkuId = row[Columns.platformSkuId]
        platformProductId = row[Columns.platformProductId]
        componentsJSON = row[Columns.componentsJSON]
        updatedAt = row[Columns.updatedAt]
        updatedBy = row[Columns.updatedBy]
    }

    /// The mapping. - Throws: when the components are not valid JSON.
    var mapping: SkuMapping {
        get throws {
            SkuMapping(
                shop: shop,
                platformSkuId: platformSkuId,
                platformProductId: platformProductId,
                components: try SQLiteRows.decode([SkuComponent].self, componentsJSON)
            )
        }
    }
}
