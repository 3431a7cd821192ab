/// The gateway's merged view of one order: exactly one per ``OrderKey``.
public struct CanonicalOrder: Sendable, Hashable, Codable {
    /// The order's identity.
    public var key: OrderKey
    /// Canonical status after merging every observation.
    public var status: OrderStatus
    /// The latest platform update time seen from any observation.
    public var platformUpdatedAt: Timestamp
    /// The full state from the newest snapshot seen, if any snapshot has arrived yet.
    public var snapshot: OrderSnapshot?
    /// Orders the snapshots: only a snapshot with a greater version replaces ``snapshot``.
    public var snapshotVersion: SnapshotVersion?
    /// How many observations changed this order (its local revision).
    public var revision: Int

    /// Creates an order.
    public init(
        key: OrderKey,
        status: OrderStatus,
        platformUpdatedAt: Timestamp,
        snapshot: OrderSnapshot? = nil,
        snapshotVersion: SnapshotVersion? = nil,
        revision: Int = 1
    ) {
        self.key = key
        self.status = status
        self.platformUpdatedAt = platformUpdatedAt
        self.snapshot = snapshot
        self.snapshotVersion = snapshotVersion
        self.revision = revision
    }

    /// The order's lines (empty until a snapshot arrives).
    public var lines: [OrderLine] { snapshot?.lines ?? [] }
}
