extension CanonicalOrder {
    /// What this order holds, for ``HeldSnapshot/holds(_:)``; `nil` while it has no snapshot.
    public var heldSnapshot: HeldSnapshot? {
        snapshotVersion.map {
            HeldSnapshot(
                platformUpdatedAt: $0.platformUpdatedAt,
                fingerprint: $0.fingerprint,
                sourcePrecedence: $0.sourcePrecedence,
                statusEvidence: statusEvidence
            )
        }
    }
}
