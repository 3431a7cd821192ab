/// A total order on snapshots of one order, so that merging converges whatever the arrival order.
///
/// Compared by platform update time, then by the status rank the snapshot asserts, then by the
/// source's precedence, then by a deterministic content fingerprint.
public struct SnapshotVersion: Sendable, Hashable, Codable, Comparable {
    /// The platform's update time of the snapshot.
    public var platformUpdatedAt: Timestamp
    /// The rank of the snapshot's status.
    public var statusRank: Int
    /// The precedence of the snapshot's source.
    public var sourcePrecedence: Int
    /// FNV-1a fingerprint of the snapshot's content.
    public var fingerprint: UInt64

    /// Creates a version.
    public init(platformUpdatedAt: Timestamp, statusRank: Int, sourcePrecedence: Int, fingerprint: UInt64) {
        self.platformUpdatedAt = platformUpdatedAt
        self.statusRank = statusRank
        self.sourcePrecedence = sourcePrecedence
        self.fingerprint = fingerprint
    }

    /// The version of a snapshot carried by an observation.
    public init(of snapshot: OrderSnapshot, in observation: OrderObservation) {
        self.init(
            platformUpdatedAt: observation.platformUpdatedAt,
            statusRank: snapshot.status.rank,
            sourcePrecedence: observation.source.precedence,
            fingerprint: Fingerprint.of(snapshot)
        )
    }

    public static func < (lhs: SnapshotVersion, rhs: SnapshotVersion) -> Bool {
        (lhs.platformUpdatedAt, lhs.statusRank, lhs.sourcePrecedence, lhs.fingerprint)
            < (rhs.platformUpdatedAt, rhs.statusRank, rhs.sourcePrecedence, rhs.fingerprint)
    }
}
