import GRDB
import GatewayCore

/// The audit log's rows, written in the same transaction as the change they record.
extension SQLiteRows {
    /// Appends one audit entry.
    static func audit(
        _ db: Database,
        now: Timestamp,
        actor: String,
        action: String,
        subject: String,
        detail: some Encodable,
        enterpriseId: String? = nil
    ) throws {
        try db.execute(
            sql: "INSERT INTO audit_log (at, actor, action, subject, detail, enterprise_id) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [now.millisecondsSince1970, actor, action, subject, try SQLiteRows.json(detail), enterpriseId]
        )
    }
}
