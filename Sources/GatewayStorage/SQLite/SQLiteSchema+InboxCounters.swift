import GRDB

extension SQLiteSchema {
    /// Migration `v7-inbox-counters`: the inbox's figures for `/readyz`, `/metrics` and the demo — total, waiting,
    /// repeats absorbed, parked, awaiting a detail — kept in one row by triggers in the same transaction as every
    /// change, so reading them never scans the inbox (issue #14). The oldest waiting delivery comes from a partial
    /// index on `received_at`. Existing rows are counted once, when the migration runs.
    static func registerInboxCounters(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7-inbox-counters") { db in
            try db.execute(
                sql: """
                    CREATE TABLE inbox_counters (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        total INTEGER NOT NULL,
                        unprocessed INTEGER NOT NULL,
                        duplicates INTEGER NOT NULL,
                        parked INTEGER NOT NULL,
                        awaiting INTEGER NOT NULL
                    );
                    INSERT INTO inbox_counters (id, total, unprocessed, duplicates, parked, awaiting)
                    SELECT 1, count(*),
                           coalesce(sum(processed_at IS NULL AND parked_at IS NULL), 0),
                           coalesce(sum(received_count - 1), 0),
                           coalesce(sum(parked_at IS NOT NULL AND processed_at IS NULL), 0),
                           coalesce(sum(processed_at IS NULL AND parked_at IS NULL AND attempts > 0), 0)
                    FROM inbox;
                    CREATE INDEX inbox_waiting_since ON inbox (received_at) WHERE processed_at IS NULL AND parked_at IS NULL;
                    CREATE TRIGGER inbox_counters_insert AFTER INSERT ON inbox BEGIN
                        UPDATE inbox_counters SET
                            total = total + 1,
                            unprocessed = unprocessed + (NEW.processed_at IS NULL AND NEW.parked_at IS NULL),
                            duplicates = duplicates + (NEW.received_count - 1),
                            parked = parked + (NEW.parked_at IS NOT NULL AND NEW.processed_at IS NULL),
                            awaiting = awaiting + (NEW.processed_at IS NULL AND NEW.parked_at IS NULL AND NEW.attempts > 0)
                        WHERE id = 1;
                    END;
                    CREATE TRIGGER inbox_counters_update AFTER UPDATE OF received_count, processed_at, parked_at, attempts ON inbox BEGIN
                        UPDATE inbox_counters SET
                            unprocessed = unprocessed + (NEW.processed_at IS NULL AND NEW.parked_at IS NULL)
                                - (OLD.processed_at IS NULL AND OLD.parked_at IS NULL),
                            duplicates = duplicates + (NEW.received_count - OLD.received_count),
                            parked = parked + (NEW.parked_at IS NOT NULL AND NEW.processed_at IS NULL)
                                - (OLD.parked_at IS NOT NULL AND OLD.processed_at IS NULL),
                            awaiting = awaiting + (NEW.processed_at IS NULL AND NEW.parked_at IS NULL AND NEW.attempts > 0)
                                - (OLD.processed_at IS NULL AND OLD.parked_at IS NULL AND OLD.attempts > 0)
                        WHERE id = 1;
                    END;
                    CREATE TRIGGER inbox_counters_delete AFTER DELETE ON inbox BEGIN
                        UPDATE inbox_counters SET
                            total = total - 1,
                            unprocessed = unprocessed - (OLD.processed_at IS NULL AND OLD.parked_at IS NULL),
                            duplicates = duplicates - (OLD.received_count - 1),
                            parked = parked - (OLD.parked_at IS NOT NULL AND OLD.processed_at IS NULL),
                            awaiting = awaiting - (OLD.processed_at IS NULL AND OLD.parked_at IS NULL AND OLD.attempts > 0)
                        WHERE id = 1;
                    END;
                    """
            )
        }
    }
}
