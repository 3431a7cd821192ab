/// The gateway's merged view of one order: exactly one per ``OrderKey``.
public struct CanonicalOrder: Sendable, Hashable, Codable {
    /// The order's identity.
    public var key: OrderKey
    /// Canonical status after merging every observation (always ``StatusEvidence/status`` of
    /// ``statusEvidence`` for merged orders).
    public var status: OrderStatus
    /// What the observations said about the status, from which ``OrderMerger`` derives ``status``.
    public var statusEvidence: StatusEvidence
    /// The latest platform update time seen from any observation.
    public var platformUpdatedAt: Timestamp
    /// The full state from the newest snapshot seen, if any snapshot has arrived yet.
    public var snapshot: OrderSnapshot?
    /// Orders the snapshots: only a snapshot with a greater version replaces ``snapshot``.
    public var snapshotVersion: SnapshotVersion?
    /// How many observations changed this order (its local revision).
    public var revision: Int

    /// Creates an order; without `statusEvidence`, the evidence is that of `status` at `platformUpdatedAt`.
    public init(
        key: OrderKey,
        status: OrderStatus,
        platformUpdatedAt: Timestamp,
        snapshot: OrderSnapshot? = nil,
        snapshotVersion: SnapshotVersion? = nil,
        revision: Int = 1,
        statusEvidence: StatusEvidence? = nil
    ) {
        self.key = key
        self.status = status
        self.statusEvidence = statusEvidence ?? StatusEvidence(status: status, at: platformUpdatedAt)
        self.platformUpdatedAt = platformUpdatedAt
        self.snapshot = snapshot
        self.snapshotVersion = snapshotVersion
        self.revision = revision
    }

    private enum CodingKeys: String, CodingKey {
        case key, status, statusEvidence, platformUpdatedAt, snapshot, snapshotVersion, revision
    }

    /// Decodes an order; `statusEvidence` is absent from orders stored before it existed and is then
    /// taken from the stored status and update time (``StatusEvidence/init(status:at:)``).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decode(OrderKey.self, forKey: .key)
        status = try container.decode(OrderStatus.self, forKey: .status)
        platformUpdatedAt = try container.decode(Timestamp.self, forKey: .platformUpdatedAt)
        statusEvidence =
            try container.decodeIfPresent(StatusEvidence.self, forKey: .statusEvidence)
            ?? StatusEvidence(status: status, at: platformUpdatedAt)
        snapshot = try container.decodeIfPresent(OrderSnapshot.self, forKey: .snapshot)
        snapshotVersion = try container.decodeIfPresent(SnapshotVersion.self, forKey: .snapshotVersion)
        revision = try container.decode(Int.self, forKey: .revision)
    }

    /// The order's lines (empty until a snapshot arrives), with lines that repeat an id merged into
    /// one (``OrderLine/mergingRepeatedIds(_:)``): the one place the gateway's view of an order's
    /// lines comes from — stock, allocation, the stored `order_lines` and the API; the snapshot keeps
    /// the lines exactly as the platform sent them.
    public var lines: [OrderLine] { OrderLine.mergingRepeatedIds(snapshot?.lines ?? []) }
}
