/// What a login check needs: the user, their password hash and their lock-out state.
public struct StaffCredentials: Sendable, Hashable {
    /// The user.
    public var user: StaffUser
    /// The bcrypt hash of the password.
    public var passwordHash: String
    /// Consecutive failed logins since the last success or lock.
    public var failedAttempts: Int
    /// End of the current lock, if one was set.
    public var lockedUntil: Timestamp?

    /// Creates credentials.
    public init(user: StaffUser, passwordHash: String, failedAttempts: Int = 0, lockedUntil: Timestamp? = nil) {
        self.user = user
        self.passwordHash = passwordHash
        self.failedAttempts = failedAttempts
        self.lockedUntil = lockedUntil
    }

    /// Whether the account is locked at `now`.
    public func isLocked(at now: Timestamp) -> Bool {
        guard let lockedUntil else { return false }
        return now < lockedUntil
    }
}
