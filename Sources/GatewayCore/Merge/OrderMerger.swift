/// The pure merge of observations into canonical orders.
///
/// Rules (design.md §2, out-of-order rule):
/// - **Status** only moves forward through its rank (created < paid < shipped < completed).
///   `cancelled` is terminal: once seen it stays, unless an observation explicitly re-opens the
///   order (``OrderObservation/reopens``) with a platform update time newer than the latest cancel.
///   The status is a pure function of the ``StatusEvidence`` (the highest non-cancel status, the
///   latest cancel time and the latest re-open time seen), never of the order the observations came in:
///   a newer re-open then an older cancel ends where the reverse does.
/// - **Snapshot fields** (amounts, lines, buyer, attribution) come from the snapshot with the
///   greatest ``SnapshotVersion``: newer platform update time wins, ties broken deterministically.
/// - The order's platform update time is the greatest seen.
/// - An exact repeat changes nothing and is reported as `duplicate`; an older observation that
///   adds nothing is reported as `stale`.
///
/// Because each part is a maximum under a total order, any permutation of the same observations
/// converges to the same order, re-opens and cancels included.
public enum OrderMerger {
    /// Merges one observation into the current order.
    ///
    /// - Parameters:
    ///   - observation: what a delivery, poll or detail fetch said.
    ///   - current: the order as stored, or `nil` if the gateway has not seen it yet.
    /// - Returns: the new order, the decision for the timeline, and the previous status.
    public static func merge(_ observation: OrderObservation, into current: CanonicalOrder?) -> MergeResult {
        let incomingVersion = observation.snapshot.map { SnapshotVersion(of: $0, in: observation) }
        guard let current else {
            var evidence = StatusEvidence()
            if let status = observation.impliedStatus {
                evidence.record(status, at: observation.platformUpdatedAt, reopens: observation.reopens)
            }
            let order = CanonicalOrder(
                key: observation.key,
                status: evidence.status,
                platformUpdatedAt: observation.platformUpdatedAt,
                snapshot: observation.snapshot,
                snapshotVersion: incomingVersion,
                revision: 1,
                statusEvidence: evidence
            )
            return MergeResult(order: order, decision: .applied, previousStatus: nil)
        }

        var next = current
        if let status = observation.impliedStatus {
            next.statusEvidence.record(status, at: observation.platformUpdatedAt, reopens: observation.reopens)
            next.status = next.statusEvidence.status
        }
        if let snapshot = observation.snapshot, let version = incomingVersion {
            if current.snapshotVersion.map({ version > $0 }) ?? true {
                next.snapshot = snapshot
                next.snapshotVersion = version
            }
        }
        next.platformUpdatedAt = max(current.platformUpdatedAt, observation.platformUpdatedAt)

        if next == current {
            return MergeResult(order: current, decision: isRepeat(observation, of: current) ? .duplicate : .stale, previousStatus: current.status)
        }
        next.revision = current.revision + 1
        return MergeResult(order: next, decision: .applied, previousStatus: current.status)
    }

    /// Merges a sequence of observations in order, starting from `current`.
    public static func mergeAll(_ observations: some Sequence<OrderObservation>, into current: CanonicalOrder? = nil) -> CanonicalOrder? {
        var order = current
        for observation in observations { order = merge(observation, into: order).order }
        return order
    }

    /// Whether an observation that changed nothing says exactly what the order already says.
    private static func isRepeat(_ observation: OrderObservation, of order: CanonicalOrder) -> Bool {
        guard observation.platformUpdatedAt == order.platformUpdatedAt else { return false }
        if let status = observation.impliedStatus, status != order.status { return false }
        if let snapshot = observation.snapshot, snapshot != order.snapshot { return false }
        return true
    }
}
