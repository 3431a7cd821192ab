import GRDB
public import GatewayCore

/// The audit log on SQLite: append-only rows (``AuditLogRecord``), read newest first.
extension SQLiteDatabase: AuditLog {

    public func record(_ entry: AuditEntry) async throws {
        try await writer.write { db in try AuditLogRecord(entry).insert(db) }
    }

    public func entries(subject: String?, limit: Int) async throws -> [AuditEntry] {
        try await writer.read { db in
            var request = AuditLogRecord.order(AuditLogRecord.Columns.id.desc).limit(max(0, limit))
            if let subject { request = request.filter(AuditLogRecord.Columns.subject == subject) }
            return try request.fetchAll(db).map(\.entry)
        }
    }
}
