/// A total order on snapshots of one order, so that merging converges whatever the arrival order.
///
/// Compared by platform update time, then by the status rank the snapshot asserts, then by how far
/// its lines' refunds have progressed (none < requested < refunded: platforms that stamp updates in
/// whole seconds can report a refund request and its success with the same time), then by the
/// source's precedence, then by a deterministic content fingerprint.
public struct SnapshotVersion: Sendable, Hashable, Codable, Comparable {
    /// The platform's update time of the snapshot.
    public var platformUpdatedAt: Timestamp
    /// The rank of the snapshot's status.
    public var statusRank: Int
    /// Sum over the lines of their refund progress (none 0, requested 1, refunded 2).
    public var refundProgress: Int
    /// The precedence of the snapshot's source.
    public var sourcePrecedence: Int
    /// FNV-1a fingerprint of the snapshot's content.
    public var fingerprint: UInt64

    /// Creates a version.
    public init(platformUpdatedAt: Timestamp, statusRank: Int, refundProgress: Int = 0, sourcePrecedence: Int, fingerprint: UInt64) {
        self.platformUpdatedAt = platformUpdatedAt
        self.statusRank = statusRank
        self.refundProgress = refundProgress
        self.sourcePrecedence = sourcePrecedence
        self.fingerprint = fingerprint
    }

    /// The version of a snapshot carried by an observation.
    public init(of snapshot: OrderSnapshot, in observation: OrderObservation) {
        self.init(
            platformUpdatedAt: observation.platformUpdatedAt,
            statusRank: snapshot.status.rank,
            refundProgress: snapshot.lines.reduce(0) { total, line in
                total + (line.refundState == .refunded ? 2 : line.refundState == .requested ? 1 : 0)
            },
            sourcePrecedence: observation.source.precedence,
            fingerprint: Fingerprint.of(snapshot)
        )
    }

    private enum CodingKeys: String, CodingKey {
        case platformUpdatedAt, statusRank, refundProgress, sourcePrecedence, fingerprint
    }

    /// Decodes a version; `refundProgress` is absent from versions stored before it existed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        platformUpdatedAt = try container.decode(Timestamp.self, forKey: .platformUpdatedAt)
        statusRank = try container.decode(Int.self, forKey: .statusRank)
        refundProgress = try container.decodeIfPresent(Int.self, forKey: .refundProgress) ?? 0
        sourcePrecedence = try container.decode(Int.self, forKey: .sourcePrecedence)
        fingerprint = try container.decode(UInt64.self, forKey: .fingerprint)
    }

    public static func < (lhs: SnapshotVersion, rhs: SnapshotVersion) -> Bool {
        (lhs.platformUpdatedAt, lhs.statusRank, lhs.refundProgress, lhs.sourcePrecedence, lhs.fingerprint)
            < (rhs.platformUpdatedAt, rhs.statusRank, rhs.refundProgress, rhs.sourcePrecedence, rhs.fingerprint)
    }
}
