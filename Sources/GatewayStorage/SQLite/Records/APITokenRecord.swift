import GRDB

/// A row of `api_tokens`: a staff API token: its digest (never the secret), owner and life.
struct APITokenRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "api_tokens"

    var id: String
    var userId: String
    var name: String
    var digest: String
    var createdAt: Int64
    var lastUsedAt: Int64?
    var revokedAt: Int64?

    enum CodingKeys: String, CodingKey {
        case id, name, digest
        case userId = "user_id"
        case createdAt = "created_at"
        case lastUsedAt = "last_used_at"
        case revokedAt = "revoked_at"
    }

    /// The table's columns.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let userId = Column(CodingKeys.userId)
        static let name = Column(CodingKeys.name)
        static let digest = Column(CodingKeys.digest)
        static let createdAt = Column(CodingKeys.createdAt)
        static let lastUsedAt = Column(CodingKeys.lastUsedAt)
        static let revokedAt = Column(CodingKeys.revokedAt)
    }
}
