public import GatewayCore

/// The audit log in memory, newest entry last: the fake of ``GatewayStorage/SQLiteDatabase``.
public actor InMemoryAuditLog: AuditLog {
    private var recorded: [AuditEntry] = []

    /// An empty log.
    public init() {}

    public func record(_ entry: AuditEntry) async throws { recorded.append(entry) }

    public func entries(subject: String?, limit: Int) async throws -> [AuditEntry] {
        Array(recorded.reversed().filter { subject == nil || $0.subject == subject }.prefix(max(0, limit)))
    }
}
