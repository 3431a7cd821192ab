import GRDB

/// A row of `staff_sessions`: a console session: the digest of its cookie, its CSRF token and expiry.
struct StaffSessionRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "staff_sessions"

    var digest: String
    var userId: String
    var csrfToken: String
    var createdAt: Int64
    var expiresAt: Int64

    enum CodingKeys: String, CodingKey {
        case digest
        case userId = "user_id"
        case csrfToken = "csrf_token"
        case createdAt = "created_at"
        case expiresAt = "expires_at"
    }

    /// The table's columns.
    enum Columns {
        static let digest = Column(CodingKeys.digest)
        static let userId = Column(CodingKeys.userId)
        static let csrfToken = Column(CodingKeys.csrfToken)
        static let createdAt = Column(CodingKeys.createdAt)
        static let expiresAt = Column(CodingKeys.expiresAt)
    }
}
