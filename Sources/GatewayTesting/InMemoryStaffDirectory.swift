public import GatewayCore

/// Staff users, sessions and API tokens in memory: the faithful fake of ``GatewayStorage/SQLiteDatabase`` (same
/// validation through ``GatewayCore/StaffUserRule``, same lock-out arithmetic through ``GatewayCore/LockoutPolicy``),
/// checked against it by the store conformance suite.
public actor InMemoryStaffDirectory: StaffDirectory {
    private struct Stored {
        var credentials: StaffCredentials
        var createdAt: Timestamp
    }

    private var stored: [String: Stored] = [:]
    private var sessions: [String: StaffSession] = [:]
    private var tokenRows: [(token: StaffAPIToken, digest: String)] = []
    private var nextId = 0

    /// An empty directory.
    public init() {}

    private func makeId(_ prefix: String) -> String {
        nextId += 1
        return prefix + String(nextId)
    }

    public func addUser(username: String, role: StaffRole, enterpriseId: String?, passwordHash: String, at now: Timestamp) async throws -> StaffUser {
        let valid = try StaffUserRule.validated(username: username, role: role, enterpriseId: enterpriseId)
        guard stored[valid.username] == nil else { throw StaffDirectoryError.duplicateUsername(valid.username) }
        let user = StaffUser(id: makeId("u-"), username: valid.username, role: role, enterpriseId: valid.enterpriseId)
        stored[user.username] = Stored(credentials: StaffCredentials(user: user, passwordHash: passwordHash), createdAt: now)
        return user
    }

    public func users() async throws -> [StaffUser] { stored.values.map(\.credentials.user).sorted { $0.username < $1.username } }

    public func user(username: String) async throws -> StaffUser? { stored[username]?.credentials.user }

    public func setDisabled(username: String, _ disabled: Bool) async throws -> StaffUser? {
        guard var entry = stored[username] else { return nil }
        entry.credentials.user.disabled = disabled
        stored[username] = entry
        if disabled { endSessionsAndTokens(userId: entry.credentials.user.id) }
        return entry.credentials.user
    }

    public func setPasswordHash(username: String, _ passwordHash: String) async throws -> Bool {
        guard var entry = stored[username] else { return false }
        entry.credentials.passwordHash = passwordHash
        entry.credentials.failedAttempts = 0
        entry.credentials.lockedUntil = nil
        stored[username] = entry
        endSessionsAndTokens(userId: entry.credentials.user.id)
        return true
    }

    private func endSessionsAndTokens(userId: String) {
        sessions = sessions.filter { $0.value.userId != userId }
        for index in tokenRows.indices where tokenRows[index].token.userId == userId && tokenRows[index].token.revokedAt == nil {
            // The directory's calls here carry no time; the SQLite directory stamps its own clock's.
            tokenRows[index].token.revokedAt = Timestamp(millisecondsSince1970: 0)
        }
    }

    public func credentials(username: String) async throws -> StaffCredentials? { stored[username]?.credentials }

    public func beginLogin(username: String, at now: Timestamp, policy: LockoutPolicy) async throws -> LoginAttempt {
        guard var entry = stored[username] else { return .unknownUser }
        if entry.credentials.isLocked(at: now) { return .locked(entry.credentials) }
        let next = policy.afterFailure(failures: entry.credentials.failedAttempts, at: now)
        entry.credentials.failedAttempts = next.failures
        entry.credentials.lockedUntil = next.lockedUntil ?? entry.credentials.lockedUntil
        stored[username] = entry
        return .admitted(entry.credentials, locksOnFailure: entry.credentials.isLocked(at: now))
    }

    public func recordFailedLogin(username: String, at now: Timestamp, policy: LockoutPolicy) async throws -> StaffCredentials? {
        guard var entry = stored[username] else { return nil }
        let next = policy.afterFailure(failures: entry.credentials.failedAttempts, at: now)
        entry.credentials.failedAttempts = next.failures
        entry.credentials.lockedUntil = next.lockedUntil ?? entry.credentials.lockedUntil
        stored[username] = entry
        return entry.credentials
    }

    public func recordSuccessfulLogin(username: String, at now: Timestamp) async throws {
        stored[username]?.credentials.failedAttempts = 0
        stored[username]?.credentials.lockedUntil = nil
    }

    public func createSession(_ session: StaffSession) async throws { sessions[session.digest] = session }

    public func session(digest: String, at now: Timestamp) async throws -> (session: StaffSession, user: StaffUser)? {
        guard let session = sessions[digest], session.expiresAt > now, let user = enabledUser(id: session.userId) else { return nil }
        return (session, user)
    }

    private func enabledUser(id: String) -> StaffUser? {
        stored.values.map(\.credentials.user).first { $0.id == id && !$0.disabled }
    }

    public func deleteSession(digest: String) async throws { sessions[digest] = nil }

    public func deleteExpiredSessions(at now: Timestamp) async throws -> Int {
        let before = sessions.count
        sessions = sessions.filter { $0.value.expiresAt > now }
        return before - sessions.count
    }

    public func createToken(username: String, name: String, digest: String, at now: Timestamp) async throws -> StaffAPIToken {
        guard let user = stored[username]?.credentials.user else { throw StaffDirectoryError.unknownUser(username) }
        let token = StaffAPIToken(id: makeId("t-"), userId: user.id, name: name, createdAt: now)
        tokenRows.append((token, digest))
        return token
    }

    public func token(digest: String, at now: Timestamp) async throws -> (token: StaffAPIToken, user: StaffUser)? {
        guard let index = tokenRows.firstIndex(where: { $0.digest == digest && $0.token.revokedAt == nil }),
            let user = enabledUser(id: tokenRows[index].token.userId)
        else { return nil }
        tokenRows[index].token.lastUsedAt = now
        return (tokenRows[index].token, user)
    }

    public func revokeToken(id: String, at now: Timestamp) async throws -> StaffAPIToken? {
        guard let index = tokenRows.firstIndex(where: { $0.token.id == id }) else { return nil }
        if tokenRows[index].token.revokedAt == nil { tokenRows[index].token.revokedAt = now }
        return tokenRows[index].token
    }

    public func tokens(username: String?) async throws -> [StaffAPIToken] {
        let userId = username.flatMap { stored[$0]?.credentials.user.id }
        if username != nil, userId == nil { return [] }
        return tokenRows.map(\.token).filter { userId == nil || $0.userId == userId }
            .sorted { $0.createdAt != $1.createdAt ? $0.createdAt > $1.createdAt : $0.id < $1.id }
    }
}
