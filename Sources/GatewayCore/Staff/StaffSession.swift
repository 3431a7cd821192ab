/// A console session. The cookie carries a random secret; the directory keeps only its SHA-256 digest.
public struct StaffSession: Sendable, Hashable, Codable {
    /// Hex SHA-256 digest of the cookie secret (the lookup key).
    public var digest: String
    /// The signed-in user's id.
    public var userId: String
    /// The per-session CSRF token every console form must echo in `_csrf`.
    public var csrfToken: String
    /// When the session was created.
    public var createdAt: Timestamp
    /// When it stops being valid.
    public var expiresAt: Timestamp

    /// Creates a session.
    public init(digest: String, userId: String, csrfToken: String, createdAt: Timestamp, expiresAt: Timestamp) {
        self.digest = digest
        self.userId = userId
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
