import GRDB

/// A row of `reconciliation_resolutions`: one resolution of a reconciliation line (every one is kept).
struct ReconciliationResolutionRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "reconciliation_resolutions"

    /// `nil` until inserted (`AUTOINCREMENT`).
    var id: Int64?
    var runId: Int64
    var number: Int64
    var reason: String
    var note: String
    var actor: String
    var at: Int64

    enum CodingKeys: String, CodingKey {
        case id, number, reason, note, actor, at
        case runId = "run_id"
    }

    /// The table's columns.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let runId = Column(CodingKeys.runId)
        static let number = Column(CodingKeys.number)
        static let reason = Column(CodingKeys.reason)
        static let note = Column(CodingKeys.note)
        static let actor = Column(CodingKeys.actor)
        static let at = Column(CodingKeys.at)
    }
}
