import GRDB

extension SQLiteSchema {
    /// Migration `v4-staff`: staff users, sessions, API tokens and the audit log.
    static func registerStaff(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-staff") { db in
            try db.execute(
                sql: """
                    CREATE TABLE staff_users (
                        id TEXT PRIMARY KEY,
                        username TEXT NOT NULL UNIQUE,
                        role TEXT NOT NULL CHECK (role IN ('admin', 'staff', 'auditor')),
                        enterprise_id TEXT,
                        password_hash TEXT NOT NULL,
                        disabled INTEGER NOT NULL DEFAULT 0,
                        failed_attempts INTEGER NOT NULL DEFAULT 0,
                        locked_until INTEGER,
                        created_at INTEGER NOT NULL,
                        CHECK (role <> 'staff' OR enterprise_id IS NOT NULL)
                    );
                    CREATE TABLE staff_sessions (
                        digest TEXT PRIMARY KEY,
                        user_id TEXT NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
                        csrf_token TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        expires_at INTEGER NOT NULL
                    );
                    CREATE INDEX staff_sessions_user ON staff_sessions (user_id);
                    CREATE TABLE api_tokens (
                        id TEXT PRIMARY KEY,
                        user_id TEXT NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
                        name TEXT NOT NULL,
                        digest TEXT NOT NULL UNIQUE,
                        created_at INTEGER NOT NULL,
                        last_used_at INTEGER,
                        revoked_at INTEGER
                    );
                    CREATE TABLE audit_log (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        at INTEGER NOT NULL,
                        actor TEXT NOT NULL,
                        action TEXT NOT NULL,
                        subject TEXT NOT NULL,
                        detail TEXT NOT NULL,
                        enterprise_id TEXT
                    );
                    CREATE INDEX audit_log_subject ON audit_log (subject, id);
                    """
            )
        }
    }
}
