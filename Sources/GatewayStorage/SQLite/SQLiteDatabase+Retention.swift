import GRDB
public import GatewayCore

/// Raw payload retention on SQLite (``GatewayCore/PayloadRetentionStore``).
///
/// Each call deletes up to `limit` inbox payloads and `limit` timeline payloads in one short write transaction, found
/// through the partial indexes of migration `v7-data-at-rest` (only rows whose payload is still there), so a pass
/// reads only what it deletes and holds the writer (and with it the webhooks' group commit) only briefly. A deleted
/// payload becomes empty and `payload_deleted_at` records when; the inbox row itself stays as the delivery's
/// de-duplication record, and unprocessed (pending, waiting, parked) entries are never touched.
extension SQLiteDatabase: PayloadRetentionStore {

    public func deletePayloads(olderThan cutoff: Timestamp, limit: Int, at now: Timestamp) async throws -> PayloadDeletion {
        let limit = max(1, limit)
        return try await writer.write { db in
            try db.execute(
                sql: """
                    UPDATE inbox SET payload = x'', payload_deleted_at = ?
                    WHERE id IN (SELECT id FROM inbox INDEXED BY inbox_payload_retention
                                 WHERE processed_at IS NOT NULL AND payload_deleted_at IS NULL AND processed_at < ? LIMIT ?)
                    """,
                arguments: [now.millisecondsSince1970, cutoff.millisecondsSince1970, limit]
            )
            let inbox = db.changesCount
            try db.execute(
                sql: """
                    UPDATE timeline SET raw_payload = '', payload_deleted_at = ?
                    WHERE id IN (SELECT id FROM timeline INDEXED BY timeline_payload_retention
                                 WHERE payload_deleted_at IS NULL AND recorded_at < ? LIMIT ?)
                    """,
                arguments: [now.millisecondsSince1970, cutoff.millisecondsSince1970, limit]
            )
            return PayloadDeletion(inbox: inbox, timeline: db.changesCount)
        }
    }
}
