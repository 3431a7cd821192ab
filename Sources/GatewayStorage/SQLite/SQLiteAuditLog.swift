import GRDB
public import GatewayCore

/// The audit log on SQLite: append-only rows, read newest first.
public struct SQLiteAuditLog: AuditLog, Sendable {
    private let writer: any DatabaseWriter

    /// Creates the log over a migrated database.
    public init(database: SQLiteDatabase) { self.writer = database.writer }

    public func record(_ entry: AuditEntry) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "INSERT INTO audit_log (at, actor, action, subject, detail, enterprise_id) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [
                    entry.at.millisecondsSince1970,
                    BoundedText.truncate(entry.actor, maxBytes: BoundedText.maxAuditNameBytes),
                    BoundedText.truncate(entry.action, maxBytes: BoundedText.maxAuditNameBytes),
                    BoundedText.truncate(entry.subject, maxBytes: BoundedText.maxAuditNameBytes),
                    BoundedText.truncate(entry.detail, maxBytes: BoundedText.maxAuditDetailBytes),
                    entry.enterpriseId.map { BoundedText.truncate($0, maxBytes: BoundedText.maxAuditNameBytes) },
                ]
            )
        }
    }

    public func entries(subject: String?, limit: Int) async throws -> [AuditEntry] {
        try await writer.read { db in
            let rows: [Row]
            if let subject {
                rows = try Row.fetchAll(
                    db,
                    sql: "SELECT * FROM audit_log WHERE subject = ? ORDER BY id DESC LIMIT ?",
                    arguments: [subject, max(0, limit)]
                )
            } else {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", arguments: [max(0, limit)])
            }
            return rows.map { row in
                AuditEntry(
                    at: Timestamp(millisecondsSince1970: row["at"]),
                    actor: row["actor"],
                    action: row["action"],
                    subject: row["subject"],
                    detail: row["detail"],
                    enterpriseId: row["enterprise_id"]
                )
            }
        }
    }
}
