import GRDB

extension SQLiteSchema {
    /// Migration `v6-inbox-parking`: parked deliveries (reason, failures, first/last failure time) and the
    /// in-flight mark that tells which entries were being processed when the process died.
    static func registerParking(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6-inbox-parking") { db in
            try db.execute(
                sql: """
                    ALTER TABLE inbox ADD COLUMN parked_at INTEGER;
                    ALTER TABLE inbox ADD COLUMN park_reason TEXT;
                    ALTER TABLE inbox ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE inbox ADD COLUMN first_failed_at INTEGER;
                    ALTER TABLE inbox ADD COLUMN last_failed_at INTEGER;
                    ALTER TABLE inbox ADD COLUMN in_flight INTEGER NOT NULL DEFAULT 0;
                    DROP INDEX inbox_pending;
                    CREATE INDEX inbox_pending ON inbox (next_attempt_at, id) WHERE processed_at IS NULL AND parked_at IS NULL;
                    CREATE INDEX inbox_parked ON inbox (parked_at) WHERE parked_at IS NOT NULL;
                    """
            )
        }
    }
}
