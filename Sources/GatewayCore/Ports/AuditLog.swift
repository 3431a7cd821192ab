/// Who changed what and when: every staff action that changes data lands here (issues #5 and #7).
public protocol AuditLog: Sendable {
    /// Records one change.
    func record(_ entry: AuditEntry) async throws

    /// The most recent entries first, optionally only those about one subject (e.g. `sku-mapping:yunlai-douyin:1786…`).
    func entries(subject: String?, limit: Int) async throws -> [AuditEntry]
}

/// One recorded change.
public struct AuditEntry: Sendable, Hashable, Codable {
    /// When it happened.
    public var at: Timestamp
    /// Who did it: a staff username, `token:NAME`, `cli:USER`, or `system`.
    public var actor: String
    /// What was done, as a dotted verb (`sku-mapping.upsert`, `exception.resolve`, `user.disable`).
    public var action: String
    /// What it was done to (`kind:id`).
    public var subject: String
    /// Details (a JSON object or a short note).
    public var detail: String
    /// The enterprise the change belongs to, when it belongs to one (for scoped audit views).
    public var enterpriseId: String?

    /// Creates an entry.
    public init(at: Timestamp, actor: String, action: String, subject: String, detail: String, enterpriseId: String? = nil) {
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.detail = detail
        self.enterpriseId = enterpriseId
    }
}
