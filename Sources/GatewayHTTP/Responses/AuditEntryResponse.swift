import GatewayCore

/// One audit log entry (`AuditEntry`).
struct AuditEntryResponse: Encodable, Sendable {
    var at: String
    var actor: String
    var action: String
    var subject: String
    var detail: String
    var enterpriseId: String?

    init(_ entry: AuditEntry) {
        at = APITime.string(entry.at)
        actor = entry.actor
        action = entry.action
        subject = entry.subject
        detail = entry.detail
        enterpriseId = entry.enterpriseId
    }
}
