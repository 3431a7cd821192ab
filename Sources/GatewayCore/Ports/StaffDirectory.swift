/// Staff users, their passwords and lock-out state, console sessions and API tokens (issue #7, "Access").
///
/// Secrets never reach the directory in the clear: passwords arrive bcrypt-hashed, session cookies and
/// API tokens as hex SHA-256 digests.
public protocol StaffDirectory: Sendable {
    /// Adds a user.
    /// - Throws: ``StaffDirectoryError/duplicateUsername(_:)``, ``StaffDirectoryError/invalidUser(_:)``.
    func addUser(username: String, role: StaffRole, enterpriseId: String?, passwordHash: String, at now: Timestamp) async throws -> StaffUser

    /// All users, by username.
    func users() async throws -> [StaffUser]

    /// One user by username.
    func user(username: String) async throws -> StaffUser?

    /// Disables or re-enables a user; disabling also ends their sessions and revokes their API tokens (for good).
    /// - Returns: the updated user, or `nil` if there is no such user.
    func setDisabled(username: String, _ disabled: Bool) async throws -> StaffUser?

    /// Replaces a user's password hash, clears the lock-out state, ends their sessions and revokes their API tokens.
    /// - Returns: whether the user exists.
    func setPasswordHash(username: String, _ passwordHash: String) async throws -> Bool

    /// A user's login credentials and lock-out state.
    func credentials(username: String) async throws -> StaffCredentials?

    /// Admits one password check, atomically with the lock-out decision: a locked account is refused before bcrypt;
    /// otherwise the attempt is counted as a failure in advance and, when it is the last the policy allows, the lock is
    /// set at once (``recordSuccessfulLogin(username:at:)`` clears both when the password turns out right).
    func beginLogin(username: String, at now: Timestamp, policy: LockoutPolicy) async throws -> LoginAttempt

    /// Counts one failed login (atomically) and locks the account when the policy says so.
    /// - Returns: the credentials after the failure, or `nil` for an unknown user.
    func recordFailedLogin(username: String, at now: Timestamp, policy: LockoutPolicy) async throws -> StaffCredentials?

    /// Clears the failure count after a successful login.
    func recordSuccessfulLogin(username: String, at now: Timestamp) async throws

    /// Stores a new console session.
    func createSession(_ session: StaffSession) async throws

    /// The live session with that digest and its (enabled) user; expired sessions and disabled users give `nil`.
    func session(digest: String, at now: Timestamp) async throws -> (session: StaffSession, user: StaffUser)?

    /// Ends a session (logout).
    func deleteSession(digest: String) async throws

    /// Removes expired sessions. - Returns: how many were removed.
    func deleteExpiredSessions(at now: Timestamp) async throws -> Int

    /// Stores a new API token for a user.
    /// - Parameters:
    ///   - username: the user it acts as.
    ///   - name: a label.
    ///   - digest: hex SHA-256 digest of the secret.
    /// - Throws: ``StaffDirectoryError/unknownUser(_:)``.
    func createToken(username: String, name: String, digest: String, at now: Timestamp) async throws -> StaffAPIToken

    /// The unrevoked token with that digest and its (enabled) user; records its use.
    func token(digest: String, at now: Timestamp) async throws -> (token: StaffAPIToken, user: StaffUser)?

    /// Revokes a token. - Returns: the token, or `nil` if there is no such token.
    func revokeToken(id: String, at now: Timestamp) async throws -> StaffAPIToken?

    /// Tokens, newest first, optionally only one user's.
    func tokens(username: String?) async throws -> [StaffAPIToken]
}
