import Foundation
import GRDB
import GatewayCore

extension SQLiteSchema {
    /// Migration `v7-data-at-rest` (issue #12): raw payloads sealed at rest, the data key checks, and what payload
    /// retention needs.
    ///
    /// - `data_keys`: one check value per key id that has encrypted data here (``SQLiteDataKeys``), so a wrong key or
    ///   a missing old key is refused at start instead of failing row by row later.
    /// - Every plaintext `inbox.payload` and `timeline.raw_payload` stored before is sealed with the current key, in
    ///   chunks of 500 rows within the migration's one transaction (reads accept plaintext too, for rows written by an
    ///   older binary during a rolling upgrade). The start of a poll row that earlier parking messages quoted
    ///   (`…; row: {…}` in `inbox.last_error` and the `unprocessable` exception's message) is cut off.
    /// - `payload_deleted_at` on both tables and partial indexes over what retention may still delete, so a
    ///   retention pass reads only what it deletes (the ingest insert does not touch either index).
    static func registerDataAtRest(_ migrator: inout DatabaseMigrator, sealer: DataSealer) {
        migrator.registerMigration("v7-data-at-rest") { db in
            try db.execute(
                sql: """
                    CREATE TABLE data_keys (
                        id TEXT PRIMARY KEY,
                        check_value BLOB NOT NULL,
                        first_used_at INTEGER NOT NULL
                    );
                    ALTER TABLE inbox ADD COLUMN payload_deleted_at INTEGER;
                    ALTER TABLE timeline ADD COLUMN payload_deleted_at INTEGER;
                    CREATE INDEX inbox_payload_retention ON inbox (processed_at)
                        WHERE processed_at IS NOT NULL AND payload_deleted_at IS NULL;
                    CREATE INDEX timeline_payload_retention ON timeline (recorded_at) WHERE payload_deleted_at IS NULL;
                    UPDATE inbox SET last_error = substr(last_error, 1, instr(last_error, '; row: ') - 1)
                        WHERE instr(last_error, '; row: ') > 0;
                    UPDATE fulfilment_exceptions SET message = substr(message, 1, instr(message, '; row: ') - 1)
                        WHERE kind = 'unprocessable' AND instr(message, '; row: ') > 0;
                    """
            )
            try SQLiteDataKeys.recordCurrent(db, sealer: sealer)
            try sealLegacy(db, table: "inbox", column: "payload", purpose: .inboxPayload, sealer: sealer)
            try sealLegacy(db, table: "timeline", column: "raw_payload", purpose: .timelinePayload, sealer: sealer)
        }
    }

    /// Seals every plaintext value of a payload column, walking the table by id in chunks.
    private static func sealLegacy(_ db: Database, table: String, column: String, purpose: SealPurpose, sealer: DataSealer) throws {
        var after: Int64 = 0
        while true {
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT id, \(column) AS value FROM \(table) WHERE id > ? ORDER BY id LIMIT 500",
                arguments: [after]
            )
            guard let last = rows.last else { return }
            after = last["id"]
            for row in rows {
                let id: Int64 = row["id"]
                if purpose == .inboxPayload {
                    let bytes = Array((row["value"] as Data?) ?? Data())
                    guard !bytes.isEmpty, !SealedValue.isSealed(binary: bytes) else { continue }
                    try db.execute(
                        sql: "UPDATE inbox SET payload = ? WHERE id = ?",
                        arguments: [Data(try sealer.sealBinary(bytes, purpose: purpose)), id]
                    )
                } else {
                    let text: String = (row["value"] as String?) ?? ""
                    guard !text.isEmpty, !SealedValue.isSealed(text: text) else { continue }
                    try db.execute(
                        sql: "UPDATE timeline SET raw_payload = ? WHERE id = ?",
                        arguments: [try sealer.sealText(text, purpose: purpose), id]
                    )
                }
            }
        }
    }
}
