/// An API token for automation. The secret is shown once; the directory keeps only its SHA-256 digest.
public struct StaffAPIToken: Sendable, Hashable, Codable {
    /// Short id used to revoke it (`gateway token revoke ID`).
    public var id: String
    /// The user the token acts as.
    public var userId: String
    /// A label (`erp-sync`, `nightly-export`).
    public var name: String
    /// When it was created.
    public var createdAt: Timestamp
    /// When it was last used, if ever.
    public var lastUsedAt: Timestamp?
    /// When it was revoked, if revoked.
    public var revokedAt: Timestamp?

    /// Creates token metadata.
    public init(id: String, userId: String, name: String, createdAt: Timestamp, lastUsedAt: Timestamp? = nil, revokedAt: Timestamp? = nil) {
        self.id = id
        self.userId = userId
        self.name = name
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
    }
}
