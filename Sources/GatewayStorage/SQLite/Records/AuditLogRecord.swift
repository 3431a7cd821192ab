import GRDB
import GatewayCore

/// A row of `audit_log`: one staff or system action, appended in the same transaction as the change it records.
struct AuditLogRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "audit_log"

    /// `nil` until inserted (`AUTOINCREMENT`).
    var id: Int64?
    var at: Int64
    var actor: String
    var action: String
    var subject: String
    var detail: String
    var enterpriseId: String?

    enum CodingKeys: String, CodingKey {
        case id, at, actor, action, subject, detail
        case enterpriseId = "enterprise_id"
    }

    /// The table's columns.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let at = Column(CodingKeys.at)
        static let actor = Column(CodingKeys.actor)
        static let action = Column(CodingKeys.action)
        static let subject = Column(CodingKeys.subject)
        static let detail = Column(CodingKeys.detail)
        static let enterpriseId = Column(CodingKeys.enterpriseId)
    }

    /// A row for an entry, its texts cut to the log's bounds (``GatewayCore/BoundedText``).
    init(_ entry: AuditEntry) {
        id = nil
        at = entry.at.millisecondsSince1970
        actor = BoundedText.truncate(entry.actor, maxBytes: BoundedText.maxAuditNameBytes)
        action = BoundedText.truncate(entry.action, maxBytes: BoundedText.maxAuditNameBytes)
        subject = BoundedText.truncate(entry.subject, maxBytes: BoundedText.maxAuditNameBytes)
        detail = BoundedText.truncate(entry.detail, maxBytes: BoundedText.maxAuditDetailBytes)
        enterpriseId = entry.enterpriseId.map { BoundedText.truncate($0, maxBytes: BoundedText.maxAuditNameBytes) }
    }

    /// The entry.
    var entry: AuditEntry {
        AuditEntry(
            at: Timestamp(millisecondsSince1970: at),
            actor: actor,
            action: action,
            subject: subject,
            detail: detail,
            enterpriseId: enterpriseId
        )
    }
}
