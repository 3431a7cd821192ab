import Foundation
import GRDB
public import GatewayCore

/// Staff users, sessions and API tokens on SQLite.
///
/// Failed-login counting runs in one write transaction, so concurrent wrong passwords cannot slip
/// past the lock-out threshold.
extension SQLiteDatabase: StaffDirectory {

    public func addUser(
        username: String,
        role: StaffRole,
        enterpriseId: String?,
        passwordHash: String,
        at now: Timestamp
    ) async throws -> StaffUser {
        let (name, enterprise) = try StaffUserRule.validated(username: username, role: role, enterpriseId: enterpriseId)
        let user = StaffUser(id: "u-" + Self.randomId(), username: name, role: role, enterpriseId: enterprise)
        do {
            try await writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO staff_users (id, username, role, enterprise_id, password_hash, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [user.id, user.username, role.rawValue, enterprise, passwordHash, now.millisecondsSince1970]
                )
            }
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw StaffDirectoryError.duplicateUsername(name)
        }
        return user
    }

    public func users() async throws -> [StaffUser] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM staff_users ORDER BY username").compactMap(Self.user(from:))
        }
    }

    public func user(username: String) async throws -> StaffUser? {
        try await writer.read { db in try Self.userRow(username: username, db: db).flatMap(Self.user(from:)) }
    }

    public func setDisabled(username: String, _ disabled: Bool) async throws -> StaffUser? {
        try await writer.write { db in
            try db.execute(sql: "UPDATE staff_users SET disabled = ? WHERE username = ?", arguments: [disabled, username])
            guard db.changesCount > 0, let row = try Self.userRow(username: username, db: db) else { return nil }
            if disabled { try Self.endSessionsAndTokens(userId: row["id"], db: db) }
            return Self.user(from: row)
        }
    }

    public func setPasswordHash(username: String, _ passwordHash: String) async throws -> Bool {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE staff_users SET password_hash = ?, failed_attempts = 0, locked_until = NULL WHERE username = ?",
                arguments: [passwordHash, username]
            )
            guard db.changesCount > 0, let row = try Self.userRow(username: username, db: db) else { return false }
            try Self.endSessionsAndTokens(userId: row["id"], db: db)
            return true
        }
    }

    /// Ends every console session and revokes every API token of a user (password change, disable): nothing signed in
    /// with the old password or before the disable works again, even after re-enabling.
    private static func endSessionsAndTokens(userId: String, db: Database) throws {
        try db.execute(sql: "DELETE FROM staff_sessions WHERE user_id = ?", arguments: [userId])
        try db.execute(
            sql: "UPDATE api_tokens SET revoked_at = CAST(strftime('%s', 'now') AS INTEGER) * 1000 WHERE user_id = ? AND revoked_at IS NULL",
            arguments: [userId]
        )
    }

    public func credentials(username: String) async throws -> StaffCredentials? {
        try await writer.read { db in try Self.userRow(username: username, db: db).flatMap(Self.credentials(from:)) }
    }

    public func beginLogin(username: String, at now: Timestamp, policy: LockoutPolicy) async throws -> LoginAttempt {
        try await writer.write { db in
            // One statement decides: refused while locked; otherwise counted, and the last allowed attempt sets the lock.
            let until = now.adding(seconds: policy.lockSeconds).millisecondsSince1970
            let admitted = try Row.fetchOne(
                db,
                sql: """
                    UPDATE staff_users
                    SET failed_attempts = CASE WHEN failed_attempts + 1 >= ? THEN 0 ELSE failed_attempts + 1 END,
                        locked_until = CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE locked_until END
                    WHERE username = ? AND (locked_until IS NULL OR locked_until <= ?)
                    RETURNING *
                    """,
                arguments: [policy.maxFailures, policy.maxFailures, until, username, now.millisecondsSince1970]
            )
            if let admitted, let credentials = Self.credentials(from: admitted) {
                return .admitted(credentials, locksOnFailure: credentials.isLocked(at: now))
            }
            guard let row = try Self.userRow(username: username, db: db), let credentials = Self.credentials(from: row) else {
                return .unknownUser
            }
            return .locked(credentials)
        }
    }

    public func recordFailedLogin(username: String, at now: Timestamp, policy: LockoutPolicy) async throws -> StaffCredentials? {
        try await writer.write { db in
            guard let row = try Self.userRow(username: username, db: db), let current = Self.credentials(from: row) else { return nil }
            let next = policy.afterFailure(failures: current.failedAttempts, at: now)
            let lockedUntil = next.lockedUntil ?? current.lockedUntil
            try db.execute(
                sql: "UPDATE staff_users SET failed_attempts = ?, locked_until = ? WHERE username = ?",
                arguments: [next.failures, lockedUntil?.millisecondsSince1970, username]
            )
            var updated = current
            updated.failedAttempts = next.failures
            updated.lockedUntil = lockedUntil
            return updated
        }
    }

    public func recordSuccessfulLogin(username: String, at now: Timestamp) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE staff_users SET failed_attempts = 0, locked_until = NULL WHERE username = ?",
                arguments: [username]
            )
        }
    }

    public func createSession(_ session: StaffSession) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "INSERT INTO staff_sessions (digest, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    session.digest, session.userId, session.csrfToken, session.createdAt.millisecondsSince1970,
                    session.expiresAt.millisecondsSince1970,
                ]
            )
        }
    }

    public func session(digest: String, at now: Timestamp) async throws -> (session: StaffSession, user: StaffUser)? {
        try await writer.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT s.digest, s.csrf_token, s.created_at AS session_created_at, s.expires_at, u.*
                        FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id
                        WHERE s.digest = ? AND s.expires_at > ? AND u.disabled = 0
                        """,
                    arguments: [digest, now.millisecondsSince1970]
                ), let user = Self.user(from: row)
            else { return nil }
            let session = StaffSession(
                digest: row["digest"],
                userId: user.id,
                csrfToken: row["csrf_token"],
                createdAt: Timestamp(millisecondsSince1970: row["session_created_at"]),
                expiresAt: Timestamp(millisecondsSince1970: row["expires_at"])
            )
            return (session, user)
        }
    }

    public func deleteSession(digest: String) async throws {
        try await writer.write { db in try db.execute(sql: "DELETE FROM staff_sessions WHERE digest = ?", arguments: [digest]) }
    }

    public func deleteExpiredSessions(at now: Timestamp) async throws -> Int {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM staff_sessions WHERE expires_at <= ?", arguments: [now.millisecondsSince1970])
            return db.changesCount
        }
    }

    public func createToken(username: String, name: String, digest: String, at now: Timestamp) async throws -> StaffAPIToken {
        try await writer.write { db in
            guard let row = try Self.userRow(username: username, db: db), let user = Self.user(from: row) else {
                throw StaffDirectoryError.unknownUser(username)
            }
            let token = StaffAPIToken(id: "t-" + Self.randomId(), userId: user.id, name: name, createdAt: now)
            try db.execute(
                sql: "INSERT INTO api_tokens (id, user_id, name, digest, created_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [token.id, token.userId, token.name, digest, now.millisecondsSince1970]
            )
            return token
        }
    }

    public func token(digest: String, at now: Timestamp) async throws -> (token: StaffAPIToken, user: StaffUser)? {
        try await writer.write { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT t.id AS token_id, t.name AS token_name, t.created_at AS token_created_at, u.*
                        FROM api_tokens t JOIN staff_users u ON u.id = t.user_id
                        WHERE t.digest = ? AND t.revoked_at IS NULL AND u.disabled = 0
                        """,
                    arguments: [digest]
                ), let user = Self.user(from: row)
            else { return nil }
            try db.execute(sql: "UPDATE api_tokens SET last_used_at = ? WHERE digest = ?", arguments: [now.millisecondsSince1970, digest])
            let token = StaffAPIToken(
                id: row["token_id"],
                userId: user.id,
                name: row["token_name"],
                createdAt: Timestamp(millisecondsSince1970: row["token_created_at"]),
                lastUsedAt: now
            )
            return (token, user)
        }
    }

    public func revokeToken(id: String, at now: Timestamp) async throws -> StaffAPIToken? {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE api_tokens SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?",
                arguments: [now.millisecondsSince1970, id]
            )
            return try Row.fetchOne(db, sql: "SELECT * FROM api_tokens WHERE id = ?", arguments: [id]).map(Self.token(from:))
        }
    }

    public func tokens(username: String?) async throws -> [StaffAPIToken] {
        try await writer.read { db in
            let rows: [Row]
            if let username {
                rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT t.* FROM api_tokens t JOIN staff_users u ON u.id = t.user_id
                        WHERE u.username = ? ORDER BY t.created_at DESC, t.id
                        """,
                    arguments: [username]
                )
            } else {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM api_tokens ORDER BY created_at DESC, id")
            }
            return rows.map(Self.token(from:))
        }
    }

    // MARK: rows

    private static func randomId() -> String {
        String(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12))
    }

    private static func userRow(username: String, db: Database) throws -> Row? {
        try Row.fetchOne(db, StaffUserRecord.filter(StaffUserRecord.Columns.username == username))
    }

    private static func user(from row: Row) -> StaffUser? {
        guard let role = StaffRole(rawValue: row[StaffUserRecord.Columns.role]) else { return nil }
        return StaffUser(
            id: row[StaffUserRecord.Columns.id],
            username: row[StaffUserRecord.Columns.username],
            role: role,
            enterpriseId: row[StaffUserRecord.Columns.enterpriseId],
            disabled: row[StaffUserRecord.Columns.disabled]
        )
    }

    private static func credentials(from row: Row) -> StaffCredentials? {
        guard let user = user(from: row) else { return nil }
        return StaffCredentials(
            user: user,
            passwordHash: row[StaffUserRecord.Columns.passwordHash],
            failedAttempts: row[StaffUserRecord.Columns.failedAttempts],
            lockedUntil: (row[StaffUserRecord.Columns.lockedUntil] as Int64?).map(Timestamp.init(millisecondsSince1970:))
        )
    }

    private static func token(from row: Row) -> StaffAPIToken {
        StaffAPIToken(
            id: row[APITokenRecord.Columns.id],
            userId: row[APITokenRecord.Columns.userId],
            name: row[APITokenRecord.Columns.name],
            createdAt: Timestamp(millisecondsSince1970: row[APITokenRecord.Columns.createdAt]),
            lastUsedAt: (row[APITokenRecord.Columns.lastUsedAt] as Int64?).map(Timestamp.init(millisecondsSince1970:)),
            revokedAt: (row[APITokenRecord.Columns.revokedAt] as Int64?).map(Timestamp.init(millisecondsSince1970:))
        )
    }
}
