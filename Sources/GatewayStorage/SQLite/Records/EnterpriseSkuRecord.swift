import GRDB
import GatewayCore

/// A row of `enterprise_skus`: an enterprise's own SKU (product, grade, net weight).
struct EnterpriseSkuRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "enterprise_skus"

    var code: String
    var enterpriseId: String
    var product: String
    var grade: String
    var netWeightGrams: Int64
    var title: String

    enum CodingKeys: String, CodingKey {
        case code, product, grade, title
        case enterpriseId = "enterprise_id"
        case netWeightGrams = "net_weight_grams"
    }

    /// The table's columns.
    enum Columns {
        static let code = Column(CodingKeys.code)
        static let enterpriseId = Column(CodingKeys.enterpriseId)
        static let product = Column(CodingKeys.product)
        static let grade = Column(CodingKeys.grade)
        static let netWeightGrams = Column(CodingKeys.netWeightGrams)
        static let title = Column(CodingKeys.title)
    }

    /// Reads a row by column (no keyed decoding container: master data is read with every batch).
    init(row: Row) {
        code = row[Columns.code]
        enterpriseId = row[Columns.enterpriseId]
        product = row[Columns.product]
        grade = row[Columns.grade]
        netWeightGrams = row[Columns.netWeightGrams]
        title = row[Columns.title]
    }

    /// The SKU.
    var sku: EnterpriseSKU {
        EnterpriseSKU(code: code, enterpriseId: enterpriseId, product: product, grade: grade, netWeightGrams: netWeightGrams, title: title)
    }
}
