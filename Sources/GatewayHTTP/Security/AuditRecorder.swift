import GatewayCore

/// Writes staff actions to the audit log (a no-op when the gateway runs without one).
struct AuditRecorder: Sendable {
    let log: (any AuditLog)?
    let clock: @Sendable () -> Timestamp

    /// Records one action.
    /// - Parameters:
    ///   - actor: the staff username, `token:NAME`, or the attempted username for failed logins.
    ///   - action: dotted verb (`login.failure`, `login.lockout`, `session.logout`).
    ///   - subject: `kind:id` (`user:li.lei`).
    ///   - detail: a short note or JSON object.
    ///   - enterprise: the enterprise the change belongs to.
    func record(actor: String, action: String, subject: String, detail: String = "", enterprise: String? = nil) async throws {
        guard let log else { return }
        try await log.record(AuditEntry(at: clock(), actor: actor, action: action, subject: subject, detail: detail, enterpriseId: enterprise))
    }
}
