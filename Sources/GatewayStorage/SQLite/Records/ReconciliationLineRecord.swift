import GRDB

/// A row of `reconciliation_lines`: a line of a reconciliation run: its class, both sides' amounts and statuses, and its resolution.
struct ReconciliationLineRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "reconciliation_lines"

    var runId: Int64
    var number: Int64
    var lineClass: String
    var platformOrderId: String
    var statementFen: Int64?
    var gatewayFen: Int64?
    var statementStatus: String?
    var gatewayStatus: String?
    var statementLines: String
    var detail: String
    var platformLookup: String?
    var resolutionReason: String?
    var resolutionNote: String?
    var resolvedBy: String?
    var resolvedAt: Int64?

    enum CodingKeys: String, CodingKey {
        case number, detail
        case runId = "run_id"
        case lineClass = "class"
        case platformOrderId = "platform_order_id"
        case statementFen = "statement_fen"
        case gatewayFen = "gateway_fen"
        case statementStatus = "statement_status"
        case gatewayStatus = "gateway_status"
        case statementLines = "statement_lines"
        case platformLookup = "platform_lookup"
        case resolutionReason = "resolution_reason"
        case resolutionNote = "resolution_note"
        case resolvedBy = "resolved_by"
        case resolvedAt = "resolved_at"
    }

    /// The table's columns.
    enum Columns {
        static let runId = Column(CodingKeys.runId)
        static let number = Column(CodingKeys.number)
        static let lineClass = Column(CodingKeys.lineClass)
        static let platformOrderId = Column(CodingKeys.platformOrderId)
        static let statementFen = Column(CodingKeys.statementFen)
        static let gatewayFen = Column(CodingKeys.gatewayFen)
        static let statementStatus = Column(CodingKeys.statementStatus)
        static let gatewayStatus = Column(CodingKeys.gatewayStatus)
        static let statementLines = Column(CodingKeys.statementLines)
        static let detail = Column(CodingKeys.detail)
        static let platformLookup = Column(CodingKeys.platformLookup)
        static let resolutionReason = Column(CodingKeys.resolutionReason)
        static let resolutionNote = Column(CodingKeys.resolutionNote)
        static let resolvedBy = Column(CodingKeys.resolvedBy)
        static let resolvedAt = Column(CodingKeys.resolvedAt)
    }
}
