/// What merging one observation did to an order; recorded on the order's timeline.
public enum MergeDecision: String, Sendable, Codable, CaseIterable, Hashable {
    /// The observation changed the order.
    case applied
    /// The observation was older than what the order already reflects; nothing changed.
    case stale
    /// The observation repeated exactly what the order already says; nothing changed.
    case duplicate
}
