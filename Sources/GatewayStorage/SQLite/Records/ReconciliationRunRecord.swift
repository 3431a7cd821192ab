import GRDB

/// A row of `reconciliation_runs`: a statement import: its file, fingerprint, period, tolerance and totals.
struct ReconciliationRunRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "reconciliation_runs"

    /// `nil` until inserted (`AUTOINCREMENT`).
    var id: Int64?
    var platform: String
    var shop: String
    var format: String
    var fileName: String
    var fingerprint: String
    var importedAt: Int64
    var importedBy: String
    var periodFrom: Int64?
    var periodTo: Int64?
    var toleranceFen: Int64
    var totalsJson: String

    enum CodingKeys: String, CodingKey {
        case id, platform, shop, format, fingerprint
        case fileName = "file_name"
        case importedAt = "imported_at"
        case importedBy = "imported_by"
        case periodFrom = "period_from"
        case periodTo = "period_to"
        case toleranceFen = "tolerance_fen"
        case totalsJson = "totals_json"
    }

    /// The table's columns.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let platform = Column(CodingKeys.platform)
        static let shop = Column(CodingKeys.shop)
        static let format = Column(CodingKeys.format)
        static let fileName = Column(CodingKeys.fileName)
        static let fingerprint = Column(CodingKeys.fingerprint)
        static let importedAt = Column(CodingKeys.importedAt)
        static let importedBy = Column(CodingKeys.importedBy)
        static let periodFrom = Column(CodingKeys.periodFrom)
        static let periodTo = Column(CodingKeys.periodTo)
        static let toleranceFen = Column(CodingKeys.toleranceFen)
        static let totalsJson = Column(CodingKeys.totalsJson)
    }
}
