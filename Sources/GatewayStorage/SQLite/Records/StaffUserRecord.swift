import GRDB

/// A row of `staff_users`: a staff account: role, enterprise, password hash and lock-out state.
struct StaffUserRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "staff_users"

    var id: String
    var username: String
    var role: String
    var enterpriseId: String?
    var passwordHash: String
    var disabled: Int64
    var failedAttempts: Int64
    var lockedUntil: Int64?
    var createdAt: Int64

    enum CodingKeys: String, CodingKey {
        case id, username, role, disabled
        case enterpriseId = "enterprise_id"
        case passwordHash = "password_hash"
        case failedAttempts = "failed_attempts"
        case lockedUntil = "locked_until"
        case createdAt = "created_at"
    }

    /// The table's columns.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let username = Column(CodingKeys.username)
        static let role = Column(CodingKeys.role)
        static let enterpriseId = Column(CodingKeys.enterpriseId)
        static let passwordHash = Column(CodingKeys.passwordHash)
        static let disabled = Column(CodingKeys.disabled)
        static let failedAttempts = Column(CodingKeys.failedAttempts)
        static let lockedUntil = Column(CodingKeys.lockedUntil)
        static let createdAt = Column(CodingKeys.createdAt)
    }
}
