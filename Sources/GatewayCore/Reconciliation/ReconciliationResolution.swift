/// How staff settled one reconciliation difference.
public struct ReconciliationResolution: Sendable, Hashable, Codable {
    /// A short reason (e.g. `refund-after-settlement`, `platform-adjustment`, `test-order`, `fixed-in-gateway`).
    public var reason: String
    /// A free-text note.
    public var note: String
    /// Who resolved it: a staff username, `token:NAME` or `cli:USER`.
    public var actor: String
    /// When.
    public var at: Timestamp

    /// Creates a resolution.
    public init(reason: String, note: String, actor: String, at: Timestamp) {
        self.reason = reason
        self.note = note
        self.actor = actor
        self.at = at
    }
}
